package io.sanctionsradar.designation.imports;

import org.apache.commons.csv.CSVRecord;

import java.nio.file.Path;
import java.util.Map;

/** Small helpers the parsers share. */
final class ListFiles {

    private ListFiles() {
    }

    private static final Map<Character.UnicodeScript, String> SCRIPTS = Map.ofEntries(
            Map.entry(Character.UnicodeScript.LATIN, "Latn"), Map.entry(Character.UnicodeScript.ARABIC, "Arab"),
            Map.entry(Character.UnicodeScript.CYRILLIC, "Cyrl"), Map.entry(Character.UnicodeScript.HAN, "Hani"),
            Map.entry(Character.UnicodeScript.HANGUL, "Hang"), Map.entry(Character.UnicodeScript.GREEK, "Grek"),
            Map.entry(Character.UnicodeScript.HEBREW, "Hebr"), Map.entry(Character.UnicodeScript.THAI, "Thai"),
            Map.entry(Character.UnicodeScript.DEVANAGARI, "Deva"), Map.entry(Character.UnicodeScript.ETHIOPIC, "Ethi"),
            Map.entry(Character.UnicodeScript.GEORGIAN, "Geor"), Map.entry(Character.UnicodeScript.ARMENIAN, "Armn"));

    /** The ISO 15924 code of the script a name is written in, judged by its first letter; null if unknown. */
    static String script(String name) {
        return name.codePoints().filter(Character::isLetter).mapToObj(Character.UnicodeScript::of)
                .map(SCRIPTS::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** The one file a single-file format was given; several files mean the request is for another format. */
    static Path single(Map<String, Path> files, String format) {
        if (files.size() != 1) {
            throw new MalformedListException("the " + format + " format takes exactly one file, got " + files.keySet(),
                    null);
        }
        return files.values().iterator().next();
    }

    /** A trimmed CSV value by column name; absent, unmapped and blank values read as null. */
    static String value(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column)) {
            return null;
        }
        String value = row.get(column).trim();
        return value.isEmpty() ? null : value;
    }
}
