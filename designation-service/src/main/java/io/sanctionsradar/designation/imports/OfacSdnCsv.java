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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OFAC's SDN list as CSV: {@code sdn.csv}, with the optional {@code alt.csv} (aliases), {@code add.csv}
 * (addresses) and {@code sdn_comments.csv} (remarks too long for sdn.csv). No header rows; {@code -0-} marks an
 * empty field; the files may end with byte 0x1A. OFAC writes many facts into the remarks ("a.k.a. 'X'",
 * "DOB 01 Jan 1960", "POB Tehran, Iran", "nationality Iran", "Passport A123 (Iran)", "IMO 1234567"): they are
 * parsed out into the subject's fields, and the remarks are kept as they are.
 */
public class OfacSdnCsv implements ListFormat {

    public static final String SOURCE_LIST = "US-OFAC-SDN";
    static final String AUTHORITY = "US-OFAC";
    /** What OFAC's SDN list (CSV or XML) imposes on every entry. */
    static final Measure BLOCKED = new Measure(MeasureType.ASSET_FREEZE, null,
            "Blocked; U.S. persons are generally prohibited from dealing with the subject", null, null);

    private static final Pattern ALIAS = Pattern.compile("\\b([afn])\\.k\\.a\\.,?\\s+'([^']+)'");
    private static final Pattern DOB = Pattern.compile(
            "\\bDOB\\s+(?:circa\\s+)?(?:(\\d{1,2})\\s+([A-Z][a-z]{2})\\s+(\\d{4})|([A-Z][a-z]{2})\\s+(\\d{4})|(\\d{4}))");
    private static final Pattern POB = Pattern.compile("\\bPOB\\s+([^;]+?)(?:;|\\.?$)");
    private static final Pattern NATIONALITY = Pattern.compile("\\b(?:nationality|citizen)\\s+([^;]+?)(?:;|\\.?$)");
    private static final Pattern IMO = Pattern.compile("\\bIMO\\s+(\\d{7})\\b");
    private static final Pattern MMSI = Pattern.compile("\\bMMSI\\s+(\\d{9})\\b");
    private static final Pattern DOCUMENT = Pattern.compile("\\b(Passport|National ID No\\.|Cedula No\\.|"
            + "Tax ID No\\.|Registration ID|Identification Number|SWIFT/BIC|RUC #|NIT #|D-U-N-S Number|"
            + "Business Registration Number|Company Number|C\\.U\\.R\\.P\\.|R\\.F\\.C\\.|"
            // matched by identifier in screening: addresses and aircraft numbers the remarks carry
            + "Digital Currency Address - [A-Z0-9]{2,6}|Aircraft Tail Number|"
            + "Aircraft Manufacturer's Serial Number \\(MSN\\)|Aircraft Construction Number \\([^)]*\\))"
            // the number: "B 960789" is one (a letter written apart), a lower-case word ("issued") is none
            + "\\s+(?!IMO\\b)(?![a-z]+\\b)([A-Z]\\s\\d{5,}|[A-Za-z0-9./-]+)"
            + "(?:\\s+\\(([^)]+)\\))?");
    /** A shipowner's or manager's IMO company number (7 digits, no check digit), not a ship's IMO number. */
    private static final Pattern IMO_COMPANY = Pattern.compile(
            "\\b(?:Identification Number|Company Number)\\s+IMO\\s+(\\d{7})\\b");
    private static final int SDN_COLUMNS = 12;

    @Override
    public String name() {
        return "ofac-sdn-csv";
    }

    @Override
    public ParsedList parse(Map<String, Path> files) throws IOException {
        Path sdn = files.get("sdn.csv");
        if (sdn == null) {
            throw new MalformedListException("the ofac-sdn-csv format needs a file named sdn.csv (optionally alt.csv, "
                    + "add.csv and sdn_comments.csv); got " + files.keySet(), null);
        }
        Map<String, List<Alias>> aliases = new HashMap<>();
        Map<String, List<Address>> addresses = new HashMap<>();
        Map<String, StringBuilder> comments = new HashMap<>();
        if (files.containsKey("alt.csv")) {
            read(files.get("alt.csv"), "alt.csv", 5, row -> aliases.computeIfAbsent(row.get(0), k -> new ArrayList<>())
                    .add(new Alias(row.get(3), aliasKind(row.get(2)), null)));
        }
        if (files.containsKey("add.csv")) {
            read(files.get("add.csv"), "add.csv", 6, row -> {
                Address address = address(row.get(2), row.get(3), row.get(4));
                if (address != null) {
                    addresses.computeIfAbsent(row.get(0), k -> new ArrayList<>()).add(address);
                }
            });
        }
        if (files.containsKey("sdn_comments.csv")) {
            read(files.get("sdn_comments.csv"), "sdn_comments.csv", 2,
                    row -> comments.computeIfAbsent(row.get(0), k -> new StringBuilder()).append(row.get(1)));
        }
        List<ListEntry> entries = new ArrayList<>();
        read(sdn, "sdn.csv", SDN_COLUMNS, row -> {
            String entNum = row.get(0);
            String remarks = row.get(11);
            if (remarks != null && comments.containsKey(entNum)) {
                remarks = remarks + comments.get(entNum);
            }
            entries.add(ListEntry.atRecord((int) row.record(), draft(row, remarks,
                    aliases.getOrDefault(entNum, List.of()), addresses.getOrDefault(entNum, List.of()))));
        });
        return new ParsedList(SOURCE_LIST, entries, List.of());
    }

