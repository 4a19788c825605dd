package io.sanctionsradar.screening.monitoring.bench;

import io.sanctionsradar.matching.EntryName;
import io.sanctionsradar.matching.Match;
import io.sanctionsradar.matching.MatchingEngine;
import io.sanctionsradar.matching.NameKind;
import io.sanctionsradar.matching.Query;
import io.sanctionsradar.matching.SubjectType;
import io.sanctionsradar.matching.WatchlistEntry;
import io.sanctionsradar.matching.bench.BenchData;
import io.sanctionsradar.screening.monitoring.MonitoredParty;
import io.sanctionsradar.screening.monitoring.PartyMatcher;
import io.sanctionsradar.screening.screening.ScreeningService;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Monitoring at scale, without the service around it: a synthetic book of parties (names recombined from the
 * watchlist's own person and organization tokens, so they look like listed names without being them), held in the
 * reverse index; the time to check one new designation against the whole book (reverse candidates, then the
 * forward check of each, as AlertMonitor does); and a full forward re-screen of the book on every core. The measured
 * designations arrive as new listings: left out of the watchlist, each is added to it just before it is checked, as
 * the service applies a listing before monitoring it (a listing with a word new to the watchlist clears its lookup
 * caches, so the forward check looks the parties' words up afresh). Other draws, arriving alike, are checked first, a
 * round each, until the JIT compiler has settled: the measured figures are a running service's; the first round's,
 * printed too, are those right after a start.
 * Usage: {@code MonitoringHarness watchlist.jsonl [parties=1000000] [designations=2000] [no-rescreen]}, with
 * {@code -Dmonitoring.seed=N} for another draw of designations (11 by default).
 */
public final class MonitoringHarness {

    private MonitoringHarness() {
    }

    public static void main(String[] args) {
        List<WatchlistEntry> entries = BenchData.entries(Path.of(args[0]));
        int partyCount = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int designations = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        // the measured draw is the seed's second, as when the warm-up was one round of the first (figures compare with
        // earlier runs); warm-up rounds draw none of the measured designations, which all arrive when measured; another
        // seed (-Dmonitoring.seed) draws other designations
        Random random = new Random(Long.getLong("monitoring.seed", 11));
        WatchlistEntry[] first = draw(entries, designations, random, Set.of());
        WatchlistEntry[] measuredDraw = draw(entries, designations, random, Set.of());
        Set<String> measuredIds = new HashSet<>();
        Arrays.stream(measuredDraw).forEach(e -> measuredIds.add(e.entryId()));
        WatchlistEntry[][] warmUpDraws = new WatchlistEntry[MAX_WARM_UPS][];
        Arrays.setAll(warmUpDraws, k -> k == 0
                ? Arrays.stream(first).filter(e -> !measuredIds.contains(e.entryId())).toArray(WatchlistEntry[]::new)
                : draw(entries, designations, random, measuredIds));
        Set<String> arriving = new HashSet<>(measuredIds);
        Arrays.stream(warmUpDraws).flatMap(Arrays::stream).forEach(e -> arriving.add(e.entryId()));
        MatchingEngine watchlist = new MatchingEngine();
        watchlist.replaceAll(entries.stream().filter(e -> !arriving.contains(e.entryId())).toList());
        System.out.printf(Locale.ROOT, "watchlist: %d entries, %d names, and %d to arrive (warm-up and measured)%n",
                watchlist.size(), watchlist.nameCount(), arriving.size());

        List<MonitoredParty> book = book(entries, partyCount, new Random(7));
        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        PartyMatcher matcher = new PartyMatcher();
        matcher.replaceAll(book);
        long built = System.nanoTime() - t0;
        long heapAfter = usedHeap();
        System.out.printf(Locale.ROOT, "book: %d parties indexed in %.1f s; index heap %.0f MB (%.0f bytes/party)%n",
                matcher.size(), built / 1e9, (heapAfter - heapBefore) / 1e6, (heapAfter - heapBefore) / (double) matcher.size());

        // warm-up rounds, each with designations of its own arriving as the measured ones will, until the JIT compiler
        // has settled: on two cores its one C2 thread works through thousands of methods for seconds after a start, and
        // takes a core from the checks while it does; the first round's figures are what a service sees right after
        // it starts
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        for (int warmUp = 0; warmUp < MAX_WARM_UPS; warmUp++) {
            long compiled = jit.getTotalCompilationTime();
            Round r = round(warmUpDraws[warmUp], arriving, watchlist, matcher);
            long compiling = jit.getTotalCompilationTime() - compiled;
            System.out.printf(Locale.ROOT, "warm-up round %d: p50 %.2f ms, p99 %.2f ms, max %.2f ms; "
                    + "JIT compiling %d ms of %.1f s%n", warmUp + 1, r.pct(50), r.pct(99), r.max(), compiling, r.wallNanos / 1e9);
            if (compiling < r.wallNanos / 1e6 * SETTLED) {
                break;
            }
        }
        // the designations of warm-up rounds not run are listed, so the watchlist holds all but the measured arrivals
        for (WatchlistEntry[] round : warmUpDraws) {
            for (WatchlistEntry e : round) {
                if (arriving.remove(e.entryId())) {
                    watchlist.upsert(e);
                }
            }
        }
        long compiled = jit.getTotalCompilationTime();
        Round measured = round(measuredDraw, arriving, watchlist, matcher);
        long[] nanos = measured.nanos;
        long[] reverseNanos = measured.reverseNanos;
        int[] candidates = measured.candidates;
        System.out.printf(Locale.ROOT, "measured round: JIT compiling %d ms of %.1f s%n",
                jit.getTotalCompilationTime() - compiled, measured.wallNanos / 1e9);
        int[] c = candidates.clone();
        Arrays.sort(c);
        System.out.printf(Locale.ROOT, "one designation vs the book (%d designations): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, "
                        + "max %.2f ms; candidates p50 %d, p99 %d, max %d; %d hits%n", designations, measured.pct(50),
                measured.pct(90), measured.pct(99), measured.max(), c[c.length / 2],
                c[(int) (c.length * 0.99)], c[c.length - 1], measured.hits);
        long[] reverse = reverseNanos.clone();
        Arrays.sort(reverse);
        long[] forward = new long[designations];
        for (int i = 0; i < designations; i++) {
            forward[i] = nanos[i] - reverseNanos[i];
        }
        Arrays.sort(forward);
        System.out.printf(Locale.ROOT, "  of which reverse candidates: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms; forward check: p50 %.2f ms, "
                + "p90 %.2f ms, p99 %.2f ms%n", pct(reverse, 50), pct(reverse, 90), pct(reverse, 99), pct(forward, 50),
                pct(forward, 90), pct(forward, 99));

        // the designations behind the tail, to know what the p99 is made of
        Integer[] slowest = new Integer[designations];
        Arrays.setAll(slowest, i -> i);
        Arrays.sort(slowest, (a, b) -> Long.compare(nanos[b], nanos[a]));
        for (int k = 0; k < Math.min(8, designations); k++) {
            int i = slowest[k];
            System.out.printf(Locale.ROOT, "  slow: %.1f ms (reverse %.1f, forward %.1f), %d names, %d candidates: %s%n",
                    nanos[i] / 1e6, reverseNanos[i] / 1e6, (nanos[i] - reverseNanos[i]) / 1e6, measuredDraw[i].names().size(),
                    candidates[i], measuredDraw[i].names().get(0).name());
        }

        if (args.length > 3 && args[3].equals("no-rescreen")) {
            return;
        }
        // full re-screen: every party forward against the whole watchlist, on all cores
        AtomicInteger matchedParties = new AtomicInteger();
        long f0 = System.nanoTime();
        book.parallelStream().forEach(p -> {
            List<Match> m = watchlist.screen(new Query(p.name(), p.type(), p.birthDate(), p.country()),
                    MatchingEngine.DEFAULT_THRESHOLD, 25, null);
            if (!m.isEmpty()) {
                matchedParties.incrementAndGet();
            }
        });
        double seconds = (System.nanoTime() - f0) / 1e9;
        System.out.printf(Locale.ROOT, "full re-screen: %d parties in %.1f s (%.0f/s, %d threads), %d parties with a hit%n",
                book.size(), seconds, book.size() / seconds, Runtime.getRuntime().availableProcessors(), matchedParties.get());
    }

    /** Warm-up rounds end once the JIT compiler took less than this share of a round's time. */
    private static final double SETTLED = 0.02;
    private static final int MAX_WARM_UPS = 6;

    /** One round's figures, per designation in draw order. */
    private record Round(long[] nanos, long[] reverseNanos, int[] candidates, int hits, long wallNanos) {
        double pct(double p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return MonitoringHarness.pct(sorted, p);
        }

        double max() {
            return Arrays.stream(nanos).max().orElse(0) / 1e6;
        }
    }

    /**
     * Each designation against the whole book: reverse candidates, then each candidate forward against that entry; a
     * designation still arriving is listed just before it is checked.
     */
    private static Round round(WatchlistEntry[] draw, Set<String> arriving, MatchingEngine watchlist,
                               PartyMatcher matcher) {
        long[] nanos = new long[draw.length];
        long[] reverseNanos = new long[draw.length];
        int[] candidates = new int[draw.length];
        int hits = 0;
        long start = System.nanoTime();
        for (int i = 0; i < draw.length; i++) {
            WatchlistEntry entry = draw[i];
            if (arriving.remove(entry.entryId())) {
                watchlist.upsert(entry);
            }
            long s = System.nanoTime();
            Map<MonitoredParty, Set<String>> found = matcher.candidates(List.of(entry));
            reverseNanos[i] = System.nanoTime() - s;
            // as AlertMonitor hands them to ScreeningService.evaluateAgainst: listed, then in parallel from as many
            List<Map.Entry<MonitoredParty, Set<String>>> listed = new ArrayList<>(found.entrySet());
            IntStream each = IntStream.range(0, listed.size());
            hits += (listed.size() >= ScreeningService.PARALLEL_AGAINST_FROM ? each.parallel() : each)
                    .map(k -> {
                        MonitoredParty p = listed.get(k).getKey();
                        return watchlist.screenEntries(new Query(p.name(), p.type(), p.birthDate(), p.country()),
                                MatchingEngine.DEFAULT_THRESHOLD, 25, listed.get(k).getValue(), null).size();
                    }).sum();
            nanos[i] = System.nanoTime() - s;
            candidates[i] = found.size();
        }
        return new Round(nanos, reverseNanos, candidates, hits, System.nanoTime() - start);
    }

    /** Designations drawn at random (with repeats), none of those excluded. */
    private static WatchlistEntry[] draw(List<WatchlistEntry> entries, int count, Random random, Set<String> excluded) {
        WatchlistEntry[] drawn = new WatchlistEntry[count];
        for (int i = 0; i < count; i++) {
            do {
                drawn[i] = entries.get(random.nextInt(entries.size()));
            } while (excluded.contains(drawn[i].entryId()));
        }
        return drawn;
    }

    /** Persons "Given [Middle] Surname" and organizations "Word Word Form" from the watchlist's vocabulary. */
    static List<MonitoredParty> book(List<WatchlistEntry> entries, int count, Random random) {
        List<String> given = new ArrayList<>();
        List<String> surnames = new ArrayList<>();
        List<String> orgWords = new ArrayList<>();
        for (WatchlistEntry e : entries) {
            for (EntryName n : e.names()) {
                if (n.kind() == NameKind.WEAK || !n.name().chars().allMatch(ch -> ch < 0x250)) {
                    continue;
                }
                String[] words = n.name().replace(",", " ").trim().split("\\s+");
                if (e.type() == SubjectType.PERSON && words.length >= 2) {
                    surnames.add(words[0]);
                    given.add(words[words.length - 1]);
                } else if (e.type() == SubjectType.ORGANIZATION) {
                    for (String w : words) {
                        if (w.length() > 2) {
                            orgWords.add(w);
                        }
                    }
                }
            }
        }
        Collections.shuffle(given, random);
        String[] forms = {"Ltd", "LLC", "GmbH", "S.A.", "Inc.", "Co.", "Trading", "Holdings"};
        String[] countries = {"DE", "FR", "GB", "US", "CN", "RU", "AE", "TR", "IN", "BR"};
        Instant t = Instant.parse("2026-11-23T00:00:00Z");
        List<MonitoredParty> book = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name;
            SubjectType type;
            String birth = null;
            if (random.nextInt(10) < 7) {
                type = SubjectType.PERSON;
                name = pick(given, random) + (random.nextInt(3) == 0 ? " " + pick(given, random) : "") + " " + pick(surnames, random);
                birth = random.nextInt(2) == 0 ? String.valueOf(1940 + random.nextInt(65)) : null;
            } else {
                type = SubjectType.ORGANIZATION;
                name = pick(orgWords, random) + " " + pick(orgWords, random) + " " + forms[random.nextInt(forms.length)];
            }
            book.add(new MonitoredParty("book-" + i % 20, "p-" + i, name, type, birth,
                    countries[random.nextInt(countries.length)], 1, t, t));
        }
        return book;
    }

    private static String pick(List<String> words, Random random) {
        return words.get(random.nextInt(words.size()));
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.round(p / 100 * (sorted.length - 1)))] / 1e6;
    }
}
