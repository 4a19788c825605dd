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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * HM Treasury's (OFSI) consolidated list as CSV: Windows-1252, a "Last Updated" first line, then a header, then
 * one row per name of a listed party; the rows of one party share its {@code Group ID}, which becomes the
 * source id. The "Prime Alias" row names the party, the others are aliases. UK financial sanctions freeze assets.
 */
public class UkOfsiCsv implements ListFormat {

    public static final String SOURCE_LIST = "UK-OFSI-CONSOLIDATED";
    static final String AUTHORITY = "UK-HMT";
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final List<String> REQUIRED = List.of("Name 6", "Name 1", "DOB", "Nationality", "Country",
            "Group Type", "Alias Type", "Regime", "Listed On", "Group ID");
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Pattern DOB = Pattern.compile("(\\d{2})/(\\d{2})/(\\d{4})");
    private static final Pattern NUMBERED = Pattern.compile("\\s*\\d+\\)\\s*");
    /**
     * A document number inside the free text of "Passport Details" / "NI Number": a word of five or more letters and
     * digits that starts with at most three letters then a digit (so dates and words are not), with the country
     * that may follow in brackets ("2255278 (Syria)").
     */
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile(
            "\\b([A-Z]{0,3}\\d[A-Z0-9]{4,})\\b(?:\\s*\\(([^)]+)\\))?");

    /** The rows of one party, in file order. */
    private record Group(int line, List<CSVRecord> rows) {
    }

    @Override
    public String name() {
        return "uk-ofsi-csv";
    }

    @Override
    public ParsedList parse(Map<String, Path> files) throws IOException {
        Map<String, Group> groups = new LinkedHashMap<>();
        List<Rejection> rejections = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(ListFiles.single(files, name()), WINDOWS_1252)) {
            String first = reader.readLine();
            if (first == null || !first.startsWith("Last Updated")) {
                throw new MalformedListException("an OFSI consolidated list starts with a 'Last Updated' line", 1);
            }
            CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
            List<String> missing = REQUIRED.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new MalformedListException("the header lacks " + missing, 2);
            }
            int columns = parser.getHeaderNames().size();
            for (CSVRecord row : parser) {
                int line = (int) parser.getCurrentLineNumber() + 1; // + the "Last Updated" line read before
                if (row.size() != columns) {
                    throw new MalformedListException("the header has " + columns + " columns, this row " + row.size(), line);
                }
                String id = value(row, "Group ID");
                if (id == null) {
                    rejections.add(Rejection.atLine(line, null, "no Group ID"));
                } else {
                    groups.computeIfAbsent(id, k -> new Group(line, new ArrayList<>())).rows().add(row);
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new MalformedListException("not readable as CSV: " + e.getMessage(), null);
        }
        List<ListEntry> entries = new ArrayList<>();
        groups.forEach((id, group) -> entries.add(ListEntry.atLine(group.line(), draft(id, group.rows()))));
        return new ParsedList(SOURCE_LIST, entries, rejections);
    }

    /** The document numbers of a free-text column, each of this kind (see {@link #DOCUMENT_NUMBER}). */
    private static List<Identifier> documents(String kind, String text) {
        if (text == null) {
            return List.of();
        }
        List<Identifier> out = new ArrayList<>();
        Matcher m = DOCUMENT_NUMBER.matcher(text);
        while (m.find()) {
            String country = m.group(2) == null ? null : Countries.code(m.group(2).trim()).orElse(null);
            out.add(new Identifier(kind, m.group(1), country, null));
        }
        return out;
    }

