package io.sanctionsradar.screening.monitoring;

import io.sanctionsradar.screening.screenings.CsvTable;
import io.sanctionsradar.screening.screenings.IdentifierColumn;
import io.sanctionsradar.support.errors.FieldError;
import io.sanctionsradar.support.errors.InvalidRequest;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer book as a CSV file (columns partyId, name, type, birthDate, country, identifiers as in {@link
 * IdentifierColumn}; header required, any order and case): read whole before anything is stored, so a bad line refuses the file with its line number.
 */
public final class PartyCsv {

    static final List<String> COLUMNS = List.of("partyId", "name", "type", "birthDate", "country", "identifiers");

    private PartyCsv() {
    }

    public static MonitoringService.CsvBook read(InputStream body) {
        try (CsvTable table = CsvTable.open(body, COLUMNS, List.of("partyId", "name"))) {
            List<PartyDetails> parties = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            List<FieldError> errors = new ArrayList<>();
            for (CSVRecord record; (record = table.next()) != null; ) {
                if (parties.size() == MonitoringService.MAX_CSV_BULK) {
                    throw new InvalidRequest("A CSV book holds at most " + MonitoringService.MAX_CSV_BULK
                            + " parties; split the file", List.of(new FieldError("(body)",
                            "has more than " + MonitoringService.MAX_CSV_BULK + " parties")));
                }
                long line = table.line();
                parties.add(new PartyDetails(table.value(record, "partyId"), table.value(record, "name"),
                        table.type(record, "[line " + line + "].type", errors), table.value(record, "birthDate"),
                        table.country(record), IdentifierColumn.parse(table.value(record, "identifiers"),
                        "[line " + line + "].identifiers", errors)));
                lines.add(line);
            }
            if (parties.isEmpty()) {
                throw new InvalidRequest("The CSV book is empty", List.of(new FieldError("(body)",
                        "must have a header line and at least one party")));
            }
            return new MonitoringService.CsvBook(parties, lines, errors); // the rest is checked with the JSON rules
        } catch (IOException e) {
            throw new InvalidRequest("The CSV file cannot be read", List.of(new FieldError("(body)",
                    e.getMessage())));
        }
    }
}
