package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.Address;
import io.sanctionsradar.designation.domain.Alias;
import io.sanctionsradar.designation.domain.AliasKind;
import io.sanctionsradar.designation.domain.DesignationDraft;
import io.sanctionsradar.designation.domain.Identifier;
import io.sanctionsradar.designation.domain.PartialDate;
import io.sanctionsradar.designation.domain.Subject;
import io.sanctionsradar.designation.domain.SubjectType;
import io.sanctionsradar.designation.domain.VesselDetails;
import io.sanctionsradar.designation.imports.AuDfatXlsx.Row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.sanctionsradar.designation.imports.AuDfatXlsx.ADDRESS;
import static io.sanctionsradar.designation.imports.AuDfatXlsx.BIRTH_DATE;
import static io.sanctionsradar.designation.imports.AuDfatXlsx.BIRTH_PLACE;
import static io.sanctionsradar.designation.imports.AuDfatXlsx.CITIZENSHIP;
import static io.sanctionsradar.designation.imports.AuDfatXlsx.COMMITTEES;
import static io.sanctionsradar.designation.imports.AuDfatXlsx.CONTROL_DATE;
import static io.sanctionsradar.designation.imports.AuDfatXlsx.INFORMATION;
import static io.sanctionsradar.designation.imports.AuDfatXlsx.LISTING;
import static io.sanctionsradar.designation.imports.AuDfatXlsx.NAME;
import static io.sanctionsradar.designation.imports.AuDfatXlsx.TYPE;

/**
 * One listing of Australia's Consolidated List ({@link AuDfatXlsx}): the rows under its number, folded into one
 * draft. The primary name row names the party; every other name is an alias ("Formerly known as" and "Previously
 * listed as" former ones), with its script. Each row repeats the party's facts, mostly alike; all distinct ones count.
 *
 * <p>{@code listedOn} is the first listing date "Listing Information" names ("Listed on 23 Sep. 2014 (amended …)",
 * "Listed by UN 1267 Committee on 25 January 2001", "The Minister for Foreign Affairs listed this entity on …";
 * for a 1373 listing, which lapses after three years, "Last listed on: 16/09/2022"), never an amendment's. Where it
 * names only the instrument ("… Amendment (No. 2) Instrument 2023", most autonomous listings), it is the earliest
 * "Control Date" of the rows: DFAT's date of a row's last change, which for those is the instrument's (its year is
 * the instrument's in 1,655 of the 1,698 such listings of December 2024). The latest Control Date goes to the
 * remarks, the Listing Information to {@code sourceReference}.
 */
final class AuDfatListing {

    private static final String MONTH = "\\b(?<%s>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
    /** The ways the file writes a date, day before month where both are numbers (Australia's order). */
    private static final Pattern DATE = Pattern.compile(String.join("|",
            "\\b(?<isoY>\\d{4})-(?<isoM>\\d{2})-(?<isoD>\\d{2})\\b",
            "\\b(?<numD>\\d{1,2})[/.](?<numM>\\d{1,2})[/.]\\s?(?<numY>\\d{4})(?!\\d)",
            "\\b(?<txtD>\\d{1,2})(?:st|nd|rd|th)?[\\s.-]*" + MONTH.formatted("txtM") + "[\\s,-]*(?<txtY>\\d{4})(?!\\d)",
            MONTH.formatted("usM") + "\\s+(?<usD>\\d{1,2}),\\s*(?<usY>\\d{4})(?!\\d)",
            MONTH.formatted("monM") + ",?\\s*(?<monY>\\d{4})(?!\\d)",
            "\\b(?<mmM>\\d{1,2})/(?<mmY>\\d{4})(?!\\d)",
            "\\b(?<year>\\d{4})(?!\\d)"), Pattern.CASE_INSENSITIVE);
    /** What may stand between dates of birth without qualifying them: labels, "or", separators. */
    private static final Pattern BETWEEN_DATES = Pattern.compile(
            "(?<!\\S)[a-z1-9]\\)|\\b(?:or|and|alt\\.? DOB)\\b|[\\s;,.:>/]+", Pattern.CASE_INSENSITIVE);
    /** "a) … b) …", "1) … 2) …" and "…; …": several places, addresses or citizenships in one cell. */
    private static final Pattern ITEM = Pattern.compile("(?<!\\S)[a-z1-9]\\)|;", Pattern.CASE_INSENSITIVE);
    private static final Pattern AMENDED = Pattern.compile("\\bamend", Pattern.CASE_INSENSITIVE);
    private static final Pattern AFTER = Pattern.compile("\\bafter\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOTE = Pattern.compile("\\s*\\(([^)]*)\\)\\s*");
    /** "1970 (Libya) 1973 (Libya)": two committees in one cell. */
    private static final Pattern COMMITTEE_SEPARATOR = Pattern.compile("(?<=\\))\\s+(?=\\d|Autonomous)");
    private static final Pattern IMO = Pattern.compile("\\bIMO\\b[^0-9;]{0,40}?(\\d{7})(?!\\d)");
    private static final Set<String> NOTHING = Set.of("na", "n/a", "nil", "none", "unknown", "-");
    private static final PartialDate.Validator REAL_DATE = new PartialDate.Validator();