    private static DesignationDraft draft(String id, List<CSVRecord> rows) {
        CSVRecord prime = rows.stream().filter(r -> "Prime Alias".equals(value(r, "Alias Type"))).findFirst()
                .orElse(rows.get(0));
        boolean individual = "Individual".equals(value(prime, "Group Type"));
        String name = name(prime, individual);
        Set<Alias> aliases = new LinkedHashSet<>();
        Set<String> birthDates = new LinkedHashSet<>();
        Set<String> placesOfBirth = new LinkedHashSet<>();
        Set<String> nationalities = new LinkedHashSet<>();
        Set<Address> addresses = new LinkedHashSet<>();
        Set<String> remarks = new LinkedHashSet<>();
        Set<Identifier> identifiers = new LinkedHashSet<>();
        Set<String> programmes = new LinkedHashSet<>();
        for (CSVRecord row : rows) {
            String rowName = name(row, individual);
            if (!rowName.equals(name) && !rowName.isEmpty()) {
                aliases.add(new Alias(rowName, "FKA".equals(value(row, "Alias Type")) ? AliasKind.FKA : AliasKind.AKA,
                        null));
            }
            String dob = value(row, "DOB");
            if (dob != null) {
                Matcher m = DOB.matcher(dob);
                while (m.find()) {
                    birthDates.add(m.group(2).equals("00") ? m.group(3) : m.group(1).equals("00")
                            ? m.group(3) + "-" + m.group(2) : m.group(3) + "-" + m.group(2) + "-" + m.group(1));
                }
            }
            String place = Stream.of(value(row, "Town of Birth"), value(row, "Country of Birth"))
                    .filter(Objects::nonNull).collect(Collectors.joining(", "));
            if (!place.isEmpty()) {
                placesOfBirth.add(place);
            }
            numbered(value(row, "Nationality")).forEach(n -> Countries.code(n).ifPresent(nationalities::add));
            Address address = address(row);
            if (address != null) {
                addresses.add(address);
            }
            identifiers.addAll(documents("Passport", value(row, "Passport Details")));
            identifiers.addAll(documents("National Identification Number", value(row, "NI Number")));
            Stream.of(value(row, "Title") == null ? null : "Title: " + value(row, "Title"),
                            value(row, "Position") == null ? null : "Position: " + value(row, "Position"),
                            value(row, "Passport Details") == null ? null : "Passport: " + value(row, "Passport Details"),
                            value(row, "NI Number") == null ? null : "National identification: " + value(row, "NI Number"),
                            value(row, "Other Information"))
                    .filter(Objects::nonNull).forEach(remarks::add);
            if (value(row, "Regime") != null) {
                programmes.add(programme(value(row, "Regime")));
            }
        }
        String remarkText = String.join(". ", remarks);
        Subject subject = new Subject(individual ? SubjectType.PERSON : SubjectType.ORGANIZATION, name,
                List.copyOf(aliases), List.copyOf(birthDates), List.copyOf(placesOfBirth), List.copyOf(nationalities),
                List.of(), List.copyOf(addresses), List.copyOf(identifiers), null, null,
                remarkText.isEmpty() ? null : remarkText.substring(0, Math.min(remarkText.length(), 8192)));
        return new DesignationDraft(AUTHORITY, programmes.isEmpty() ? List.of("UK-UNSPECIFIED") : List.copyOf(programmes),
                null, date(value(prime, "Listed On")), SOURCE_LIST, id, null, null,
                List.of(new Measure(MeasureType.ASSET_FREEZE, "United Kingdom", null, null, null)), subject, List.of());
    }

    /** "The ISIL (Da'esh) and Al-Qaida organisations" → "UK-THE-ISIL-DA-ESH-AND-AL-QAIDA-ORGANISATIONS". */
    static String programme(String regime) {
        String code = ListFiles.programmeCode("UK", regime);
        return code.length() > 64 ? code.substring(0, 64).replaceAll("-$", "") : code;
    }

    /** Surname in "Name 6", given names in "Name 1" to "Name 5": "AL-QAHTANI, Sheikh Farooq". */
    private static String name(CSVRecord row, boolean individual) {
        String surname = value(row, "Name 6");
        String given = Stream.of("Name 1", "Name 2", "Name 3", "Name 4", "Name 5").map(c -> value(row, c))
                .filter(Objects::nonNull).collect(Collectors.joining(" "));
        if (!individual || given.isEmpty()) {
            return Stream.of(given, surname).filter(s -> s != null && !s.isEmpty()).collect(Collectors.joining(" "));
        }
        return surname == null ? given : surname + ", " + given;
    }

    private static Address address(CSVRecord row) {
        List<String> lines = Stream.of("Address 1", "Address 2", "Address 3", "Address 4", "Address 5")
                .map(c -> value(row, c)).filter(Objects::nonNull).toList();
        String city = value(row, "Address 6");
        String country = value(row, "Country");
        if (lines.isEmpty() && city == null && country == null) {
            return null;
        }
        String street = lines.isEmpty() ? null : String.join(", ", lines);
        String code = Countries.code(country).orElse(null);
        return new Address(street == null ? null : street.substring(0, Math.min(street.length(), 512)),
                city, code == null ? country : null, value(row, "Post/Zip Code"), code);
    }

    private static List<String> numbered(String field) {
        if (field == null) {
            return List.of();
        }
        return Arrays.stream(NUMBERED.split(field)).map(String::trim).map(s -> s.replaceAll("[.,;]$", ""))
                .filter(s -> !s.isEmpty()).toList();
    }

    private static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value, DAY_MONTH_YEAR);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String value(CSVRecord row, String column) {
        return ListFiles.value(row, column);
    }
}
