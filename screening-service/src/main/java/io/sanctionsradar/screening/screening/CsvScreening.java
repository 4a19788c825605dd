package io.sanctionsradar.screening.screening;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.sanctionsradar.screening.matching.MatchingEngine;
import io.sanctionsradar.screening.matching.SubjectType;
import io.sanctionsradar.screening.screening.ReceiptStore.BatchReceipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Screens a CSV file of any length as a stream: records are read, screened and answered as NDJSON a chunk at a
 * time, so neither the file nor the answer is ever held whole. Columns: {@code name} (required), {@code type},
 * {@code birthDate}, {@code country}, {@code reference} (the caller's own id, echoed back). A bad record is
 * answered with its line and errors and the rest goes on; a bad header refuses the file before anything is screened.
 */
@ApplicationScoped
public class CsvScreening {

    static final List<String> COLUMNS = List.of("name", "type", "birthDate", "country", "reference");
    private static final int CHUNK = 500;

    @Inject
    ScreeningService screening;

    @Inject
    ReceiptStore receipts;

    @Inject
    ObjectMapper json;

    /** One answered line: either a result or the errors that kept it from being screened. */
    public record Item(long line, String reference, ScreeningResult result, List<InvalidRequest.FieldError> errors) {
    }

    /** The last line of the answer. */
    public record Summary(UUID batchId, Instant screenedAt, String algorithm, long count, long matched, long rejected,
                          Set<String> watchlistVersions, boolean complete, String error) {
    }

    public record SummaryLine(Summary summary) {
    }

    /** A file whose header has been checked, ready to be screened into an output stream. */
    public interface Run {
        void writeTo(OutputStream out) throws IOException;
    }

    public Run open(InputStream body, ScreeningRequest options) throws IOException {
        List<InvalidRequest.FieldError> optionErrors = QueryRules.checkOptions(options, "");
        if (!optionErrors.isEmpty()) {
            throw new InvalidRequest("Invalid batch options", optionErrors);
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        reader.mark(1);
        if (reader.read() != '\uFEFF') { // a byte-order mark, as spreadsheet exports write it
            reader.reset();
        }
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(false)
                .get().parse(reader);
        Map<String, String> columns = columns(parser.getHeaderNames());
        return out -> stream(parser, columns, options, out);
    }

    /** Header name (any case) → column name; unknown or missing required columns refuse the file. */
    private static Map<String, String> columns(List<String> header) {
        Map<String, String> known = new java.util.HashMap<>();
        COLUMNS.forEach(c -> known.put(c.toLowerCase(Locale.ROOT), c));
        Map<String, String> columns = new java.util.HashMap<>();
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
        if (!columns.containsKey("name")) {
            errors.add(new InvalidRequest.FieldError("header", "a \"name\" column is required (first line: "
                    + String.join(",", COLUMNS) + ")"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest("The CSV file's first line must name its columns", errors);
        }
        return columns;
    }

    private void stream(CSVParser parser, Map<String, String> columns, ScreeningRequest options, OutputStream out)
            throws IOException {
        ObjectWriter writer = json.writer();
        UUID batchId = UUID.randomUUID();
        Instant started = Instant.now();
        long count = 0;
        long matched = 0;
        long rejected = 0;
        Set<String> versions = new LinkedHashSet<>();
        String failure = null;
        try (parser) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                List<Item> chunk = new ArrayList<>(CHUNK);
                List<ScreeningRequest> queries = new ArrayList<>(CHUNK);
                List<Integer> positions = new ArrayList<>(CHUNK);
                while (chunk.size() < CHUNK && records.hasNext()) {
                    CSVRecord record = records.next();
                    long line = parser.getCurrentLineNumber();
                    String reference = value(record, columns, "reference");
                    List<InvalidRequest.FieldError> errors = new ArrayList<>();
                    ScreeningRequest query = query(record, columns, options, errors);
                    if (errors.isEmpty()) {
                        errors.addAll(QueryRules.check(query, ""));
                    }
                    if (errors.isEmpty()) {
                        positions.add(chunk.size());
                        queries.add(query);
                    }
                    chunk.add(new Item(line, reference, null, errors));
                }
                if (chunk.isEmpty()) {
                    break;
                }
                List<ScreeningResult> results = screening.screenChunk(queries, batchId, (int) count);
                for (int i = 0; i < results.size(); i++) {
                    Item item = chunk.get(positions.get(i));
                    chunk.set(positions.get(i), new Item(item.line(), item.reference(), results.get(i), null));
                    versions.add(results.get(i).watchlistVersion());
                    matched += results.get(i).matches().isEmpty() ? 0 : 1;
                }
                for (Item item : chunk) {
                    rejected += item.result() == null ? 1 : 0;
                    out.write(writer.writeValueAsBytes(item));
                    out.write('\n');
                }
                count += results.size();
                out.flush();
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            // commons-csv reports a broken record (an unclosed quote) this way; what was answered so far stands
            failure = "malformed CSV after line " + parser.getCurrentLineNumber() + ": " + e.getMessage();
        }
        receipts.saveBatch(new BatchReceipt(batchId, started, versions.isEmpty() ? "" : String.join(",", versions),
                MatchingEngine.ALGORITHM, (int) count, (int) matched, "csv"));
        out.write(writer.writeValueAsBytes(new SummaryLine(new Summary(batchId, started, MatchingEngine.ALGORITHM,
                count, matched, rejected, versions, failure == null, failure))));
        out.write('\n');
        out.flush();
    }

    private static ScreeningRequest query(CSVRecord record, Map<String, String> columns, ScreeningRequest options,
                                          List<InvalidRequest.FieldError> errors) {
        SubjectType type = null;
        String typeValue = value(record, columns, "type");
        if (typeValue != null) {
            try {
                type = SubjectType.valueOf(typeValue.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidRequest.FieldError("type", "must be one of PERSON, ORGANIZATION, VESSEL, AIRCRAFT"));
            }
        }
        String country = value(record, columns, "country");
        return new ScreeningRequest(value(record, columns, "name"), type, value(record, columns, "birthDate"),
                country == null ? null : country.toUpperCase(Locale.ROOT), null, null, null, null, null, null)
                .withDefaults(options);
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
