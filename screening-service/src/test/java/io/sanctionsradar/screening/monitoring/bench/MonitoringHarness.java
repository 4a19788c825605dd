package io.sanctionsradar.screening.monitoring.bench;

import io.sanctionsradar.screening.matching.EntryName;
import io.sanctionsradar.screening.matching.Match;
import io.sanctionsradar.screening.matching.MatchingEngine;
import io.sanctionsradar.screening.matching.NameKind;
import io.sanctionsradar.screening.matching.Query;
import io.sanctionsradar.screening.matching.SubjectType;
import io.sanctionsradar.screening.matching.WatchlistEntry;
import io.sanctionsradar.screening.matching.bench.BenchData;
import io.sanctionsradar.screening.monitoring.MonitoredParty;
import io.sanctionsradar.screening.monitoring.PartyMatcher;
import io.sanctionsradar.screening.screening.ScreeningService;

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
 * caches, so the forward check looks the parties' words up afresh).
 * Usage: {@code MonitoringHarness watchlist.jsonl [parties=1000000] [designations=500] [no-rescreen]}, with
 * {@code -Dmonitoring.seed=N} for another draw of designations (11 by default).
 */
public final class MonitoringHarness {

    private MonitoringHarness() {
    }

    public static void main(String[] args) {
        List<WatchlistEntry> entries = BenchData.entries(Path.of(args[0]));
        int partyCount = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int designations = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        // a warm-up round, then the measured one; another seed (-Dmonitoring.seed) draws other designations
        Random random = new Random(Long.getLong("monitoring.seed", 11));
        WatchlistEntry[][] drawn = new WatchlistEntry[2][designations];
        for (WatchlistEntry[] round : drawn) {
            Arrays.setAll(round, i -> entries.get(random.nextInt(entries.size())));
        }
        Set<String> arriving = new HashSet<>();
        Arrays.stream(drawn[1]).forEach(e -> arriving.add(e.entryId()));
        MatchingEngine watchlist = new MatchingEngine();
        watchlist.replaceAll(entries.stream().filter(e -> !arriving.contains(e.entryId())).toList());
        System.out.printf(Locale.ROOT, "watchlist: %d entries, %d names, and %d to arrive%n", watchlist.size(),
                watchlist.nameCount(), arriving.size());

        List<MonitoredParty> book = book(entries, partyCount, new Random(7));
        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        PartyMatcher matcher = new PartyMatcher();
        matcher.replaceAll(book);
        long built = System.nanoTime() - t0;
        long heapAfter = usedHeap();
        System.out.printf(Locale.ROOT, "book: %d parties indexed in %.1f s; index heap %.0f MB (%.0f bytes/party)%n",
                matcher.size(), built / 1e9, (heapAfter - heapBefore) / 1e6, (heapAfter - heapBefore) / (double) matcher.size());

        // one designation against the whole book: reverse candidates, then each candidate forward against that entry
        long[] nanos = new long[designations];
        long[] reverseNanos = new long[designations];
        int[] candidates = new int[designations];
        WatchlistEntry[] checked = new WatchlistEntry[designations];
        int hits = 0;
        for (int round = -1; round < 1; round++) { // one warm-up round
            for (int i = 0; i < designations; i++) {
                WatchlistEntry entry = drawn[round + 1][i];
                if (arriving.remove(entry.entryId())) {
                    watchlist.upsert(entry);
                }
                long s = System.nanoTime();
                Map<MonitoredParty, Set<String>> found = matcher.candidates(List.of(entry));
                long reversed = System.nanoTime() - s;
                // as AlertMonitor hands them to ScreeningService.evaluateAgainst: listed, then in parallel from as many
                List<Map.Entry<MonitoredParty, Set<String>>> listed = new ArrayList<>(found.entrySet());
                IntStream each = IntStream.range(0, listed.size());
                int matched = (listed.size() >= ScreeningService.PARALLEL_AGAINST_FROM ? each.parallel() : each)
                        .map(k -> {
                            MonitoredParty p = listed.get(k).getKey();
                            return watchlist.screenEntries(new Query(p.name(), p.type(), p.birthDate(), p.country()),
                                    MatchingEngine.DEFAULT_THRESHOLD, 25, listed.get(k).getValue(), null).size();
                        }).sum();
                if (round == 0) {
                    nanos[i] = System.nanoTime() - s;
                    reverseNanos[i] = reversed;
                    candidates[i] = found.size();
                    checked[i] = entry;
                    hits += matched;
                }
            }
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int[] c = candidates.clone();
        Arrays.sort(c);
        System.out.printf(Locale.ROOT, "one designation vs the book (%d designations): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, "
                        + "max %.2f ms; candidates p50 %d, p99 %d, max %d; %d hits%n", designations, pct(sorted, 50),
                pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1] / 1e6, c[c.length / 2],
                c[(int) (c.length * 0.99)], c[c.length - 1], hits);
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
                    nanos[i] / 1e6, reverseNanos[i] / 1e6, (nanos[i] - reverseNanos[i]) / 1e6, checked[i].names().size(),
                    candidates[i], checked[i].names().get(0).name());
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
