package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.Address;
import io.sanctionsradar.designation.domain.Alias;
import io.sanctionsradar.designation.domain.DesignationDraft;
import io.sanctionsradar.designation.domain.Identifier;
import io.sanctionsradar.designation.domain.Measure;
import io.sanctionsradar.designation.domain.MeasureType;
import io.sanctionsradar.designation.domain.Subject;
import io.sanctionsradar.designation.domain.SubjectType;
import io.sanctionsradar.designation.domain.VesselDetails;

import java.time.LocalDate;
import java.time.YearMonth;
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
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What every layout of HM Treasury's (OFSI) consolidated list shares: one row per name of a listed party, the rows
 * of one party under its {@code Group ID} (the source id), and the same name, birth, address and regime columns.
 * Collects the rows by Group ID; {@link Party} folds the shared columns of one party's rows into its draft.
 */
final class OfsiGroups {

    static final String AUTHORITY = "UK-HMT";
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** dd/mm/yyyy, mm/yyyy or yyyy; the list writes an unknown day or month as 00. */
    private static final Pattern DOB = Pattern.compile("(?:(?:(\\d{2})/)?(\\d{2})/)?(\\d{4})");
    private static final Measure ASSET_FREEZE = new Measure(MeasureType.ASSET_FREEZE, "United Kingdom", null, null,
            null);

    /** One row of the list: a trimmed value by column name, null when the column is absent or the cell blank. */
    @FunctionalInterface
    interface Row {
        String value(String column);
    }

    /** The rows of one party, in file order, and the line of its first. */
    private record Group(int line, List<Row> rows) {
    }

    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final List<Rejection> rejections = new ArrayList<>();

    /** Adds a row to its party; a row without a Group ID belongs to none and is rejected. */
    void add(int line, Row row) {
        String id = row.value("Group ID");
        if (id == null) {
            rejections.add(Rejection.atLine(line, null, "no Group ID"));
        } else {
            groups.computeIfAbsent(id, k -> new Group(line, new ArrayList<>())).rows().add(row);
        }
    }

    /** One entry per party, at the line of its first row, drafted from its Group ID and rows. */
    ParsedList parsed(String sourceList, BiFunction<String, List<Row>, DesignationDraft> draft) {
        List<ListEntry> entries = new ArrayList<>(groups.size());
        groups.forEach((id, group) -> entries.add(ListEntry.atLine(group.line(), draft.apply(id, group.rows()))));
        return new ParsedList(sourceList, entries, List.copyOf(rejections));
    }

    /** The facts a party's rows give, each once, in row order. */
    static final class Party {
        final Set<Alias> aliases = new LinkedHashSet<>();
        final Set<String> nationalities = new LinkedHashSet<>();
        final Set<Identifier> identifiers = new LinkedHashSet<>();
        final Set<String> remarks = new LinkedHashSet<>();
        private final Set<String> birthDates = new LinkedHashSet<>();
        private final Set<String> placesOfBirth = new LinkedHashSet<>();
        private final Set<Address> addresses = new LinkedHashSet<>();
        private final Set<String> programmes = new LinkedHashSet<>();

        /** The columns both layouts share: DOB, Town and Country of Birth, Address 1–6, postcode, Country, Regime. */
        void addShared(Row row) {
            birthDates.addAll(birthDates(row.value("DOB")));
            String place = Stream.of(row.value("Town of Birth"), row.value("Country of Birth"))
                    .filter(Objects::nonNull).collect(Collectors.joining(", "));
            if (!place.isEmpty()) {
                placesOfBirth.add(place);
            }
            Address address = address(row);
            if (address != null) {
                addresses.add(address);
            }
            if (row.value("Regime") != null) {
                programmes.add(programme(row.value("Regime")));
            }
        }

