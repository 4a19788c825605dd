package io.sanctionsradar.designation.imports;

import org.apache.commons.csv.CSVRecord;

import java.nio.file.Path;
import java.util.Map;

/** Small helpers the parsers share. */
final class ListFiles {

    private ListFiles() {
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