    private final String id;
    private final List<Row> rows = new ArrayList<>();

    AuDfatListing(String id) {
        this.id = id;
    }

    void add(Row row) {
        rows.add(row);
    }

    /** The line of the listing's first row. */
    int line() {
        return rows.get(0).line();
    }

    DesignationDraft draft() {
        Row prime = rows.stream().filter(r -> r.nameType().equals("primary name")).findFirst().orElse(rows.get(0));
        SubjectType type = ListFiles.subjectType(prime.value(TYPE));
        List<String> remarks = new ArrayList<>(values(INFORMATION));
        Set<String> birthDates = new LinkedHashSet<>();
        Set<String> places = new LinkedHashSet<>();
        if (type == SubjectType.PERSON) {
            values(BIRTH_DATE).forEach(text -> birthDates(text, birthDates, remarks));
            values(BIRTH_PLACE).forEach(text -> items(text).forEach(p -> places.add(cut(p, 512))));
        } else {
            values(BIRTH_DATE).forEach(text -> remarks.add("Date of birth as listed: " + text));
            values(BIRTH_PLACE).forEach(text -> remarks.add("Place of birth as listed: " + text));
        }
        Set<String> nationalities = new LinkedHashSet<>();
        values(CITIZENSHIP).stream().filter(text -> !nationalities(text, nationalities))
                .forEach(text -> remarks.add("Citizenship as listed: " + text));
        List<Address> addresses = values(ADDRESS).stream().flatMap(a -> items(a).stream())
                .map(AuDfatListing::address).distinct().limit(200).toList();
        List<String> imos = values(INFORMATION).stream().flatMap(i -> IMO.matcher(i).results().map(m -> m.group(1)))
                .distinct().toList();
        VesselDetails vessel = type != SubjectType.VESSEL ? null
                : new VesselDetails(imos.isEmpty() ? null : imos.get(0), null, null, null, null, null, null);
        List<Identifier> identifiers = type == SubjectType.VESSEL ? List.of()
                : imos.stream().map(n -> new Identifier("IMO", n, null, null)).toList();
        controlDates().max(Comparator.naturalOrder()).ifPresent(d -> remarks.add("Last changed on the list " + d));
        String remarkText = String.join(". ", remarks);
        Subject subject = new Subject(type, cut(prime.value(NAME), 512), aliases(prime),
                birthDates.stream().limit(50).toList(), places.stream().limit(50).toList(),
                List.copyOf(nationalities), List.copyOf(nationalities), addresses, identifiers, vessel, null,
                remarkText.isEmpty() ? null : cut(remarkText, 8192));
        List<String> committees = values(COMMITTEES).stream().flatMap(COMMITTEE_SEPARATOR::splitAsStream)
                .distinct().toList();
        String listing = prime.value(LISTING);
        return new DesignationDraft(AuDfatXlsx.AUTHORITY, committees.isEmpty() ? List.of("AU-UNSPECIFIED")
                : committees.stream().map(AuDfatXlsx::programme).distinct().toList(), AuDfatXlsx.legalBasis(committees),
                listedOn(), AuDfatXlsx.SOURCE_LIST, id, listing == null ? null : cut(listing, 2048), null,
                AuDfatXlsx.measures(type, committees), subject, List.of());
    }

    /** The distinct values of a column over the rows, without "NA" and the like. */
    private List<String> values(String column) {
        return rows.stream().map(r -> r.value(column)).filter(Objects::nonNull)
                .filter(v -> !NOTHING.contains(v.toLowerCase(Locale.ROOT))).distinct().toList();
    }

    private List<Alias> aliases(Row prime) {
        Set<String> names = new LinkedHashSet<>(Set.of(prime.value(NAME)));
        return rows.stream().filter(r -> r != prime && names.add(r.value(NAME)))
                .map(r -> new Alias(cut(r.value(NAME), 512), aliasKind(r.nameType()), ListFiles.script(r.value(NAME))))
                .limit(500).toList();
    }

    private static AliasKind aliasKind(String nameType) {
        return switch (nameType) {
            case "formerly known as", "previously listed as", "fka" -> AliasKind.FKA;
            default -> AliasKind.AKA; // aka, original script, and a primary name written twice
        };
    }

    /** The first listing date the Listing Information names, else the earliest Control Date (see the class). */
    private LocalDate listedOn() {
        for (String text : values(LISTING)) {
            LocalDate listed = listingDate(text);
            if (listed != null) {
                return listed;
            }
        }
        return controlDates().min(Comparator.naturalOrder()).orElse(null);
    }

    private Stream<LocalDate> controlDates() {
        return values(CONTROL_DATE).stream().map(ListFiles::isoDate).filter(Objects::nonNull);
    }

