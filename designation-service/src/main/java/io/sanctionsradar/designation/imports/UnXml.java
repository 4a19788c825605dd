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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The UN Security Council consolidated list (XML): {@code INDIVIDUAL} and {@code ENTITY} records keyed by
 * {@code DATAID}, each under a sanctions regime ({@code UN_LIST_TYPE}). UN listings oblige states to freeze
 * assets, bar travel (individuals) and embargo arms. Names in their original script become aliases with their
 * ISO 15924 script.
 */
public class UnXml implements ListFormat {

    public static final String SOURCE_LIST = "UN-SC-CONSOLIDATED";
    static final String AUTHORITY = "UN-SC";

    @Override
    public String name() {
        return "un-xml";
    }

    @Override
    public ParsedList parse(Map<String, Path> files) throws IOException {
        List<ListEntry> entries = new ArrayList<>();
        XmlRecords.read(ListFiles.single(files, name()), "CONSOLIDATED_LIST", Set.of("INDIVIDUAL", "ENTITY"),
                record -> entries.add(ListEntry.atLine(record.line(), draft(record.child("DATAID"), record))));
        return new ParsedList(SOURCE_LIST, entries, List.of());
    }

    private static DesignationDraft draft(String id, Element record) {
        boolean individual = record.name().equals("INDIVIDUAL");
        String name = Stream.of("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME").map(record::child)
                .filter(Objects::nonNull).collect(Collectors.joining(" "));
        Set<Alias> aliases = new LinkedHashSet<>();
        for (Element alias : record.all(individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS")) {
            String aliasName = alias.child("ALIAS_NAME");
            if (aliasName != null) {
                aliases.add(new Alias(aliasName, aliasKind(alias.child("QUALITY")), ListFiles.script(aliasName)));
            }
        }
        String original = record.child("NAME_ORIGINAL_SCRIPT");
        if (original != null) {
            aliases.add(new Alias(original, AliasKind.AKA, ListFiles.script(original)));
        }
        List<String> birthDates = new ArrayList<>();
        for (Element dob : record.all("INDIVIDUAL_DATE_OF_BIRTH")) {
            Stream.of(dob.child("DATE"), dob.child("YEAR"), dob.child("FROM_YEAR"), dob.child("TO_YEAR"))
                    .filter(Objects::nonNull).map(d -> d.length() > 10 ? d.substring(0, 10) : d)
                    .filter(ListFiles.PARTIAL_DATE.asMatchPredicate()).filter(d -> !birthDates.contains(d))
                    .forEach(birthDates::add);
        }
        List<String> placesOfBirth = record.all("INDIVIDUAL_PLACE_OF_BIRTH").stream()
                .map(p -> Stream.of(p.child("CITY"), p.child("STATE_PROVINCE"), p.child("COUNTRY"))
                        .filter(Objects::nonNull).collect(Collectors.joining(", ")))
                .filter(p -> !p.isEmpty()).distinct().toList();
        List<String> nationalities = record.all("NATIONALITY").stream().flatMap(n -> n.all("VALUE").stream())
                .map(Element::text).filter(Objects::nonNull).map(String::trim)
                .map(Countries::code).flatMap(java.util.Optional::stream).distinct().toList();
        List<Address> addresses = record.all(individual ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS").stream()
                .map(a -> address(a.child("STREET"), a.child("CITY"), a.child("STATE_PROVINCE"), a.child("ZIP_CODE"),
                        a.child("COUNTRY")))
                .filter(Objects::nonNull).distinct().toList();
        List<Identifier> documents = record.all("INDIVIDUAL_DOCUMENT").stream()
                .filter(d -> d.child("NUMBER") != null)
                .map(d -> new Identifier(d.child("TYPE_OF_DOCUMENT") == null ? "Document" : d.child("TYPE_OF_DOCUMENT"),
                        d.child("NUMBER"), Countries.code(first(d.child("ISSUING_COUNTRY"), d.child("COUNTRY_OF_ISSUE")))
                        .orElse(null), d.child("NOTE")))
                .distinct().toList();
        String remarks = Stream.of(values(record, "TITLE"), values(record, "DESIGNATION"), record.child("COMMENTS1"))
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(". "));
        Subject subject = new Subject(individual ? SubjectType.PERSON : SubjectType.ORGANIZATION, name,
                List.copyOf(aliases), birthDates, placesOfBirth, nationalities, List.of(), addresses, documents, null,
                null, remarks.isEmpty() ? null : remarks);
        List<Measure> measures = new ArrayList<>(List.of(new Measure(MeasureType.ASSET_FREEZE, "All UN member states",
                null, null, null)));
        if (individual) {
            measures.add(new Measure(MeasureType.ENTRY_BAN, "All UN member states", null, null, null));
        }
        measures.add(new Measure(MeasureType.ARMS_EMBARGO, "All UN member states", null, null, null));
        return new DesignationDraft(AUTHORITY, List.of(programme(record.child("UN_LIST_TYPE"))), null,
                ListFiles.isoDate(record.child("LISTED_ON")), SOURCE_LIST, id, record.child("REFERENCE_NUMBER"), null, measures,
                subject, List.of());
    }

    /** "Al-Qaida" → "UN-AL-QAIDA": one programme per UN sanctions regime. */
    static String programme(String listType) {
        return ListFiles.programmeCode("UN", listType);
    }

    private static AliasKind aliasKind(String quality) {
        String q = quality == null ? "" : quality.toLowerCase(Locale.ROOT);
        if (q.startsWith("f.k.a")) {
            return AliasKind.FKA;
        }
        if (q.startsWith("n.k.a")) {
            return AliasKind.NKA;
        }
        return q.equals("low") ? AliasKind.WEAK : AliasKind.AKA;
    }

    private static Address address(String street, String city, String region, String postalCode, String country) {
        if (street == null && city == null && region == null && country == null) {
            return null;
        }
        String code = Countries.code(country).orElse(null);
        String place = code == null && country != null ? (region == null ? country : region + ", " + country) : region;
        return new Address(street, city, place, postalCode, code);
    }

    private static String values(Element record, String name) {
        String joined = record.all(name).stream().flatMap(e -> e.all("VALUE").stream()).map(Element::text)
                .filter(Objects::nonNull).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.joining("; "));
        return joined.isEmpty() ? null : joined;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
