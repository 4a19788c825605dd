package io.sanctionsradar.screening.matching;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.sanctionsradar.screening.watchlist.Listing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Loads designation JSONL (full or slim form) into engine entries; entryId = designationId. */
public final class WatchlistFixtures {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** Loaded entries plus the designationId -> sourceId mapping the eval files use. */
    public record Watchlist(List<WatchlistEntry> entries, Map<String, String> sourceIdOf) {
    }

    private WatchlistFixtures() {
    }

    public static Watchlist fromClasspath(String resource) {
        try (InputStream in = WatchlistFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return read(resource.endsWith(".gz") ? new GZIPInputStream(in) : in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Watchlist fromFile(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(path.toString().endsWith(".gz") ? new GZIPInputStream(in) : in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Watchlist read(InputStream in) throws IOException {
        List<WatchlistEntry> entries = new ArrayList<>();
        Map<String, String> sourceIds = new java.util.HashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            if (line.isBlank()) {
                continue;
            }
            // the service's own mapping from a designation event to what the engine indexes
            Listing listing = JSON.readValue(line, Listing.class);
            sourceIds.put(listing.designationId(), listing.sourceId());
            entries.add(listing.toWatchlistEntry());
        }
        return new Watchlist(entries, sourceIds);
    }
}
