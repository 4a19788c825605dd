package io.sanctionsradar.matching;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * UN names in their original script (Arabic, Persian, Urdu, Cyrillic) finding the same subject on the Latin-only
 * CSL, and short Arabic- and Han-script names that are not listed finding nothing ({@code bench/UnOriginalScriptSet}
 * builds the file). Floors are today's figures: raise them when a change lifts them.
 */
class OriginalScriptQualityTest {

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
    void unOriginalScriptNamesFindTheirLatinListing() throws URISyntaxException {
        Path file = Path.of(getClass().getResource("/matching/eval/un-original-script.jsonl").toURI());
        List<QualityEvaluation.LabelledQuery> queries = QualityEvaluation.readQueries(file);
        QualityEvaluation.Metrics m = QualityEvaluation.metrics(
                QualityEvaluation.run(engine, queries, MatchingEngine.DEFAULT_THRESHOLD), sourceIdOf,
                MatchingEngine.DEFAULT_THRESHOLD);
        System.out.println("un-original-script at " + m.row() + " " + m.recallByFamily());

        assertTrue(m.recall() >= 0.81, "recall " + m.recall());
        assertTrue(m.top1() >= 0.80, "top-1 " + m.top1());
        assertEquals(0.0, m.fpRate(), "unlisted names matched");
        assertTrue(m.recallByFamily().get("arabic") >= 0.81, "arabic " + m.recallByFamily());
    }

    /** Short names are the hardest to keep apart: one near word is most of the name. */
    @Test
    void shortArabicAndHanScriptNamesThatAreNotListedMatchNothing() throws URISyntaxException {
        Path file = Path.of(getClass().getResource("/matching/eval/un-original-script.jsonl").toURI());
        List<QualityEvaluation.LabelledQuery> unlisted = QualityEvaluation.readQueries(file).stream()
                .filter(q -> q.family().endsWith("-unlisted")).toList();
        assertTrue(unlisted.size() >= 30, "unlisted names loaded");
        List<String> falsePositives = unlisted.stream()
                .filter(q -> !engine.screen(Query.of(q.name()), MatchingEngine.DEFAULT_THRESHOLD, 1, null).isEmpty())
                .map(QualityEvaluation.LabelledQuery::name).toList();
        assertEquals(List.of(), falsePositives);
    }
}
