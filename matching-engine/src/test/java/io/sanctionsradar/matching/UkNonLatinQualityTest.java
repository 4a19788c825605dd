package io.sanctionsradar.matching;

import org.junit.jupiter.api.Test;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The UK list's own non-Latin names (Cyrillic, Arabic script, Han, Hebrew …) finding their group among the UK's Latin
 * names ({@code bench/UkNonLatinSet} builds both files from the 2025-04 list). Floors are today's figures: raise them
 * when a change lifts them.
 */
class UkNonLatinQualityTest {

    @Test
    void nonLatinNamesFindTheirGroup() throws URISyntaxException {
        WatchlistFixtures.Watchlist wl = WatchlistFixtures.fromClasspath("/matching/eval-uk/uk-2025-latin.jsonl.gz");
        MatchingEngine engine = new MatchingEngine();
        engine.replaceAll(wl.entries());
        Path file = Path.of(getClass().getResource("/matching/eval-uk/uk-non-latin.jsonl").toURI());
        List<QualityEvaluation.LabelledQuery> queries = QualityEvaluation.readQueries(file);
        QualityEvaluation.Metrics m = QualityEvaluation.metrics(
                QualityEvaluation.run(engine, queries, MatchingEngine.DEFAULT_THRESHOLD), wl.sourceIdOf(),
                MatchingEngine.DEFAULT_THRESHOLD);
        System.out.println("uk-non-latin at " + m.row() + " " + m.recallByFamily());

        assertTrue(m.recall() >= 0.89, "recall " + m.recall());
        assertTrue(m.top1() >= 0.88, "top-1 " + m.top1());
        assertTrue(m.recallByFamily().get("arabic") >= 0.80, "arabic " + m.recallByFamily());
        assertTrue(m.recallByFamily().get("cyrillic") >= 0.92, "cyrillic " + m.recallByFamily());
        assertTrue(m.recallByFamily().get("hebrew") >= 0.37, "hebrew " + m.recallByFamily());
        assertTrue(m.recallByFamily().get("han") >= 0.51, "han " + m.recallByFamily());
    }
}
