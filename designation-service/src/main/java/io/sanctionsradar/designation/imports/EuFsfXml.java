package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.Address;
import io.sanctionsradar.designation.domain.Alias;
import io.sanctionsradar.designation.domain.AliasKind;
import io.sanctionsradar.designation.domain.DesignationDraft;
import io.sanctionsradar.designation.domain.Identifier;
import io.sanctionsradar.designation.domain.Measure;
import io.sanctionsradar.designation.domain.MeasureType;
import io.sanctionsradar.designation.domain.Subject;
import io.sanctionsradar.designation.domain.SubjectType;
import io.sanctionsradar.designation.imports.XmlRecords.Element;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The EU's consolidated financial sanctions file (FSF), in both shapes the EU has published: the old v1.0
 * ({@code WHOLE/ENTITY}, facts in child elements, the entry's {@code Id} attribute) and the current v1.1
 * ({@code export/sanctionEntity}, facts in attributes, {@code logicalId}). Either way the id is the source id and
 * every entry is an EU asset freeze under its programme.
 */
public class EuFsfXml implements ListFormat {

    public static final String SOURCE_LIST = "EU-FSF";
    static final String AUTHORITY = "EU-COUNCIL";

    @Override
    public String name() {
        return "eu-fsf-xml";
    }

    /**
     * A v1.1 entity listed under two regimes appears once per regime with the same {@code logicalId} (the March 2022
     * file lists 20 Taliban leaders under AFG and TAQA): one designation of both programmes.
     */
    @Override
    public ParsedList parse(Map<String, Path> files) throws IOException {
        Map<String, ListEntry> entries = new LinkedHashMap<>();
        List<ListEntry> withoutId = new ArrayList<>();
        XmlRecords.read(ListFiles.single(files, name()), Set.of("WHOLE", "export"), Set.of("ENTITY", "sanctionEntity"),
                record -> {
                    boolean v11 = record.name().equals("sanctionEntity");
                    String id = record.attr(v11 ? "logicalId" : "Id");
                    ListEntry entry = ListEntry.atLine(record.line(), v11 ? v11(id, record) : v10(id, record));
                    if (id == null) {
                        withoutId.add(entry);
                    } else {
                        entries.merge(id, entry, (first, again) ->
                                first.withDraft(merged(first.draft(), again.draft())));
                    }
                });
        List<ListEntry> all = new ArrayList<>(entries.values());
        all.addAll(withoutId);
        return new ParsedList(SOURCE_LIST, all, List.of());
    }

    /** One entity's two records: every programme, name and fact of both; the earlier listing date. */
    private static DesignationDraft merged(DesignationDraft a, DesignationDraft b) {
        Subject s = a.subject();
        Subject t = b.subject();
        List<Alias> names = Stream.of(Stream.of(alias(s.name(), AliasKind.AKA)), s.aliases().stream(),
                Stream.of(alias(t.name(), AliasKind.AKA)), t.aliases().stream()).flatMap(n -> n).toList();
        Subject subject = subject(a.sourceId(), s.type(), names, union(s.birthDates(), t.birthDates()),
                union(s.placesOfBirth(), t.placesOfBirth()), union(s.citizenships(), t.citizenships()),
                union(s.addresses(), t.addresses()), union(s.identifiers(), t.identifiers()),
                Stream.of(s.remarks(), t.remarks()).filter(Objects::nonNull).distinct()
                        .collect(Collectors.joining(". ")));
        LocalDate listedOn = a.listedOn() == null || (b.listedOn() != null && b.listedOn().isBefore(a.listedOn()))
                ? b.listedOn() : a.listedOn();
        String legalBasis = Stream.of(a.legalBasis(), b.legalBasis()).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining("; "));
        return new DesignationDraft(a.authority(), union(a.programs(), b.programs()),
                legalBasis.isEmpty() ? null : ListFiles.cut(legalBasis, 512), listedOn, a.sourceList(), a.sourceId(),
                a.sourceReference(), a.sourceUrl(), a.measures(), subject, a.respondsTo());
    }

    private static <T> List<T> union(List<T> a, List<T> b) {
        return Stream.concat(a.stream(), b.stream()).distinct().toList();
    }

    /** v1.0: {@code <ENTITY Id Type="P|E" programme legal_basis reg_date pdf_link>} with NAME, BIRTH … children. */
    private static DesignationDraft v10(String id, Element entity) {
        List<Alias> names = entity.all("NAME").stream().map(n -> n.child("WHOLENAME") != null ? n.child("WHOLENAME")
                        : Stream.of(n.child("FIRSTNAME"), n.child("MIDDLENAME"), n.child("LASTNAME"))
                        .filter(Objects::nonNull).collect(Collectors.joining(" ")))
                .map(n -> alias(n, AliasKind.AKA)).filter(Objects::nonNull).toList();
        List<String> birthDates = entity.all("BIRTH").stream().map(b -> b.child("DATE")).filter(Objects::nonNull)
                .filter(ListFiles.PARTIAL_DATE.asMatchPredicate()).distinct().toList();
        List<String> places = entity.all("BIRTH").stream()
                .map(b -> Stream.of(b.child("PLACE"), b.child("COUNTRY")).filter(Objects::nonNull)
                        .collect(Collectors.joining(", ")))
                .filter(p -> !p.isEmpty()).distinct().toList();
        List<String> citizenships = entity.all("CITIZEN").stream().map(c -> Countries.code(c.child("COUNTRY")))
                .flatMap(Optional::stream).distinct().toList();
        List<Identifier> passports = entity.all("PASSPORT").stream().filter(p -> p.child("NUMBER") != null)
                .map(p -> ListFiles.identifier("Passport", p.child("NUMBER"),
                        Countries.code(p.child("COUNTRY")).orElse(null), null))
                .distinct().toList();
        List<Address> addresses = entity.all("ADDRESS").stream()
                .map(a -> address(Stream.of(a.child("NUMBER"), a.child("STREET")).filter(Objects::nonNull)
                        .collect(Collectors.joining(" ")), a.child("CITY"), null, a.child("ZIPCODE"),
                        Countries.code(a.child("COUNTRY")).orElse(null), a.child("COUNTRY")))
                .filter(Objects::nonNull).distinct().toList();
        String functions = entity.all("NAME").stream().map(n -> n.child("FUNCTION")).filter(Objects::nonNull)
                .distinct().collect(Collectors.joining("; "));
        String remarks = Stream.of(functions.isEmpty() ? null : "Function: " + functions, entity.attr("remark"))
                .filter(Objects::nonNull).collect(Collectors.joining(". "));
        SubjectType type = "P".equals(entity.attr("Type")) ? SubjectType.PERSON : SubjectType.ORGANIZATION;
        Subject subject = subject(id, type, names, birthDates, places, citizenships, addresses, passports, remarks);
        return draft(id, subject, entity.attr("programme"), entity.attr("legal_basis"), entity.attr("legal_basis"),
                entity.attr("reg_date"), entity.attr("pdf_link"));
    }

    /**
     * v1.1: {@code <sanctionEntity logicalId euReferenceNumber designationDate>} with regulation, nameAlias … as
     * attributes; the regulation's {@code publicationUrl} is a child element; the EU's reference of the entry
     * ({@code EU.27.28}) is the source reference.
     */
    private static DesignationDraft v11(String id, Element entity) {
        Element regulation = entity.element("regulation");
        Element subjectType = entity.element("subjectType");
        List<Alias> names = entity.all("nameAlias").stream().map(n -> alias(n.attr("wholeName") != null
                        ? n.attr("wholeName") : Stream.of(n.attr("firstName"), n.attr("middleName"), n.attr("lastName"))
                        .filter(Objects::nonNull).collect(Collectors.joining(" ")),
                        weak(n) ? AliasKind.WEAK : AliasKind.AKA))
                .filter(Objects::nonNull).toList();
        List<String> birthDates = entity.all("birthdate").stream().flatMap(EuFsfXml::birthDates)
                .filter(ListFiles::partialDate).distinct().toList();
        List<String> places = entity.all("birthdate").stream()
                .map(b -> Stream.of(b.attr("city"), b.attr("place"), b.attr("region"), countryName(b))
                        .filter(Objects::nonNull).distinct().collect(Collectors.joining(", ")))
                .filter(p -> !p.isEmpty()).distinct().toList();
        List<String> citizenships = entity.all("citizenship").stream()
                .map(c -> Countries.iso(c.attr("countryIso2Code"))).filter(Objects::nonNull).distinct().toList();
        List<Identifier> documents = entity.all("identification").stream().filter(d -> d.attr("number") != null)
                .map(d -> ListFiles.identifier(Objects.requireNonNullElse(d.attr("identificationTypeDescription"),
                                Objects.requireNonNullElse(d.attr("identificationTypeCode"), "Document")),
                        d.attr("number"), Countries.iso(d.attr("countryIso2Code")), documentNotes(d)))
                .distinct().toList();
        List<Address> addresses = entity.all("address").stream()
                .map(a -> address(a.attr("street"), a.attr("city"), a.attr("region") != null ? a.attr("region")
                        : a.attr("place"), a.attr("zipCode"), Countries.iso(a.attr("countryIso2Code")), countryName(a)))
                .filter(Objects::nonNull).distinct().toList();
        SubjectType type = subjectType != null && "person".equals(subjectType.attr("code")) ? SubjectType.PERSON
                : SubjectType.ORGANIZATION;
        Subject subject = subject(id, type, names, birthDates, places, citizenships, addresses, documents,
                remarks(entity));
        String listedOn = entity.attr("designationDate") != null ? entity.attr("designationDate")
                : regulation == null ? null : regulation.attr("entryIntoForceDate");
        Element url = regulation == null ? null : regulation.element("publicationUrl");
        return draft(id, subject, regulation == null ? null : regulation.attr("programme"),
                regulation == null ? null : regulation.attr("numberTitle"), entity.attr("euReferenceNumber"), listedOn,
                url == null || url.text() == null ? null : url.text().strip());
    }

    /** The EU marks a weak alias either way: strong="false", or a remark "low quality alias". */
    private static boolean weak(Element nameAlias) {
        return "false".equals(nameAlias.attr("strong")) || nameAlias.all("remark").stream()
                .anyMatch(r -> r.text() != null && r.text().toLowerCase(Locale.ROOT).contains("low quality"));
    }

    /** A full date, a year and month, a year, or both ends of a range of years ("between 1958 and 1963"). */
    private static Stream<String> birthDates(Element b) {
        String year = b.attr("year");
        String month = b.attr("monthOfYear");
        if (b.attr("birthdate") != null) {
            return Stream.of(b.attr("birthdate"));
        } else if (year != null && month != null && month.matches("\\d{1,2}")) {
            return Stream.of(year + "-" + (month.length() == 1 ? "0" + month : month));
        } else if (year != null) {
            return Stream.of(year);
        }
        return Stream.of(b.attr("yearRangeFrom"), b.attr("yearRangeTo")).filter(Objects::nonNull);
    }

    /** The country's name as the file writes it; "00" / UNKNOWN is no country. */
    private static String countryName(Element e) {
        return "00".equals(e.attr("countryIso2Code")) ? null : e.attr("countryDescription");
    }

    /** What the EU says of a document beyond its number: expired, false, diplomatic …, its dates and remark. */
    private static String documentNotes(Element d) {
        Stream<String> flags = Stream.of("diplomatic", "knownExpired", "knownFalse", "reportedLost", "revokedByIssuer")
                .filter(f -> "true".equals(d.attr(f)))
                .map(f -> f.replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT)); // knownExpired → known expired
        Stream<String> facts = Stream.of(label("issued by", d.attr("issuedBy")), label("issued", d.attr("issueDate")),
                label("valid from", d.attr("validFrom")), label("valid to", d.attr("validTo")),
                label("name on document", d.attr("nameOnDocument")), label("region", d.attr("region")));
        String notes = Stream.of(flags, facts, d.all("remark").stream().map(Element::text)).flatMap(s -> s)
                .filter(n -> n != null && !n.isBlank()).map(String::strip).collect(Collectors.joining("; "));
        return notes.isEmpty() ? null : notes;
    }

    /** The functions, titles and remarks of the entry and its names, and the UN's reference if any. */
    private static String remarks(Element entity) {
        String functions = values(entity.all("nameAlias"), "function");
        String titles = values(entity.all("nameAlias"), "title");
        Stream<String> facts = Stream.of(label("Function", functions), label("Title", titles),
                label("UN reference", entity.attr("unitedNationId")), entity.attr("designationDetails"));
        return Stream.concat(facts, entity.all("remark").stream().map(Element::text).map(String::trim))
                .filter(s -> s != null && !s.isEmpty()).collect(Collectors.joining(". "));
    }

    private static String values(List<Element> elements, String attribute) {
        String joined = elements.stream().map(n -> n.attr(attribute)).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining("; "));
        return joined.isEmpty() ? null : joined;
    }

    private static String label(String label, String value) {
        return value == null ? null : label + ": " + value;
    }

    private static Subject subject(String id, SubjectType type, List<Alias> names, List<String> birthDates,
                                   List<String> places, List<String> citizenships, List<Address> addresses,
                                   List<Identifier> documents, String remarks) {
        String name = names.isEmpty() ? "(no name given, EU entry " + id + ")" : names.get(0).name();
        Map<String, Alias> aliases = new LinkedHashMap<>();
        names.stream().filter(a -> !a.name().equals(name)).forEach(a -> aliases.putIfAbsent(a.name(), a));
        return new Subject(type, name, List.copyOf(aliases.values()), birthDates, places, citizenships, citizenships,
                addresses, documents, null, null, remarks.isEmpty() ? null : ListFiles.cut(remarks, 8192));
    }

    private static DesignationDraft draft(String id, Subject subject, String programme, String legalBasis,
                                          String reference, String listedOn, String url) {
        // "ZWE" (v1.0) → EU-ZWE, "EU.GHRSR" (v1.1) → EU-GHRSR
        String code = ListFiles.programmeCode("EU", programme).replaceFirst("^EU-EU-", "EU-");
        return new DesignationDraft(AUTHORITY, List.of(code), legalBasis, ListFiles.isoDate(listedOn), SOURCE_LIST, id,
                reference, url != null && url.matches("https?://\\S+") ? url : null,
                List.of(new Measure(MeasureType.ASSET_FREEZE, "European Union", null, null, null)), subject, List.of());
    }

    private static Address address(String street, String city, String region, String zip, String country,
                                   String countryName) {
        String s = street == null || street.isBlank() ? null : street.trim();
        if (s == null && city == null && region == null && country == null && countryName == null) {
            return null;
        }
        String place = Stream.of(region, country == null ? countryName : null).filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
        return new Address(ListFiles.cut(s, 512), city, place.isEmpty() ? null : ListFiles.cut(place, 256),
                zip == null || zip.length() > 32 ? null : zip, country);
    }

    /** A name as the file writes it, spaces collapsed; null when empty. */
    private static Alias alias(String name, AliasKind kind) {
        String n = ListFiles.cut(name.replaceAll("\\s+", " ").trim(), 512);
        return n.isEmpty() ? null : new Alias(n, kind, ListFiles.script(n));
    }
}
