package io.sanctionsradar.matching.bench;

import io.sanctionsradar.matching.MatchingEngine;
import io.sanctionsradar.matching.Query;
import io.sanctionsradar.matching.WatchlistEntry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Plain timing harness (no JMH): index build time and single-thread screen() latency percentiles.
 * Usage: {@code LatencyHarness [designations.jsonl] [queries.jsonl]}; defaults /tmp/wl/all.jsonl and the dev set.
 */
public final class LatencyHarness {

    private LatencyHarness() {
    }

    public static void main(String[] args) {
        Path list = Path.of(args.length > 0 ? args[0] : "/tmp/wl/all.jsonl");
        Path queriesFile = Path.of(args.length > 1 ? args[1] : "../../shared/data/eval/dev-queries.jsonl");
        List<WatchlistEntry> entries = BenchData.entries(list);
        MatchingEngine engine = new MatchingEngine();
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            engine.replaceAll(entries);
            System.out.printf(Locale.ROOT, "replaceAll #%d: %d entries, %d names in %.0f ms%n", round + 1, engine.size(),
                    engine.nameCount(), (System.nanoTime() - t0) / 1e6);
        }
        List<String> names = BenchData.queryNames(queriesFile);
        for (int warm = 0; warm < 5; warm++) {
            for (String n : names) {
                engine.screen(new Query(n, null, null, null), MatchingEngine.DEFAULT_THRESHOLD, 10, null);
            }
        }
        long[] nanos = new long[names.size()];
        for (int rep = 0; rep < 3; rep++) {
            for (int i = 0; i < names.size(); i++) {
                long t0 = System.nanoTime();
                engine.screen(new Query(names.get(i), null, null, null), MatchingEngine.DEFAULT_THRESHOLD, 10, null);
                long d = System.nanoTime() - t0;
                nanos[i] = rep == 0 ? d : Math.min(nanos[i], d);
            }
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "screen over %d queries (best of 3 per query): p50 %.0f us, p90 %.0f us, p99 %.0f us, max %.0f us%n",
                names.size(), pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1] / 1e3);
        List<Long> single = new ArrayList<>();
        for (String n : names) {
            long t0 = System.nanoTime();
            engine.screen(new Query(n, null, null, null), MatchingEngine.DEFAULT_THRESHOLD, 10, null);
            single.add(System.nanoTime() - t0);
        }
        long[] s = single.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "screen single pass: p50 %.0f us, p99 %.0f us%n", pct(s, 50), pct(s, 99));
        if (args.length > 2) {
            for (int i = 0; i < names.size(); i++) {
                if (nanos[i] > 1_000_000) {
                    System.out.printf(Locale.ROOT, "slow %.0f us: %s%n", nanos[i] / 1e3, names.get(i));
                }
            }
        }
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.round(p / 100 * (sorted.length - 1)))] / 1e3;
    }
}
