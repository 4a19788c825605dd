package io.sanctionsradar.screening.matching.bench;

import io.sanctionsradar.screening.matching.MatchingEngine;
import io.sanctionsradar.screening.matching.WatchlistEntry;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Cost of applying designation events one {@code upsert} at a time, as the service's consumer does.
 * Usage: {@code UpsertHarness [events.jsonl] [preloaded.jsonl]}; defaults /tmp/wl/csl.jsonl and /tmp/wl/all.jsonl.
 * Run 1 is JIT-cold (the service's first batch), later runs warm.
 */
public final class UpsertHarness {

    private UpsertHarness() {
    }

    public static void main(String[] args) {
        List<WatchlistEntry> events = BenchData.entries(Path.of(args.length > 0 ? args[0] : "/tmp/wl/csl.jsonl"));
        List<WatchlistEntry> preload = BenchData.entries(Path.of(args.length > 1 ? args[1] : "/tmp/wl/all.jsonl"));
        for (int run = 1; run <= 3; run++) {
            MatchingEngine empty = new MatchingEngine();
            long t0 = System.nanoTime();
            for (WatchlistEntry e : events) {
                empty.upsert(e);
            }
            double emptyMs = (System.nanoTime() - t0) / 1e6;
            MatchingEngine full = new MatchingEngine();
            full.replaceAll(preload);
            t0 = System.nanoTime();
            for (WatchlistEntry e : events) {
                full.upsert(e);
            }
            double fullMs = (System.nanoTime() - t0) / 1e6;
            System.out.printf(Locale.ROOT, "run %d: %d upserts into empty %.0f ms (%.1f us each), into %d-entry engine %.0f ms (%.1f us each)%n",
                    run, events.size(), emptyMs, emptyMs * 1000 / events.size(), preload.size(), fullMs,
                    fullMs * 1000 / events.size());
        }
        Runtime rt = Runtime.getRuntime();
        MatchingEngine probe = new MatchingEngine();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long before = rt.totalMemory() - rt.freeMemory();
        probe.replaceAll(preload);
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long after = rt.totalMemory() - rt.freeMemory();
        System.out.printf(Locale.ROOT, "heap: %.1f MB for %d entries / %d names = %.0f bytes per entry (entries list excluded)%n",
                (after - before) / 1e6, probe.size(), probe.nameCount(), (double) (after - before) / probe.size());
    }
}
