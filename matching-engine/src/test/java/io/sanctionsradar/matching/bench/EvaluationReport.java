package io.sanctionsradar.matching.bench;

import io.sanctionsradar.matching.MatchingEngine;
import io.sanctionsradar.matching.QualityEvaluation;
import io.sanctionsradar.matching.WatchlistFixtures;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Prints the held-out report: every {@code matching/eval/*.jsonl} against a list, per file and per family (n,
 * recall, top-1, FP rate). Usage: {@code EvaluationReport [fixture.jsonl(.gz)] [threshold]}; defaults to the
 * committed CSL 2022 fixture and the engine's default threshold. A file of {@code OWN_WATCHLIST} is always screened
 * against its own list.
 */
public final class EvaluationReport {

    private EvaluationReport() {
    }

    public static void main(String[] args) throws URISyntaxException {
        WatchlistFixtures.Watchlist wl = args.length > 0 && !args[0].isBlank()
                ? WatchlistFixtures.fromFile(Path.of(args[0]))
                : WatchlistFixtures.fromClasspath("/matching/us-csl-2022.jsonl.gz");
        double threshold = args.length > 1 ? Double.parseDouble(args[1]) : MatchingEngine.DEFAULT_THRESHOLD;
        QualityEvaluation.Screening csl = QualityEvaluation.Screening.of(wl);
        // the source folder when run from matching-engine, so a freshly generated file is measured, not a stale copy
        Path source = Path.of("src/test/resources/matching/eval");
        Path dir = Files.isDirectory(source) ? source : Path.of(EvaluationReport.class.getResource("/matching/eval").toURI());
        System.out.printf(Locale.ROOT, "%d entries, threshold %.2f; %s on their own list%n", csl.engine().size(), threshold,
                QualityEvaluation.OWN_WATCHLIST.keySet());
        System.out.print(QualityEvaluation.table(QualityEvaluation.evaluateDirectory(csl, dir, threshold)));
    }
}
