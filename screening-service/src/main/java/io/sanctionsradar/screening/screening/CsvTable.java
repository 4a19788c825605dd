package io.sanctionsradar.screening.screening;

import io.sanctionsradar.matching.SubjectType;
import io.sanctionsradar.support.errors.FieldError;
import io.sanctionsradar.support.errors.InvalidRequest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An uploaded CSV file read with its header: UTF-8 with or without a byte-order mark, columns named in the first
 * line in any order and case, quoting as RFC 4180 has it (Apache Commons CSV). An unknown or missing required
 * column refuses the file before any record is read; a malformed UTF-8 byte sequence refuses it, naming its line.
 */
public final class CsvTable implements AutoCloseable {

    private final CSVParser parser;
    private final Map<String, String> columns; // our column name → the file's header name
    private Iterator<CSVRecord> records;

    private CsvTable(CSVParser parser, Map<String, String> columns) {
        this.parser = parser;
        this.columns = columns;
    }

    public static CsvTable open(InputStream body, List<String> known, List<String> required) throws IOException {
        BufferedReader reader = new BufferedReader(new StrictUtf8Reader(body));
        CSVParser parser;
        try {
            reader.mark(1);
            if (reader.read() != '\uFEFF') { // a byte-order mark, as spreadsheet exports write it
                reader.reset();
            }
            parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(false)
                    .get().parse(reader);
        } catch (IllegalArgumentException e) { // commons-csv: a duplicate or empty column name
            throw new InvalidRequest("The CSV file's first line must name its columns",
                    List.of(new FieldError("header", e.getMessage())));
        } catch (StrictUtf8Reader.MalformedUtf8 e) {
            throw notUtf8(e);
        }
        return new CsvTable(parser, columns(parser.getHeaderNames(), known, required));
    }

    /**
     * The next record, or null at the end of the file. A record the parser cannot read (an unclosed quote …) refuses
     * the file, naming the line that record starts on.
     */
    public CSVRecord next() {
        long start = parser.getCurrentLineNumber() + 1;
        try {
            if (records == null) {
                records = parser.iterator();
            }
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) { // how commons-csv reports a broken record
            if (e.getCause() instanceof StrictUtf8Reader.MalformedUtf8 malformed) {
                throw notUtf8(malformed);
            }
            throw new InvalidRequest("The CSV file is malformed", List.of(new FieldError(
                    "[line " + start + "]", e.getMessage())));
        }
    }

    private static InvalidRequest notUtf8(StrictUtf8Reader.MalformedUtf8 e) {
        return new InvalidRequest("The CSV file is not UTF-8", List.of(new FieldError(
                "[line " + e.line() + "]", "holds a malformed UTF-8 byte sequence; save the file as UTF-8")));
    }

    private static Map<String, String> columns(List<String> header, List<String> known, List<String> required) {
        Map<String, String> byLowerCase = new HashMap<>();
        known.forEach(c -> byLowerCase.put(c.toLowerCase(Locale.ROOT), c));
        Map<String, String> columns = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (String name : header) {
            String column = byLowerCase.get(name.trim().toLowerCase(Locale.ROOT));
            if (column == null) {
                errors.add(new FieldError("header", "unknown column \"" + name + "\"; the columns are "
                        + String.join(", ", known)));
            } else {
                columns.put(column, name);
            }
        }
        for (String column : required) {
            if (!columns.containsKey(column)) {
                errors.add(new FieldError("header", "a \"" + column + "\" column is required (first line: "
                        + String.join(",", known) + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest("The CSV file's first line must name its columns", errors);
        }
        return columns;
    }

    /** The line the last record read ended on. */
    public long line() {
        return parser.getCurrentLineNumber();
    }

    /** The record's value in this column; null when the column is absent or the cell blank. */
    public String value(CSVRecord record, String column) {
        String header = columns.get(column);
        if (header == null || !record.isSet(header)) {
            return null;
        }
        String value = record.get(header);
        return value == null || value.isBlank() ? null : value;
    }

    /** The "type" column as a subject type (any case); an error named {@code field} if it is not one. */
    public SubjectType type(CSVRecord record, String field, List<FieldError> errors) {
        String type = value(record, "type");
        if (type == null) {
            return null;
        }
        try {
            return SubjectType.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of PERSON, ORGANIZATION, VESSEL, AIRCRAFT"));
            return null;
        }
    }

    /** The "country" column, upper-cased (ISO codes are written either way in spreadsheets). */
    public String country(CSVRecord record) {
        String country = value(record, "country");
        return country == null ? null : country.toUpperCase(Locale.ROOT);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
