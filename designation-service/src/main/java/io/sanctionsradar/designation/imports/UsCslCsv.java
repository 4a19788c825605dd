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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * trade.gov's Consolidated Screening List as CSV: one header row, 29 columns, every U.S. export-screening list in
 * one file (SDN, Entity List, DPL, UVL, MEU, CMIC, SSI, ISN, DTC, …), with {@code ;}-separated values inside a
 * field. The whole file is one source list, {@code US-CSL}, keyed by its stable {@code _id}; each row's
 * {@code source} says which authority, programme and measures apply.
 */
public class UsCslCsv implements ListFormat {

    public static final String SOURCE_LIST = "US-CSL";
    private static final List<String> REQUIRED = List.of("_id", "source", "type", "programs", "name", "addresses",
            "federal_register_notice", "start_date", "license_requirement", "license_policy", "alt_names",
            "dates_of_birth", "nationalities", "citizenships", "places_of_birth", "ids", "remarks");
    private static final Pattern LIST_ABBREVIATION = Pattern.compile("\\(([A-Z-]+)(?: List)?\\)");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,63}");

    /** What each list of the CSL means: who runs it, its programme when the row names none, its measure. */
    private record ListRule(String authority, String programme, MeasureType measure, String scope) {
    }

    private static final Map<String, ListRule> RULES = Map.ofEntries(
            Map.entry("SDN", new ListRule("US-OFAC", "SDN", MeasureType.ASSET_FREEZE, null)),
            Map.entry("EL", new ListRule("US-BIS", "ENTITY-LIST", MeasureType.EXPORT_LICENSE_REQUIRED, null)),
            Map.entry("DPL", new ListRule("US-BIS", "DPL", MeasureType.EXPORT_PRIVILEGES_DENIED, null)),
            Map.entry("UVL", new ListRule("US-BIS", "UVL", MeasureType.EXPORT_LICENSE_REQUIRED,
                    "A UVL statement is required from the party before export; no license exceptions")),
            Map.entry("MEU", new ListRule("US-BIS", "MEU", MeasureType.EXPORT_LICENSE_REQUIRED,
                    "Items in Supplement No. 2 to Part 744 of the EAR")),
            Map.entry("DTC", new ListRule("US-STATE", "DTC", MeasureType.EXPORT_PRIVILEGES_DENIED,
                    "Debarred from participating in the export of defense articles and services (ITAR)")),
            Map.entry("ISN", new ListRule("US-STATE", "ISN", MeasureType.SECTORAL_RESTRICTIONS,
                    "Nonproliferation sanctions; the Federal Register notice names the measures")),
            Map.entry("SSI", new ListRule("US-OFAC", "SSI", MeasureType.SECTORAL_RESTRICTIONS,
                    "Directives under E.O. 13662 restrict new debt and equity")),
            Map.entry("CMIC", new ListRule("US-OFAC", "CMIC", MeasureType.INVESTMENT_BAN,
                    "Purchases of publicly traded securities prohibited")),
            Map.entry("NS-MBS", new ListRule("US-OFAC", "NS-MBS", MeasureType.SECTORAL_RESTRICTIONS, null)),
            Map.entry("PLC", new ListRule("US-OFAC", "NS-PLC", MeasureType.FINANCIAL_DEALINGS_BAN, null)),
            Map.entry("CAP", new ListRule("US-OFAC", "CAPTA", MeasureType.FINANCIAL_DEALINGS_BAN,
                    "Correspondent or payable-through accounts prohibited or restricted")),
            Map.entry("FSE", new ListRule("US-OFAC", "FSE", MeasureType.FINANCIAL_DEALINGS_BAN, null)));

    @Override
    public String name() {
        return "us-csl-csv";
    }

    @Override
    public ParsedList parse(Map<String, Path> files) throws IOException {
        Path file = ListFiles.single(files, name());
        Map<String, ListEntry> entries = new LinkedHashMap<>();
        List<Rejection> rejections = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            List<String> missing = REQUIRED.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new MalformedListException("not a Consolidated Screening List: the header lacks " + missing, 1);
            }
            int columns = parser.getHeaderNames().size();
            for (CSVRecord row : parser) {
                int line = (int) parser.getCurrentLineNumber();
                if (row.size() != columns) {
                    throw new MalformedListException("the header has " + columns + " columns, this row "
                            + row.size(), line);
                }
                String id = value(row, "_id");
                ListRule rule = rule(value(row, "source"));
                if (id == null) {
                    rejections.add(Rejection.atLine(line, null, "no _id"));
                } else if (rule == null) {
                    rejections.add(Rejection.atLine(line, id, "unknown source list " + value(row, "source")));
                } else if (!entries.containsKey(id)) {
                    entries.put(id, ListEntry.atLine(line, draft(row, id, rule)));
                } else if (entries.get(id).draft().authority().equals(rule.authority())) {
                    // one OFAC entry on several Treasury lists (SDN, SSI, CAPTA …): one designation, every measure
                    ListEntry first = entries.get(id);
                    entries.put(id, first.withDraft(merge(first.draft(), draft(row, id, rule))));
                } else {
                    rejections.add(Rejection.atLine(line, id, "_id " + id + " is also used by another authority's list"));
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new MalformedListException("not readable as CSV: " + e.getMessage(), null);
        }
        return new ParsedList(SOURCE_LIST, List.copyOf(entries.values()), rejections);
    }

    private static DesignationDraft merge(DesignationDraft first, DesignationDraft more) {
        List<String> programmes = union(first.programs(), more.programs());
        List<Measure> measures = union(first.measures(), more.measures());
        Subject s = first.subject();
        Subject subject = new Subject(s.type(), s.name(), union(s.aliases(), more.subject().aliases()), s.birthDates(),
                s.placesOfBirth(), s.nationalities(), s.citizenships(), s.addresses(), s.identifiers(), s.vessel(),
                s.aircraft(), s.remarks());
        LocalDate listedOn = first.listedOn() == null ? more.listedOn() : first.listedOn();
        return new DesignationDraft(first.authority(), programmes, first.legalBasis(), listedOn, first.sourceList(),
                first.sourceId(), first.sourceReference() == null ? more.sourceReference() : first.sourceReference(),
                first.sourceUrl(), measures, subject, first.respondsTo());
    }

    private static <T> List<T> union(List<T> first, List<T> more) {
        LinkedHashSet<T> all = new LinkedHashSet<>(first);
        all.addAll(more);
        return List.copyOf(all);
    }

    private static DesignationDraft draft(CSVRecord row, String id, ListRule rule) {
        SubjectType type = ListFiles.subjectType(value(row, "type"));
        List<Alias> aliases = split(value(row, "alt_names")).stream()
                .map(name -> name.startsWith("and ") ? name.substring(4).trim() : name)
                .filter(name -> !name.isEmpty()).distinct()
                .map(name -> new Alias(name, AliasKind.AKA, null)).toList();
        List<String> birthDates = split(value(row, "dates_of_birth")).stream()
                .filter(ListFiles.PARTIAL_DATE.asMatchPredicate()).distinct().toList();
        // ISN rows name acts ("Chemical and Biological Weapons Control … Act") where others name programme codes
        List<String> programmes = split(value(row, "programs")).stream().filter(p -> CODE.matcher(p).matches()).toList();
        List<String> acts = split(value(row, "programs")).stream().filter(p -> !CODE.matcher(p).matches()).toList();
        VesselDetails vessel = type != SubjectType.VESSEL ? null : new VesselDetails(null, null,
                value(row, "call_sign"), Countries.code(value(row, "vessel_flag")).orElse(null),
                value(row, "vessel_type"), ListFiles.tonnage(value(row, "gross_registered_tonnage"), value(row, "gross_tonnage")), value(row, "vessel_owner"));
        Measure measure = new Measure(rule.measure(), rule.scope(), null,
                rule.measure() == MeasureType.EXPORT_LICENSE_REQUIRED ? value(row, "license_requirement") : null,
                rule.measure() == MeasureType.EXPORT_LICENSE_REQUIRED ? value(row, "license_policy") : null);
        String remarks = join(value(row, "title"), value(row, "remarks"));
        Subject subject = new Subject(type, value(row, "name"), aliases, birthDates,
                split(value(row, "places_of_birth")), countries(value(row, "nationalities")),
                countries(value(row, "citizenships")), addresses(value(row, "addresses")),
                identifiers(value(row, "ids")), vessel, null, remarks);
        String url = value(row, "source_list_url");
        return new DesignationDraft(rule.authority(), programmes.isEmpty() ? List.of(rule.programme()) : programmes,
                acts.isEmpty() ? null : String.join("; ", acts), ListFiles.isoDate(value(row, "start_date")), SOURCE_LIST, id, value(row, "federal_register_notice"),
                url != null && url.matches("https?://\\S+") ? url : null, List.of(measure), subject, List.of());
    }

    private static ListRule rule(String source) {
        if (source == null) {
            return null;
        }
        Matcher abbreviation = LIST_ABBREVIATION.matcher(source);
        return abbreviation.find() ? RULES.get(abbreviation.group(1)) : null;
    }

    /** "Street 1, City, 12345, CN": the last part is the country code when it is one. */
    private static List<Address> addresses(String field) {
        List<Address> addresses = new ArrayList<>();
        for (String address : split(field)) {
            List<String> parts = new ArrayList<>(Arrays.asList(address.split("\\s*,\\s*")));
            parts.removeIf(String::isBlank);
            String country = parts.isEmpty() ? null : Countries.iso(parts.get(parts.size() - 1));
            if (country != null) {
                parts.remove(parts.size() - 1);
            }
            String street = parts.isEmpty() ? null : String.join(", ", parts);
            if (street != null && street.length() > 512) {
                street = street.substring(0, 512);
            }
            if (street != null || country != null) {
                addresses.add(new Address(street, null, null, null, country));
            }
        }
        return addresses;
    }

    /** "QA, 28940000602, National ID No." → country, number, kind; entries that are not documents are skipped. */
    private static List<Identifier> identifiers(String field) {
        List<Identifier> identifiers = new ArrayList<>();
        for (String entry : split(field)) {
            List<String> parts = Arrays.stream(entry.split("\\s*,\\s*")).filter(p -> !p.isBlank()).toList();
            if (parts.size() < 2) {
                continue;
            }
            String kind = parts.get(parts.size() - 1);
            String number = parts.get(parts.size() - 2);
            if (kind.equals("Gender") || kind.length() > 64 || number.length() > 128 || kind.endsWith("-")) {
                continue;
            }
            String country = parts.size() >= 3 ? Countries.iso(parts.get(0)) : null;
            identifiers.add(new Identifier(kind, number, country, null));
        }
        return identifiers;
    }

    private static List<String> countries(String field) {
        return split(field).stream().map(Countries::iso).filter(Objects::nonNull).distinct().toList();
    }

    private static List<String> split(String field) {
        if (field == null) {
            return List.of();
        }
        return new ArrayList<>(new LinkedHashSet<>(Arrays.stream(field.split(";")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList()));
    }

    private static String join(String... parts) {
        String joined = String.join(". ", Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList());
        return joined.isEmpty() ? null : joined;
    }

    private static String value(CSVRecord row, String column) {
        return ListFiles.value(row, column);
    }
}