    private DesignationDraft draft(Row row, String remarks, List<Alias> listedAliases, List<Address> listedAddresses) {
        SubjectType type = ListFiles.subjectType(row.get(2));
        String text = remarks == null ? "" : remarks;
        Set<Alias> aliases = new LinkedHashSet<>(listedAliases);
        Matcher alias = ALIAS.matcher(text);
        while (alias.find()) {
            aliases.add(new Alias(alias.group(2).trim(), aliasKind(alias.group(1) + ".k.a."), null));
        }
        Set<String> birthDates = new LinkedHashSet<>();
        Matcher dob = DOB.matcher(text);
        while (dob.find()) {
            birthDates.add(partialDate(dob));
        }
        List<String> placesOfBirth = all(POB, text);
        Set<String> nationalities = new LinkedHashSet<>();
        for (String country : all(NATIONALITY, text)) {
            Countries.code(country).ifPresent(nationalities::add);
        }
        List<Identifier> identifiers = new ArrayList<>();
        Matcher document = DOCUMENT.matcher(text);
        while (document.find()) {
            identifiers.add(new Identifier(document.group(1).replaceAll("[.#]$", "").trim(), document.group(2)
                    .replaceAll("[.;,]$", ""), Countries.code(document.group(3)).orElse(null), null));
        }
        for (String number : all(IMO_COMPANY, text)) {
            identifiers.add(new Identifier("IMO Company Number", number, null, null));
        }
        VesselDetails vessel = null;
        if (type == SubjectType.VESSEL) {
            vessel = new VesselDetails(first(IMO, text), first(MMSI, text), row.get(5),
                    Countries.code(row.get(9)).orElse(null), row.get(6), ListFiles.tonnage(row.get(8), row.get(7)), row.get(10));
        }
        StringBuilder subjectRemarks = new StringBuilder();
        if (row.get(4) != null) {
            subjectRemarks.append("Title: ").append(row.get(4)).append(". ");
        }
        subjectRemarks.append(text);
        Subject subject = new Subject(type, row.get(1), List.copyOf(aliases), List.copyOf(birthDates), placesOfBirth,
                List.copyOf(nationalities), List.of(), listedAddresses, identifiers, vessel, null,
                blankToNull(subjectRemarks.toString().trim()));
        return new DesignationDraft(AUTHORITY, programmes(row.get(3)), null, null, SOURCE_LIST, row.get(0), null,
                null, List.of(BLOCKED), subject, List.of());
    }

    /** "SDGT] [IFSR" → [SDGT, IFSR]: OFAC separates several programmes with "] [". */
    static List<String> programmes(String field) {
        if (field == null) {
            return List.of();
        }
        return Arrays.stream(field.split("\\]\\s*\\[")).map(p -> p.replace("[", "").replace("]", "").trim())
                .filter(p -> !p.isEmpty()).distinct().toList();
    }

    private static String partialDate(Matcher dob) {
        if (dob.group(3) != null) {
            return "%s-%02d-%02d".formatted(dob.group(3), ListFiles.month(dob.group(2)), Integer.parseInt(dob.group(1)));
        }
        if (dob.group(5) != null) {
            return "%s-%02d".formatted(dob.group(5), ListFiles.month(dob.group(4)));
        }
        return dob.group(6);
    }

    private static Address address(String street, String cityStatePostal, String country) {
        if (street == null && cityStatePostal == null && country == null) {
            return null;
        }
        String code = Countries.code(country).orElse(null);
        String region = code == null && country != null ? country : null;
        return new Address(street, cityStatePostal, region, null, code);
    }

    /** An alias type as OFAC writes it ("a.k.a.", "f.k.a.", "n.k.a.", "weak aka") as an alias kind. */
    static AliasKind aliasKind(String type) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (t.startsWith("f")) {
            return AliasKind.FKA;
        }
        if (t.startsWith("n")) {
            return AliasKind.NKA;
        }
        return t.contains("weak") ? AliasKind.WEAK : AliasKind.AKA;
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            String value = matcher.group(1).trim();
            if (!value.isEmpty() && !found.contains(value)) {
                found.add(value);
            }
        }
        return found;
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A CSV row with OFAC's conventions undone: {@code -0-} and blanks read as null, values trimmed. */
    record Row(long record, List<String> values) {
        String get(int column) {
            return column < values.size() ? values.get(column) : null;
        }
    }

    /** Reads a headerless OFAC file; a row with the wrong number of columns means the file is not this format. */
    static void read(Path file, String name, int columns, Consumer<Row> rows) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get().parse(reader)) {
            for (CSVRecord csv : parser) {
                if (csv.size() == 1 && csv.get(0).replace("\u001a", "").isBlank()) {
                    continue; // OFAC's files end with an end-of-file byte
                }
                if (csv.size() != columns) {
                    throw new MalformedListException(name + " should have " + columns + " columns, this row has "
                            + csv.size(), (int) csv.getRecordNumber());
                }
                if (!csv.get(0).matches("\\d+")) {
                    throw new MalformedListException(name + ": the first column should be the numeric ent_num, got '"
                            + abbreviate(csv.get(0)) + "'", (int) csv.getRecordNumber());
                }
                List<String> values = new ArrayList<>(csv.size());
                for (String value : csv) {
                    String v = value.trim();
                    values.add(v.isEmpty() || v.equals("-0-") ? null : v);
                }
                rows.accept(new Row(csv.getRecordNumber(), values));
            }
        } catch (UncheckedIOException e) {
            throw new MalformedListException(name + " is not readable CSV: " + e.getCause().getMessage(), null);
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
