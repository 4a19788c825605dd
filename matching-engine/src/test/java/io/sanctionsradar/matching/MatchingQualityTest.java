package io.sanctionsradar.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Quality on the committed US CSL (2022) fixture: the shared labelled dev set (issue #6 targets) and this
 * package's own hard cases (scripts, romanizations, split/joined words, two typos).
 */
class MatchingQualityTest {

    private static MatchingEngine engine;
    private static Map<String, String> sourceIdOf;

    @BeforeAll
    static void load() {
        WatchlistFixtures.Watchlist wl = WatchlistFixtures.fromClasspath("/matching/us-csl-2022.jsonl.gz");
        engine = new MatchingEngine();
        engine.replaceAll(wl.entries());
        sourceIdOf = wl.sourceIdOf();
    }

    @Test
    void devQueriesMeetTheIssueTargets() {
        Path dataDir = Path.of(System.getProperty("sanctions.data.dir", "../../shared/data"));
        Path queries = dataDir.resolve("eval/dev-queries.jsonl");
        assumeTrue(Files.isRegularFile(queries), "labelled queries not available at " + queries);

        List<QualityEvaluation.Outcome> outcomes =
                QualityEvaluation.run(engine, QualityEvaluation.readQueries(queries), MatchingEngine.DEFAULT_THRESHOLD);
        QualityEvaluation.writeResults(outcomes, sourceIdOf, MatchingEngine.DEFAULT_THRESHOLD,
                Path.of("target/matching-dev-results.jsonl"));
        QualityEvaluation.Metrics m = QualityEvaluation.metrics(outcomes, sourceIdOf, MatchingEngine.DEFAULT_THRESHOLD);
        System.out.println("dev-queries at " + m.row() + " " + m.recallByFamily());

        assertTrue(m.recall() >= 0.98, "recall " + m.recall());
        assertTrue(m.top1() >= 0.95, "top-1 " + m.top1());
        assertTrue(m.fpRate() <= 0.02, "false-positive rate " + m.fpRate());
        m.recallByFamily().forEach((family, recall) -> assertTrue(recall >= 0.95, family + " recall " + recall));
    }

    @Test
    void hardCases() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> failures = new ArrayList<>();
        int cases = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/matching/hard-cases.jsonl"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                cases++;
                JsonNode c = json.readTree(line);
                SubjectType type = c.hasNonNull("type") ? SubjectType.valueOf(c.get("type").asText()) : null;
                List<Match> matches = engine.screen(new Query(c.get("query").asText(), type, null, null),
                        MatchingEngine.DEFAULT_THRESHOLD, 5, null);
                List<String> ids = matches.stream().map(x -> sourceIdOf.get(x.entryId())).toList();
                if (c.hasNonNull("expect")) {
                    String expect = c.get("expect").asText();
                    if (ids.isEmpty() || !ids.get(0).equals(expect)) {
                        failures.add(c.get("query").asText() + " (" + c.get("why").asText() + "): expected " + expect
                                + " first, got " + describe(matches));
                    }
                } else if (!matches.isEmpty()) {
                    failures.add(c.get("query").asText() + " (" + c.get("why").asText() + "): expected no match, got "
                            + describe(matches));
                }
            }
        }
        assertTrue(cases >= 20, "hard cases loaded");
        assertEquals(List.of(), failures);
    }

    /**
     * Mixed-script lookalikes an evader types, each with the same name in one script: on the real list (the CSL's Entity
     * List and SDN entries) the lookalike finds exactly what the plain spelling finds, with the same scores.
     */
    @Test
    void mixedScriptLookalikesMatchAsTheirPlainSpelling() {
        String[][] lookalikes = {
                {"\u0405enseTime", "SenseTime"}, // Cyrillic Ѕ
                {"H\u0456kvision", "Hikvision"}, // Cyrillic і
                {"\u041d\u0456\u043a\u03bd\u0456s\u0456\u043en", "Hikvision"}, // Cyrillic Н і к і і о, Greek ν
                {"\u0397\u0399\u039aV\u0399S\u0399\u039f\u039d", "HIKVISION"}, // Greek capitals
                {"Hangzhou H\u0456kv\u0456s\u0456on D\u0456g\u0456tal", "Hangzhou Hikvision Digital"},
                {"Beijing \u0405\u0435ns\u0435tim\u0435 Technology Development", "Beijing Sensetime Technology Development"},
                {"HU\u0410W\u0415I T\u0415\u0421HN\u041eL\u041eGI\u0415S", "HUAWEI TECHNOLOGIES"}, // Cyrillic А Е С О
                {"D\u03b1hu\u03b1 \u03a4echnology", "Dahua Technology"}, // Greek α Τ
                {"CLOUDW\u0410LK", "CLOUDWALK"},
                {"Xinjiang Pr\u043educti\u043en and C\u043enstructi\u043en C\u043erps",
                        "Xinjiang Production and Construction Corps"}, // Cyrillic о
                {"W\u0430ng Junzh\u0435ng", "Wang Junzheng"}, // Cyrillic а е
                {"\u041fp\u0438\u0433\u043e\u0436\u0438\u043d \u0415\u0432\u0433\u0435\u043d\u0438\u0439",
                        "\u041f\u0440\u0438\u0433\u043e\u0436\u0438\u043d \u0415\u0432\u0433\u0435\u043d\u0438\u0439"}, // Latin p in Cyrillic
        };
        List<String> failures = new ArrayList<>();
        for (String[] pair : lookalikes) {
            List<Match> plain = engine.screen(Query.of(pair[1]), MatchingEngine.DEFAULT_THRESHOLD, 5, null);
            List<Match> lookalike = engine.screen(Query.of(pair[0]), MatchingEngine.DEFAULT_THRESHOLD, 5, null);
            assertTrue(!plain.isEmpty(), pair[1] + " is listed");
            if (!describe(lookalike).equals(describe(plain))) {
                failures.add(pair[0] + ": " + describe(lookalike) + ", as " + pair[1] + ": " + describe(plain));
            }
        }
        assertEquals(List.of(), failures);
    }

    private static String describe(List<Match> matches) {
        return matches.stream().map(x -> x.matchedName() + " " + x.score()).toList().toString();
    }
}
