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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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

    @Override
    public ParsedList parse(Map<String, Path> files) throws IOException {
        List<ListEntry> entries = new ArrayList<>();
        XmlRecords.read(ListFiles.single(files, name()), Set.of("WHOLE", "export"), Set.of("ENTITY", "sanctionEntity"),
                record -> entries.add(ListEntry.atLine(record.line(), record.name().equals("sanctionEntity")
                        ? v11(record.attr("logicalId"), record) : v10(record.attr("Id"), record))));
        return new ParsedList(SOURCE_LIST, entries, List.of());
    }

    /** v1.0: {@code <ENTITY Id Type="P|E" programme legal_basis reg_date pdf_link>} with NAME, BIRTH … children. */
    private static DesignationDraft v10(String id, Element entity) {
        List<String> names = entity.all("NAME").stream().map(n -> n.child("WHOLENAME") != null ? n.child("WHOLENAME")
                        : Stream.of(n.child("FIRSTNAME"), n.child("MIDDLENAME"), n.child("LASTNAME"))
                        .filter(Objects::nonNull).collect(Collectors.joining(" ")))
                .map(EuFsfXml::clean).filter(n -> !n.isEmpty()).distinct().toList();
        List<String> birthDates = entity.all("BIRTH").stream().map(b -> b.child("DATE")).filter(Objects::nonNull)
                .filter(ListFiles.PARTIAL_DATE.asMatchPredicate()).distinct().toList();
        List<String> places = entity.all("BIRTH").stream()
                .map(b -> Stream.of(b.child("PLACE"), b.child("COUNTRY")).filter(Objects::nonNull)
                        .collect(Collectors.joining(", ")))
                .filter(p -> !p.isEmpty()).distinct().toList();
        List<String> citizenships = entity.all("CITIZEN").stream().map(c -> Countries.code(c.child("COUNTRY")))
                .flatMap(Optional::stream).distinct().toList();
        List<Identifier> passports = entity.all("PASSPORT").stream().filter(p -> p.child("NUMBER") != null)
                .map(p -> document("Passport", p.child("NUMBER"), Countries.code(p.child("COUNTRY")).orElse(null)))
                .distinct().toList();
        List<Address> addresses = entity.all("ADDRESS").stream()
                .map(a -> address(Stream.of(a.child("NUMBER"), a.child("STREET")).filter(Objects::nonNull)
                        .collect(Collectors.joining(" ")), a.child("CITY"), a.child("ZIPCODE"),
                        Countries.code(a.child("COUNTRY")).orElse(null), a.child("COUNTRY")))
                .filter(Objects::nonNull).distinct().toList();
        String functions = entity.all("NAME").stream().map(n -> n.child("FUNCTION")).filter(Objects::nonNull)
                .distinct().collect(Collectors.joining("; "));
        String remarks = Stream.of(functions.isEmpty() ? null : "Function: " + functions, entity.attr("remark"))
                .filter(Objects::nonNull).collect(Collectors.joining(". "));
        SubjectType type = "P".equals(entity.attr("Type")) ? SubjectType.PERSON : SubjectType.ORGANIZATION;
        return draft(id, type, names, birthDates, places, citizenships, addresses, passports, remarks,
                entity.attr("programme"), entity.attr("legal_basis"), entity.attr("reg_date"), entity.attr("pdf_link"));
    }

    /** v1.1: {@code <sanctionEntity logicalId designationDate>} with regulation, nameAlias … as attributes. */
    private static DesignationDraft v11(String id, Element entity) {
        Element regulation = entity.element("regulation");
        Element subjectType = entity.element("subjectType");
        List<String> names = entity.all("nameAlias").stream().map(n -> n.attr("wholeName") != null ? n.attr("wholeName")
                        : Stream.of(n.attr("firstName"), n.attr("middleName"), n.attr("lastName"))
                        .filter(Objects::nonNull).collect(Collectors.joining(" ")))
                .map(EuFsfXml::clean).filter(n -> !n.isEmpty()).distinct().toList();
        List<String> birthDates = entity.all("birthdate").stream()
                .map(b -> b.attr("birthdate") != null ? b.attr("birthdate") : b.attr("year")).filter(Objects::nonNull)
                .filter(ListFiles.PARTIAL_DATE.asMatchPredicate()).distinct().toList();
        List<String> places = entity.all("birthdate").stream()
                .map(b -> Stream.of(b.attr("city"), b.attr("place"), b.attr("countryDescription"))
                        .filter(Objects::nonNull).collect(Collectors.joining(", ")))
                .filter(p -> !p.isEmpty()).distinct().toList();
        List<String> citizenships = entity.all("citizenship").stream().map(c -> Countries.iso(c.attr("countryIso2Code")))
                .filter(Objects::nonNull).distinct().toList();
        List<Identifier> documents = entity.all("identification").stream().filter(d -> d.attr("number") != null)
                .map(d -> document(Objects.requireNonNullElse(d.attr("identificationTypeDescription"),
                                Objects.requireNonNullElse(d.attr("identificationTypeCode"), "Document")),
                        d.attr("number"), Countries.iso(d.attr("countryIso2Code"))))
                .distinct().toList();
        List<Address> addresses = entity.all("address").stream()
                .map(a -> address(a.attr("street"), a.attr("city"), a.attr("zipCode"), Countries.iso(a.attr("countryIso2Code")),
                        a.attr("countryDescription")))
                .filter(Objects::nonNull).distinct().toList();
        String functions = entity.all("nameAlias").stream().map(n -> n.attr("function")).filter(Objects::nonNull)
                .distinct().collect(Collectors.joining("; "));
        String remarks = Stream.concat(Stream.of(functions.isEmpty() ? null : "Function: " + functions),
                        entity.all("remark").stream().map(Element::text).map(String::trim))
                .filter(s -> s != null && !s.isEmpty()).collect(Collectors.joining(". "));
        SubjectType type = subjectType != null && "person".equals(subjectType.attr("code")) ? SubjectType.PERSON
                : SubjectType.ORGANIZATION;
        String listedOn = entity.attr("designationDate") != null ? entity.attr("designationDate")
                : regulation == null ? null : regulation.attr("entryIntoForceDate");
        return draft(id, type, names, birthDates, places, citizenships, addresses, documents, remarks,
                regulation == null ? null : regulation.attr("programme"),
                regulation == null ? null : regulation.attr("numberTitle"), listedOn,
                regulation == null ? null : regulation.attr("publicationUrl"));
    }

    private static DesignationDraft draft(String id, SubjectType type, List<String> names, List<String> birthDates,
                                          List<String> places, List<String> citizenships, List<Address> addresses,
                                          List<Identifier> documents, String remarks, String programme,
                                          String legalBasis, String listedOn, String url) {
        String name = names.isEmpty() ? "(no name given, EU entry " + id + ")" : names.get(0);
        Set<Alias> aliases = new LinkedHashSet<>();
        names.stream().skip(1).forEach(n -> aliases.add(new Alias(n, AliasKind.AKA, ListFiles.script(n))));
        Subject subject = new Subject(type, name, List.copyOf(aliases), birthDates, places, citizenships, citizenships,
                addresses, documents, null, null, remarks.isEmpty() ? null : remarks);
        // "ZWE" (v1.0) → EU-ZWE, "EU.GHRSR" (v1.1) → EU-GHRSR
        String code = ListFiles.programmeCode("EU", programme).replaceFirst("^EU-EU-", "EU-");
        return new DesignationDraft(AUTHORITY, List.of(code), legalBasis, ListFiles.isoDate(listedOn), SOURCE_LIST, id, legalBasis,
                url != null && url.matches("https?://\\S+") ? url : null,
                List.of(new Measure(MeasureType.ASSET_FREEZE, "European Union", null, null, null)), subject, List.of());
    }

    private static Identifier document(String kind, String number, String country) {
        String n = number.length() > 128 ? number.substring(0, 128) : number;
        return new Identifier(kind.length() > 256 ? kind.substring(0, 256) : kind, n, country,
                number.length() > 128 ? number : null);
    }

    private static Address address(String street, String city, String zip, String country, String countryName) {
        String s = street == null || street.isBlank() ? null : street.trim();
        if (s == null && city == null && country == null && countryName == null) {
            return null;
        }
        return new Address(s == null ? null : s.substring(0, Math.min(512, s.length())), city,
                country == null ? countryName : null, zip == null || zip.length() > 32 ? null : zip, country);
    }

    private static String clean(String name) {
        String n = name.replaceAll("\\s+", " ").trim();
        return n.length() > 512 ? n.substring(0, 512) : n;
    }
}
