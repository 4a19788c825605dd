package io.sanctionsradar.console.pages.screen;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The CSV screenings this console is reading, and their results for a day: screening-service answers a CSV file in
 * one streamed response, so the console reads it on a thread of its own while the page polls the progress. Bounded:
 * at most {@link #RUNNING} at a time and {@link #KEPT} kept (the oldest finished ones and their files go first).
 */
@ApplicationScoped
public class BatchRuns {

    static final int RUNNING = 4;
    static final int KEPT = 20;
    static final Duration KEPT_FOR = Duration.ofHours(24);

    /** No room for another run now; the message says why, for the upload form. */
    public static class Busy extends RuntimeException {
        Busy(String message) {
            super(message);
        }
    }

    private final Map<String, BatchRun> runs = new LinkedHashMap<>();
    private final ExecutorService readers = Executors.newFixedThreadPool(RUNNING, r -> {
        Thread thread = new Thread(r, "csv-screening-reader");
        thread.setDaemon(true);
        return thread;
    });

    /** Says why there is no room for another run, if there is none; called before the file is sent. */
    public synchronized void reserve() {
        forgetOld();
        if (runs.values().stream().filter(BatchRun::running).count() >= RUNNING) {
            throw new Busy(RUNNING + " CSV screenings are running; try again when one has finished.");
        }
    }

    /** Reads the service's NDJSON answer on a reader thread; the run is seen at once, RUNNING. */
    public synchronized BatchRun start(String owner, String fileName, long lines, InputStream answer) {
        try {
            reserve();
        } catch (Busy busy) {
            closeQuietly(answer);
            throw busy;
        }
        while (runs.size() >= KEPT) {
            Optional<BatchRun> oldest = runs.values().stream().filter(r -> !r.running())
                    .min(Comparator.comparing(BatchRun::startedAt));
            if (oldest.isEmpty()) {
                break;
            }
            forget(oldest.get());
        }
        Path result;
        try {
            result = Files.createTempFile("screening-result-", ".csv");
        } catch (IOException e) {
            closeQuietly(answer);
            throw new UncheckedIOException(e);
        }
        BatchRun run = new BatchRun(owner, fileName, lines, result);
        runs.put(run.id(), run);
        readers.execute(() -> read(run, answer));
        return run;
    }

    /** The run, if it is kept and {@code viewer} started it: a result holds a person's customers. */
    public synchronized Optional<BatchRun> find(String id, String viewer) {
        return Optional.ofNullable(runs.get(id)).filter(run -> run.owner().equals(viewer));
    }

    private static void read(BatchRun run, InputStream answer) {
        try (answer;
             BufferedReader lines = new BufferedReader(new InputStreamReader(answer, StandardCharsets.UTF_8));
             Writer csv = Files.newBufferedWriter(run.result(), StandardCharsets.UTF_8)) {
            run.consume(lines, csv);
        } catch (IOException | RuntimeException e) {
            run.fail("the result could not be written: " + e.getMessage());
        }
    }

    private void forgetOld() {
        Instant before = Instant.now().minus(KEPT_FOR);
        runs.values().stream().filter(r -> !r.running() && r.finishedAt().isBefore(before)).toList()
                .forEach(this::forget);
    }

    private void forget(BatchRun run) {
        runs.remove(run.id());
        try {
            Files.deleteIfExists(run.result());
        } catch (IOException ignored) {
            // a temporary file; the next start of the machine cleans it
        }
    }

    private static void closeQuietly(InputStream answer) {
        try {
            answer.close();
        } catch (IOException ignored) {
            // the answer is abandoned either way
        }
    }

    @PreDestroy
    synchronized void stop() {
        readers.shutdownNow();
        runs.values().stream().toList().forEach(this::forget);
    }
}
