package io.sanctionsradar.screening.monitoring;

import io.sanctionsradar.screening.matching.SubjectType;
import io.sanctionsradar.screening.screening.InvalidRequest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A customer book as a CSV file (columns partyId, name, type, birthDate, country; header required, any order and
 * case): read whole before anything is stored, so a bad line refuses the file with its line number.
 */
public final class PartyCsv {

    static final List<String> COLUMNS = List.of("partyId", "name", "type", "birthDate", "country");

    private PartyCsv() {
    }

    public static MonitoringService.CsvBook read(InputStream body) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            reader.mark(1);
            if (reader.read() != '\uFEFF') { // a byte-order mark, as spreadsheet exports write it
                reader.reset();
            }
            try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(false)
                    .get().parse(reader)) {
                Map<String, String> columns = columns(parser.getHeaderNames());
                List<PartyDetails> parties = new ArrayList<>();
                List<Long> lines = new ArrayList<>();
                List<InvalidRequest.FieldError> errors = new ArrayList<>();
                try {
                    for (CSVRecord record : parser) {
                        if (parties.size() == MonitoringService.MAX_CSV_BULK) {
                            throw new InvalidRequest("A CSV book holds at most " + MonitoringService.MAX_CSV_BULK
                                    + " parties; split the file", List.of(new InvalidRequest.FieldError("(body)",
                                    "has more than " + MonitoringService.MAX_CSV_BULK + " parties")));
                        }
                        long line = parser.getCurrentLineNumber();
                        String type = value(record, columns, "type");
                        SubjectType subjectType = null;
                        if (type != null) {
                            try {
                                subjectType = SubjectType.valueOf(type.toUpperCase(Locale.ROOT));
                            } catch (IllegalArgumentException e) {
                                errors.add(new InvalidRequest.FieldError("[line " + line + "].type",
                                        "must be one of PERSON, ORGANIZATION, VESSEL, AIRCRAFT"));
                            }
                        }
                        String country = value(record, columns, "country");
                        parties.add(new PartyDetails(value(record, columns, "partyId"), value(record, columns, "name"),
                                subjectType, value(record, columns, "birthDate"),
                                country == null ? null : country.toUpperCase(Locale.ROOT)));
                        lines.add(line);
                    }
                } catch (UncheckedIOException e) {
                    throw new InvalidRequest("The CSV file is malformed", List.of(new InvalidRequest.FieldError(
                            "[line " + parser.getCurrentLineNumber() + "]", e.getCause().getMessage())));
                }
                if (parties.isEmpty()) {
                    throw new InvalidRequest("The CSV book is empty", List.of(new InvalidRequest.FieldError("(body)",
                            "must have a header line and at least one party")));
                }
                return new MonitoringService.CsvBook(parties, lines, errors); // the rest is checked with the JSON rules
            }
        } catch (IOException e) {
            throw new InvalidRequest("The CSV file cannot be read", List.of(new InvalidRequest.FieldError("(body)",
                    e.getMessage())));
        } catch (IllegalArgumentException e) { // commons-csv: a duplicate or empty header name
            throw new InvalidRequest("The CSV file's first line must name its columns",
                    List.of(new InvalidRequest.FieldError("header", e.getMessage())));
        }
    }

    /** Header name (any case) → column name; unknown columns or a missing partyId or name refuse the file. */
    private static Map<String, String> columns(List<String> header) {
        Map<String, String> known = new HashMap<>();
        COLUMNS.forEach(c -> known.put(c.toLowerCase(Locale.ROOT), c));
        Map<String, String> columns = new HashMap<>();
        List<InvalidRequest.FieldError> errors = new ArrayList<>();
        for (String name : header) {
            String column = known.get(name.trim().toLowerCase(Locale.ROOT));
            if (column == null) {
                errors.add(new InvalidRequest.FieldError("header", "unknown column \"" + name + "\"; the columns are "
                        + String.join(", ", COLUMNS)));
            } else {
                columns.put(column, name);
            }
        }
        for (String required : List.of("partyId", "name")) {
            if (!columns.containsKey(required)) {
                errors.add(new InvalidRequest.FieldError("header", "a \"" + required + "\" column is required"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest("The CSV file's first line must name its columns", errors);
        }
        return columns;
    }

    private static String value(CSVRecord record, Map<String, String> columns, String column) {
        String header = columns.get(column);
        if (header == null || !record.isSet(header)) {
            return null;
        }
        String value = record.get(header);
        return value == null || value.isBlank() ? null : value;
    }
}
