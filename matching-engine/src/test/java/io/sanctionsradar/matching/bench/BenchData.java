package io.sanctionsradar.matching.bench;

import io.sanctionsradar.matching.WatchlistEntry;
import io.sanctionsradar.matching.WatchlistFixtures;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads designation JSONL (all.jsonl or the committed fixture) and query names for the benchmarks. */
public final class BenchData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchData() {
    }

    public static List<WatchlistEntry> entries(Path path) {
        return WatchlistFixtures.fromFile(path).entries();
    }

    /** The committed CSL fixture, for when all.jsonl is not available. */
    public static List<WatchlistEntry> fixture() {
        return WatchlistFixtures.fromClasspath("/matching/us-csl-2022.jsonl.gz").entries();
    }

    public static List<String> queryNames(Path path) {
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line).path("name").asText());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
