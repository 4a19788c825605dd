package io.sanctionsradar.screening.watchlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsradar.matching.WatchlistFixtures;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The matching engine's tests read designations without this service (its fixture reader maps the JSON itself):
 * for every designation of the CSL fixture, that reader indexes exactly what {@link Listing#toWatchlistEntry} does.
 */
class ListingFixtureTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Test
    void theEngineFixtureReaderMapsDesignationsAsTheWatchlistDoes() throws Exception {
        int compared = 0;
        try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("/matching/us-csl-2022.jsonl.gz"));
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                JsonNode designation = JSON.readTree(line);
                assertEquals(JSON.treeToValue(designation, Listing.class).toWatchlistEntry(),
                        WatchlistFixtures.entry(designation), line);
                compared++;
            }
        }
        assertTrue(compared > 1000, "compared " + compared);
    }
}
