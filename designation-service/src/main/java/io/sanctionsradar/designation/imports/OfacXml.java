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
import io.sanctionsradar.designation.domain.VesselDetails;
import io.sanctionsradar.designation.imports.XmlRecords.Element;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * OFAC's classic {@code sdnList} XML, used for both the SDN list and the consolidated non-SDN list; entries are
 * keyed by {@code uid}. OFAC publishes them as {@code SDN.XML} and {@code CONSOLIDATED.XML}: a file whose name
 * contains "cons" is the non-SDN list (source list US-OFAC-CONSOLIDATED), any other the SDN list (US-OFAC-SDN,
 * the same source list as ofac-sdn-csv). SDN entries are blocked; non-SDN entries get their programme's measure.
 */
public class OfacXml implements ListFormat {

    public static final String CONSOLIDATED = "US-OFAC-CONSOLIDATED";
    private static final Pattern DATE = Pattern.compile("(?:(\\d{1,2})\\s+)?(?:([A-Z][a-z]{2})\\s+)?(\\d{4})");

    @Override
    public String name() {
        return "ofac-xml";
    }

    @Override
    public ParsedList parse(Map<String, Path> files) throws IOException {
        Path file = ListFiles.single(files, name());
        boolean consolidated = files.keySet().iterator().next().contains("cons");
        String sourceList = consolidated ? CONSOLIDATED : OfacSdnCsv.SOURCE_LIST;
        List<ListEntry> entries = new ArrayList<>();
        XmlRecords.read(file, "sdnList", Set.of("sdnEntry"), entry -> entries.add(ListEntry.atLine(entry.line(),
                draft(entry.child("uid"), entry, sourceList, consolidated))));
        return new ParsedList(sourceList, entries, List.of());
    }

    private static DesignationDraft draft(String uid, Element entry, String sourceList, boolean consolidated) {
        SubjectType type = ListFiles.subjectType(entry.child("sdnType"));
        Set<Alias> aliases = new LinkedHashSet<>();
        for (Element aka : nested(entry, "akaList", "aka")) {
            String name = name(aka, type);
            if (!name.isEmpty()) {
                aliases.add(new Alias(name, "weak".equals(aka.child("category")) ? AliasKind.WEAK
                        : OfacSdnCsv.aliasKind(aka.child("type")), null));
            }
        }
        List<String> birthDates = nested(entry, "dateOfBirthList", "dateOfBirthItem").stream()
                .map(d -> d.child("dateOfBirth")).filter(Objects::nonNull).flatMap(OfacXml::dates).distinct().toList();
        List<String> placesOfBirth = nested(entry, "placeOfBirthList", "placeOfBirthItem").stream()
                .map(p -> p.child("placeOfBirth")).filter(Objects::nonNull).distinct().toList();
        List<String> nationalities = countries(nested(entry, "nationalityList", "nationality"));
        List<String> citizenships = countries(nested(entry, "citizenshipList", "citizenship"));
        List<Address> addresses = nested(entry, "addressList", "address").stream().map(OfacXml::address)
                .filter(Objects::nonNull).distinct().toList();
        List<Identifier> identifiers = nested(entry, "idList", "id").stream()
                .filter(id -> id.child("idNumber") != null && id.child("idType") != null)
                .map(id -> new Identifier(id.child("idType"), id.child("idNumber"),
                        Countries.code(id.child("idCountry")).orElse(null), null))
                .filter(id -> id.kind().length() <= 256 && id.number().length() <= 128).distinct().toList();
        VesselDetails vessel = null;
        Element info = entry.element("vesselInfo");
        if (info != null) {
            vessel = new VesselDetails(null, null, info.child("callSign"),
                    Countries.code(info.child("vesselFlag")).orElse(null), info.child("vesselType"),
                    ListFiles.tonnage(info.child("grossRegisteredTonnage"), info.child("tonnage")), info.child("vesselOwner"));
        }
        String remarks = Stream.of(entry.child("title") == null ? null : "Title: " + entry.child("title"),
                entry.child("remarks")).filter(Objects::nonNull).collect(Collectors.joining(". "));
        Subject subject = new Subject(type, name(entry, type), List.copyOf(aliases), birthDates, placesOfBirth,
                nationalities, citizenships, addresses, identifiers, vessel, null, remarks.isEmpty() ? null : remarks);
        List<String> programmes = nested(entry, "programList", "program").stream().map(Element::text)
                .filter(Objects::nonNull).map(String::trim).filter(p -> !p.isEmpty()).distinct().toList();
        return new DesignationDraft(OfacSdnCsv.AUTHORITY, programmes, null, null, sourceList, uid, null, null,
                List.of(measure(consolidated, programmes)), subject, List.of());
    }

    private static Measure measure(boolean consolidated, List<String> programmes) {
        if (!consolidated) {
            return OfacSdnCsv.BLOCKED;
        }
        String all = String.join(" ", programmes);
        if (all.contains("CMIC")) {
            return new Measure(MeasureType.INVESTMENT_BAN, "Purchases of publicly traded securities prohibited", null,
                    null, null);
        }
        if (all.contains("PLC") || all.contains("FSE") || all.contains("CAPTA")) {
            return new Measure(MeasureType.FINANCIAL_DEALINGS_BAN, null, null, null, null);
        }
        return new Measure(MeasureType.SECTORAL_RESTRICTIONS, "As the programme's directives specify", null, null, null);
    }

    /** "HANIYA, Ismail Abdul Salah" for people, the full name otherwise. */
    private static String name(Element element, SubjectType type) {
        String last = element.child("lastName");
        String first = element.child("firstName");
        if (type == SubjectType.PERSON && last != null && first != null) {
            return last + ", " + first;
        }
        return Stream.of(first, last).filter(Objects::nonNull).collect(Collectors.joining(" "));
    }

    /** "12 Mar 1962" → 1962-03-12, "Mar 1962" → 1962-03, "1960 to 1962" → 1960 and 1962. */
    private static Stream<String> dates(String text) {
        return DATE.matcher(text).results().map(m -> {
            int month = m.group(2) == null ? 0 : ListFiles.month(m.group(2));
            // no (known) month: the year alone, whatever day came before it
            return month == 0 ? m.group(3) : m.group(1) == null ? "%s-%02d".formatted(m.group(3), month)
                    : "%s-%02d-%02d".formatted(m.group(3), month, Integer.parseInt(m.group(1)));
        });
    }

    private static Address address(Element address) {
        String street = Stream.of("address1", "address2", "address3").map(address::child).filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
        String country = address.child("country");
        String code = Countries.code(country).orElse(null);
        if (street.isEmpty() && address.child("city") == null && country == null) {
            return null;
        }
        return new Address(street.isEmpty() ? null : street, address.child("city"),
                code == null && country != null ? country : address.child("stateOrProvince"),
                address.child("postalCode"), code);
    }

    private static List<String> countries(List<Element> elements) {
        return elements.stream().map(e -> e.child("country")).map(Countries::code)
                .flatMap(java.util.Optional::stream).distinct().toList();
    }

    private static List<Element> nested(Element entry, String list, String item) {
        return entry.all(list).stream().flatMap(l -> l.all(item).stream()).toList();
    }

}