        /** The draft of a party: UK financial sanctions freeze assets. */
        DesignationDraft draft(String id, SubjectType type, String name, VesselDetails vessel, LocalDate listedOn,
                               String reference, String sourceList) {
            String remarkText = String.join(". ", remarks);
            Subject subject = new Subject(type, name, List.copyOf(aliases), List.copyOf(birthDates),
                    List.copyOf(placesOfBirth), List.copyOf(nationalities), List.of(), List.copyOf(addresses),
                    List.copyOf(identifiers), vessel, null,
                    remarkText.isEmpty() ? null : remarkText.substring(0, Math.min(remarkText.length(), 8192)));
            return new DesignationDraft(AUTHORITY, programmes.isEmpty() ? List.of("UK-UNSPECIFIED")
                    : List.copyOf(programmes), null, listedOn, sourceList, id, reference, null, List.of(ASSET_FREEZE),
                    subject, List.of());
        }
    }

    /** "The ISIL (Da'esh) and Al-Qaida organisations" → "UK-THE-ISIL-DA-ESH-AND-AL-QAIDA-ORGANISATIONS". */
    static String programme(String regime) {
        String code = ListFiles.programmeCode("UK", regime);
        return code.length() > 64 ? code.substring(0, 64).replaceAll("-$", "") : code;
    }

    /** Surname in "Name 6", given names in "Name 1" to "Name 5": "AL-QAHTANI, Sheikh Farooq". */
    static String name(Row row, boolean individual) {
        String surname = row.value("Name 6");
        String given = Stream.of("Name 1", "Name 2", "Name 3", "Name 4", "Name 5").map(row::value)
                .filter(Objects::nonNull).collect(Collectors.joining(" "));
        if (!individual || given.isEmpty()) {
            return Stream.of(given, surname).filter(s -> s != null && !s.isEmpty()).collect(Collectors.joining(" "));
        }
        return surname == null ? given : surname + ", " + given;
    }

    /** "00/00/1980" → 1980, "00/05/1963" and "05/1963" → 1963-05, "14/12/1965" → 1965-12-14; impossible dates drop. */
    static List<String> birthDates(String dob) {
        if (dob == null) {
            return List.of();
        }
        List<String> dates = new ArrayList<>();
        Matcher m = DOB.matcher(dob);
        while (m.find()) {
            String month = m.group(2);
            String date = month == null || month.equals("00") ? m.group(3)
                    : m.group(1) == null || m.group(1).equals("00") ? m.group(3) + "-" + month
                    : m.group(3) + "-" + month + "-" + m.group(1);
            if (real(date)) {
                dates.add(date);
            }
        }
        return dates;
    }

    /** "1) Saudi Arabia 2) Qatar" split on {@code numbering} → [Saudi Arabia, Qatar], each without a final stop. */
    static List<String> numbered(String field, Pattern numbering) {
        if (field == null) {
            return List.of();
        }
        return Arrays.stream(numbering.split(field)).map(String::trim).map(s -> s.replaceAll("[.,;]$", ""))
                .filter(s -> !s.isEmpty()).toList();
    }

    /** A dd/mm/yyyy date; null when absent or not a date. */
    static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value, DAY_MONTH_YEAR);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Address address(Row row) {
        List<String> lines = Stream.of("Address 1", "Address 2", "Address 3", "Address 4", "Address 5")
                .map(row::value).filter(Objects::nonNull).toList();
        String city = row.value("Address 6");
        String country = row.value("Country");
        if (lines.isEmpty() && city == null && country == null) {
            return null;
        }
        String street = lines.isEmpty() ? null : String.join(", ", lines);
        String code = Countries.code(country).orElse(null);
        return new Address(street == null ? null : street.substring(0, Math.min(street.length(), 512)),
                city, code == null ? country : null, row.value("Post/Zip Code"), code);
    }

    /** Whether a YYYY, YYYY-MM or YYYY-MM-DD date exists: "31/02/1970" is a typo a draft must not carry. */
    private static boolean real(String date) {
        try {
            if (date.length() == 10) {
                LocalDate.parse(date);
            } else if (date.length() == 7) {
                YearMonth.parse(date);
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
