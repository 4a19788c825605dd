package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.Identifier;
import io.sanctionsradar.designation.domain.PartialDate;
import io.sanctionsradar.designation.domain.SubjectType;
import org.apache.commons.csv.CSVRecord;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Small helpers the parsers share. */
final class ListFiles {

    private ListFiles() {
    }

    /** A date as lists know it, often only in part: YYYY, YYYY-MM or YYYY-MM-DD. */
    static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    private static final PartialDate.Validator REAL_DATE = new PartialDate.Validator();

    /** A partial date the designation model accepts: of that shape, and a real date (no 1504, no month 13). */
    static boolean partialDate(String value) {
        return value != null && REAL_DATE.isValid(value, null);
    }

    private static final Map<Character.UnicodeScript, String> SCRIPTS = Map.ofEntries(
            Map.entry(Character.UnicodeScript.LATIN, "Latn"), Map.entry(Character.UnicodeScript.ARABIC, "Arab"),
            Map.entry(Character.UnicodeScript.CYRILLIC, "Cyrl"), Map.entry(Character.UnicodeScript.HAN, "Hani"),
            Map.entry(Character.UnicodeScript.HANGUL, "Hang"), Map.entry(Character.UnicodeScript.GREEK, "Grek"),
            Map.entry(Character.UnicodeScript.HEBREW, "Hebr"), Map.entry(Character.UnicodeScript.THAI, "Thai"),
            Map.entry(Character.UnicodeScript.DEVANAGARI, "Deva"), Map.entry(Character.UnicodeScript.ETHIOPIC, "Ethi"),
            Map.entry(Character.UnicodeScript.GEORGIAN, "Geor"), Map.entry(Character.UnicodeScript.ARMENIAN, "Armn"));

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0]+");
    private static final Pattern TRAILING = Pattern.compile("[\\s;,]+$");

    /** Trimmed, one space between words (lists use no-break spaces and line breaks too), no stray ";" or "," last. */
    static String clean(String text) {
        return text == null ? "" : TRAILING.matcher(SPACES.matcher(text).replaceAll(" ")).replaceFirst("").strip();
    }

    /** The ISO 15924 code of the script a name is written in, judged by its first letter; null if unknown. */
    static String script(String name) {
        return name.codePoints().filter(Character::isLetter).mapToObj(Character.UnicodeScript::of)
                .map(SCRIPTS::get).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** The one file a single-file format was given; several files mean the request is for another format. */
    static Path single(Map<String, Path> files, String format) {
        if (files.size() != 1) {
            throw new MalformedListException("the " + format + " format takes exactly one file, got " + files.keySet(),
                    null);
        }
        return files.values().iterator().next();
    }

    /** A list's entry type ("Individual", "vessel", "Ship", "-0-" …) as a subject type; anything unknown is an organization. */
    static SubjectType subjectType(String type) {
        return switch (type == null ? "" : type.toLowerCase(Locale.ROOT)) {
            case "individual" -> SubjectType.PERSON;
            case "vessel", "ship" -> SubjectType.VESSEL;
            case "aircraft" -> SubjectType.AIRCRAFT;
            default -> SubjectType.ORGANIZATION;
        };
    }

    /** The first of the values that is a whole number ("1,116" too): gross registered tonnage before tonnage. */
    static Long tonnage(String... values) {
        for (String value : values) {
            if (value != null && value.replace(",", "").matches("\\d{1,12}")) {
                return Long.parseLong(value.replace(",", ""));
            }
        }
        return null;
    }

    /**
     * A programme code from a list's own name for it: {@code prefix}, a dash, then the name upper-cased with every
     * run of other characters than A-Z and 0-9 as one dash and no dash at either end ("Al-Qaida" → "UN-AL-QAIDA");
     * {@code prefix}-UNSPECIFIED when the list names none.
     */
    static String programmeCode(String prefix, String name) {
        return prefix + "-" + (name == null ? "UNSPECIFIED"
                : name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("^-|-$", ""));
    }

    /** An ISO date, or the date part of an ISO date-time; null when absent or not a date. */
    static LocalDate isoDate(String value) {
        try {
            return value == null ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** "Mar" → 3; 0 for anything that is not an English month abbreviation. */
    static int month(String abbreviation) {
        return MONTHS.indexOf(abbreviation) + 1;
    }

    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun",
            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

    /** A trimmed CSV value by column name; absent, unmapped and blank values read as null. */
    static String value(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column)) {
            return null;
        }
        String value = row.get(column).trim();
        return value.isEmpty() ? null : value;
    }

    /** The text cut to {@code max} characters, so that a long value still fits its field. */
    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** An identifier whose parts fit their fields: a number too long to be one is cut and kept whole in the notes. */
    static Identifier identifier(String kind, String number, String country, String notes) {
        String all = Stream.of(number.length() > 128 ? number : null, notes).filter(Objects::nonNull)
                .collect(Collectors.joining("; "));
        return new Identifier(cut(kind, 256), cut(number, 128), country, all.isEmpty() ? null : cut(all, 512));
    }
}
