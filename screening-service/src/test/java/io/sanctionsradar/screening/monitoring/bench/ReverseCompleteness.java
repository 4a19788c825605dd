package io.sanctionsradar.screening.monitoring.bench;

import io.sanctionsradar.matching.Match;
import io.sanctionsradar.matching.MatchingEngine;
import io.sanctionsradar.matching.Query;
import io.sanctionsradar.matching.WatchlistEntry;
import io.sanctionsradar.matching.bench.BenchData;
import io.sanctionsradar.screening.monitoring.MonitoredParty;
import io.sanctionsradar.screening.monitoring.PartyMatcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether monitoring raises every alert a screening would: each party of the {@link MonitoringHarness} book screened
 * forward against the whole watchlist (the truth), against what checking every designation as AlertMonitor does
 * finds ({@link PartyMatcher#candidates}, each candidate screened forward against the entries that proposed it).
 * Prints the hits reached and missed, the candidates proposed, and the first pairs missed.
 * Usage: {@code ReverseCompleteness watchlist.jsonl [parties=1000000]}.
 */
public final class ReverseCompleteness {

    /** More than any party's hits: the truth is every hit, not the first few. */
    private static final int ALL = 10_000;

    private ReverseCompleteness() {
    }

    public static void main(String[] args) {
        List<WatchlistEntry> entries = BenchData.entries(Path.of(args[0]));
        int partyCount = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        MatchingEngine watchlist = new MatchingEngine();
        watchlist.replaceAll(entries);
        List<MonitoredParty> book = MonitoringHarness.book(entries, partyCount, new Random(7));

        Set<String> truth = ConcurrentHashMap.newKeySet();
        book.parallelStream().forEach(p -> {
            for (Match m : watchlist.screen(query(p), MatchingEngine.DEFAULT_THRESHOLD, ALL, null)) {
                truth.add(p.partyId() + " | " + m.entryId());
            }
        });

        PartyMatcher matcher = new PartyMatcher();
        matcher.replaceAll(book);
        Set<String> reached = ConcurrentHashMap.newKeySet();
        AtomicLong proposed = new AtomicLong();
        for (WatchlistEntry designation : entries) {
            Map<MonitoredParty, Set<String>> candidates = matcher.candidates(List.of(designation));
            proposed.addAndGet(candidates.size());
            candidates.entrySet().parallelStream().forEach(c -> {
                for (Match m : watchlist.screenEntries(query(c.getKey()), MatchingEngine.DEFAULT_THRESHOLD, ALL,
                        c.getValue(), null)) {
                    reached.add(c.getKey().partyId() + " | " + m.entryId());
                }
            });
        }

        Set<String> missed = new TreeSet<>(truth);
        missed.removeAll(reached);
        System.out.printf(Locale.ROOT, "%d designations against %d parties: %d forward hits, %d reached, %d missed; "
                + "%d candidates proposed%n", entries.size(), book.size(), truth.size(), truth.size() - missed.size(),
                missed.size(), proposed.get());
        missed.stream().limit(20).forEach(m -> System.out.println("  missed: " + m));
    }

    private static Query query(MonitoredParty p) {
        return new Query(p.name(), p.type(), p.birthDate(), p.country());
    }
}
