package io.sanctionsradar.console.pages.screen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateData;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One CSV file being screened: screening-service answers it as NDJSON, a line per record, then a summary line with
 * the batch id; this run reads that answer as it comes, counts it for the progress bar and writes the result CSV.
 * Read by page requests while a worker thread writes it, hence the volatile fields.
 */
@TemplateData
public class BatchRun {

    public enum State { RUNNING, DONE, FAILED }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id = UUID.randomUUID().toString();
    private final String owner;
    private final String fileName;
    private final long lines;
    private final Path result;
    private final Instant startedAt = Instant.now();
    private volatile State state = State.RUNNING;
    private volatile long answered;
    private volatile long lastLine;
    private volatile long matched;
    private volatile long rejected;
    private volatile String batchId;
    private volatile List<String> watchlistVersions = List.of();
    private volatile String error;
    private volatile Instant finishedAt;

    public BatchRun(String owner, String fileName, long lines, Path result) {
        this.owner = owner;
        this.fileName = fileName;
        this.lines = lines;
        this.result = result;
    }

    /** Reads the service's answer to its end, writing the result CSV; a broken answer leaves the run FAILED. */
    void consume(BufferedReader answer, Writer csv) {
        try {
            csv.write(ResultCsv.HEADER + "\r\n");
            String line;
            while ((line = answer.readLine()) != null) {
                if (!line.isBlank()) {
                    take(JSON.readTree(line), csv);
                }
            }
            csv.flush();
            if (batchId == null) {
                fail("screening-service ended its answer before the summary line; the result is partial");
            } else {
                finish(State.DONE, null);
            }
        } catch (IOException | RuntimeException e) {
            fail("the answer broke off after " + answered + " records (" + e.getMessage() + "); the result is partial");
        }
    }

    private void take(JsonNode item, Writer csv) throws IOException {
        JsonNode summary = item.path("summary");
        if (!summary.isMissingNode()) {
            List<String> versions = new ArrayList<>();
            summary.path("watchlistVersions").forEach(v -> versions.add(v.asText()));
            watchlistVersions = versions;
            matched = summary.path("matched").asLong(matched);
            rejected = summary.path("rejected").asLong(rejected);
            batchId = summary.path("batchId").asText();
            return;
        }
        for (String row : ResultCsv.rows(item)) {
            csv.write(row + "\r\n");
        }
        answered++;
        lastLine = item.path("line").asLong(lastLine);
        JsonNode result = item.path("result");
        if (result.isMissingNode() || result.isNull()) {
            rejected++;
        } else if (!result.path("matches").isEmpty()) {
            matched++;
        }
    }

    void fail(String why) {
        finish(State.FAILED, why);
    }

    private void finish(State end, String why) {
        error = why;
        finishedAt = Instant.now();
        state = end;
    }

    public String id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public String fileName() {
        return fileName;
    }

    public State state() {
        return state;
    }

    public boolean running() {
        return state == State.RUNNING;
    }

    public boolean done() {
        return state == State.DONE;
    }

    /** Records answered so far (results and rejections). */
    public long answered() {
        return answered;
    }

    /** Lines of the uploaded file, header included: what {@link #lastLine} runs up to. */
    public long lines() {
        return lines;
    }

    public long lastLine() {
        return lastLine;
    }

    /** How far through the file the answer has come, 0–100. */
    public int percent() {
        if (state == State.DONE) {
            return 100;
        }
        return lines <= 0 ? 0 : (int) Math.min(99, lastLine * 100 / lines);
    }

    public long matched() {
        return matched;
    }

    public long rejected() {
        return rejected;
    }

    public String batchId() {
        return batchId;
    }

    public List<String> watchlistVersions() {
        return watchlistVersions;
    }

    public String error() {
        return error;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    Path result() {
        return result;
    }
}
