package io.sanctionsradar.screening.screenings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.sanctionsradar.matching.MatchingEngine;
import io.sanctionsradar.support.errors.FieldError;
import io.sanctionsradar.support.errors.InvalidRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Screens a CSV file of any length: the upload is read whole first (spooled to disk beyond a size) and checked,
 * then screened and answered as NDJSON a chunk at a time, so neither the file nor the answer is held in memory.
 * Columns: {@code name} (required), {@code type}, {@code birthDate}, {@code country}, {@code identifiers} ({@link IdentifierColumn}: "IMO:9074729;PASSPORT:AB123/RU"),
 * {@code reference} (the caller's own id, echoed back). A bad record is answered with its line and errors and the rest goes on; a bad header
 * or a malformed record refuses the whole file before anything is screened.
 */
@ApplicationScoped
public class CsvScreening {

    static final List<String> COLUMNS = List.of("name", "type", "birthDate", "country", "identifiers",
            "reference");
    private static final int CHUNK = 500;

    @Inject
    ScreeningService screening;

    @Inject
    ObjectMapper json;

    @Inject
    ScreeningMetrics metrics;

    /** One answered line: either a result or the errors that kept it from being screened. */
    public record Item(long line, String reference, ScreeningResult result, List<FieldError> errors) {
    }

    /** The last line of the answer; complete as every record was answered (a file is refused whole, never half). */
    public record Summary(UUID batchId, Instant screenedAt, String algorithm, long count, long matched, long rejected,
                          Set<String> watchlistVersions, boolean complete) {
    }

    public record SummaryLine(Summary summary) {
    }

    /** A file whose header has been checked, ready to be screened into an output stream. */
    public interface Run {
        void writeTo(OutputStream out) throws IOException;
    }

    public Run open(InputStream body, ScreeningRequest options) throws IOException {
        List<FieldError> optionErrors = QueryRules.checkOptions(options, "");
        if (!optionErrors.isEmpty()) {
            throw new InvalidRequest("Invalid batch options", optionErrors);
        }
        SpooledUpload upload = SpooledUpload.read(body);
        try {
            check(upload);
        } catch (RuntimeException | IOException e) {
            upload.close();
            throw e;
        }
        return out -> {
            try (upload; CsvTable table = table(upload)) {
                stream(table, options, out);
            }
        };
    }

    private static CsvTable table(SpooledUpload upload) throws IOException {
        return CsvTable.open(upload.open(), COLUMNS, List.of("name"));
    }

    /** Reads every record once: a bad header or a malformed record refuses the file before anything is answered. */
    private static void check(SpooledUpload upload) throws IOException {
        try (CsvTable table = table(upload)) {
            while (table.next() != null) { // the structure only; each record's values are checked as it is screened
            }
        }
    }

    private void stream(CsvTable table, ScreeningRequest options, OutputStream out) throws IOException {
        ObjectWriter writer = json.writer();
        UUID batchId = UUID.randomUUID();
        Instant started = Instant.now();
        long count = 0;
        long matched = 0;
        long rejected = 0;
        Set<String> versions = new LinkedHashSet<>();
        while (true) {
            List<Item> chunk = new ArrayList<>(CHUNK);
            List<ScreeningRequest> queries = new ArrayList<>(CHUNK);
            List<Integer> positions = new ArrayList<>(CHUNK);
            CSVRecord record;
            while (chunk.size() < CHUNK && (record = table.next()) != null) {
                long line = table.line();
                long checkStarted = System.nanoTime();
                String reference = table.value(record, "reference");
                List<FieldError> errors = new ArrayList<>();
                ScreeningRequest query = query(table, record, options, errors);
                if (errors.isEmpty()) {
                    errors.addAll(QueryRules.check(query, ""));
                }
                if (errors.isEmpty()) {
                    positions.add(chunk.size());
                    queries.add(query);
                } else {
                    metrics.rejected(checkStarted);
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
        screening.keepBatchReceipt(batchId, started, versions.isEmpty() ? "" : String.join(",", versions), (int) count,
                (int) matched, "csv", null);
        out.write(writer.writeValueAsBytes(new SummaryLine(new Summary(batchId, started, MatchingEngine.ALGORITHM,
                count, matched, rejected, versions, true))));
        out.write('\n');
        out.flush();
    }

    private static ScreeningRequest query(CsvTable table, CSVRecord record, ScreeningRequest options,
                                          List<FieldError> errors) {
        return new ScreeningRequest(table.value(record, "name"), table.type(record, "type", errors),
                table.value(record, "birthDate"), table.country(record), null, null, null, null, null, null,
                IdentifierColumn.parse(table.value(record, "identifiers"), "identifiers", errors))
                .withDefaults(options);
    }
}