    /** A whole date before the first "amended" and not "on or after" it; null if there is none. */
    static LocalDate listingDate(String text) {
        String listing = AMENDED.split(text, 2)[0];
        Matcher m = DATE.matcher(listing);
        while (m.find()) {
            String date = partialDate(m);
            if (date.length() == 10 && REAL_DATE.isValid(date, null)
                    && !AFTER.matcher(listing.substring(0, m.start())).find()) {
                return LocalDate.parse(date);
            }
        }
        return null;
    }

    /**
     * Adds the real dates of birth the text writes ("a) 1/01/1968 b) 1968", "Approximately 1955- 1958", "Circa
     * 1970", "Between 1960 and 1965" → the years named); a text that says more than its dates ("Approximately",
     * "Between", "(Hijri Calendar)") or writes one no date reader can ("23-Apr-68") also goes to the remarks.
     */
    static void birthDates(String text, Set<String> dates, List<String> remarks) {
        Matcher m = DATE.matcher(text);
        boolean allReal = true;
        while (m.find()) {
            String date = partialDate(m);
            if (REAL_DATE.isValid(date, null)) {
                dates.add(date);
            } else {
                allReal = false;
            }
        }
        if (!allReal || !BETWEEN_DATES.matcher(DATE.matcher(text).replaceAll(" ")).replaceAll("").isEmpty()) {
            remarks.add("Date of birth as listed: " + text);
        }
    }

    private static String partialDate(Matcher m) {
        if (m.group("isoY") != null) {
            return m.group("isoY") + "-" + m.group("isoM") + "-" + m.group("isoD");
        }
        if (m.group("numY") != null) {
            return day(m.group("numY"), Integer.parseInt(m.group("numM")), m.group("numD"));
        }
        if (m.group("txtY") != null) {
            return day(m.group("txtY"), month(m.group("txtM")), m.group("txtD"));
        }
        if (m.group("usY") != null) {
            return day(m.group("usY"), month(m.group("usM")), m.group("usD"));
        }
        if (m.group("monY") != null) {
            return "%s-%02d".formatted(m.group("monY"), month(m.group("monM")));
        }
        if (m.group("mmY") != null) {
            return "%s-%02d".formatted(m.group("mmY"), Integer.parseInt(m.group("mmM")));
        }
        return m.group("year");
    }

    private static String day(String year, int month, String day) {
        return "%s-%02d-%02d".formatted(year, month, Integer.parseInt(day));
    }

    /** "SEP", "sep" → 9: the pattern takes the month's first three letters in any case. */
    private static int month(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return ListFiles.month(Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
    }

    /**
     * Adds the countries of "Russian and Ukrainian", "a) German b) Moroccan", "Turkish/Jordanian", "Possibly
     * Ethiopian" (a note in brackets is left aside); false when a part names no country ("USSR", "Congolese").
     */
    static boolean nationalities(String text, Set<String> codes) {
        boolean all = true;
        for (String item : items(NOTE.matcher(text).replaceAll(" ").replace('/', ';'))) {
            String country = item.replaceFirst("(?i)^possibly\\s+", "");
            Optional<String> code = Countries.ofNationality(country);
            if (code.isPresent()) {
                codes.add(code.get());
                continue;
            }
            for (String part : country.split("(?i)\\s+and\\s+|,\\s*")) {
                Optional<String> partCode = Countries.ofNationality(part);
                partCode.ifPresent(codes::add);
                all &= partCode.isPresent();
            }
        }
        return all;
    }

    /**
     * "Moscow 115114, Russia" → street "Moscow 115114", country RU, a note on the country kept with the street
     * ("Spain (detained)"); an address whose last part is no country is kept whole as its street.
     */
    static Address address(String item) {
        int comma = item.lastIndexOf(',');
        String last = item.substring(comma + 1).strip();
        Matcher note = NOTE.matcher(last);
        Optional<String> country = Countries.code(note.replaceAll(" ").strip());
        if (country.isEmpty()) {
            return new Address(cut(item, 512), null, null, null, null);
        }
        List<String> street = new ArrayList<>();
        if (comma > 0) {
            street.add(item.substring(0, comma).strip());
        }
        note.reset().results().map(r -> "(" + r.group(1) + ")").forEach(street::add);
        return new Address(street.isEmpty() ? null : cut(String.join(" ", street), 512), null, null, null,
                country.get());
    }

    /** The items of a cell, each trimmed, without a final full stop; "NA" and empty items left out. */
    static List<String> items(String text) {
        return Arrays.stream(ITEM.split(ListFiles.clean(text))).map(ListFiles::clean)
                .map(s -> s.replaceAll("\\.$", "").strip())
                .filter(s -> !s.isEmpty() && !NOTHING.contains(s.toLowerCase(Locale.ROOT)))
                .collect(Collectors.toCollection(LinkedHashSet::new)).stream().toList();
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
