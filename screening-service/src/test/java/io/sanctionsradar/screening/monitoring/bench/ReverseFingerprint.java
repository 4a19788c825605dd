package io.sanctionsradar.screening.monitoring.bench;

import io.sanctionsradar.matching.EntryName;
import io.sanctionsradar.matching.Match;
import io.sanctionsradar.matching.MatchingEngine;
import io.sanctionsradar.matching.NameKind;
import io.sanctionsradar.matching.Query;
import io.sanctionsradar.matching.WatchlistEntry;
import io.sanctionsradar.matching.bench.BenchData;
import io.sanctionsradar.screening.monitoring.MonitoredParty;
import io.sanctionsradar.screening.monitoring.PartyMatcher;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A digest of everything the monitoring reverse pass answers for designations drawn at random (seed 11, the book of
 * {@link MonitoringHarness}), to show that a change to the engine or the reverse index leaves the
 * results exactly as they were: every (designation, listed name, party, score, matched name, explanation) of
 * screening each listed name against the book as the reverse pass does, and every (party, proposing entries) of
 * {@link PartyMatcher#candidates}, in the order they are answered.
 * Usage: {@code ReverseFingerprint watchlist.jsonl [parties=1000000] [designations=1000]}.
 */
public final class ReverseFingerprint {

    private ReverseFingerprint() {
    }

    public static void main(String[] args) throws Exception {
        List<WatchlistEntry> entries = BenchData.entries(Path.of(args[0]));
        int partyCount = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int designations = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        List<MonitoredParty> book = MonitoringHarness.book(entries, partyCount, new Random(7));
        List<WatchlistEntry> drawn = new ArrayList<>();
        Random random = new Random(11);
        for (int i = 0; i < designations; i++) {
            drawn.add(entries.get(random.nextInt(entries.size())));
        }

        // the book as PartyMatcher indexes it, in an engine of our own to read scores and explanations
        MatchingEngine engine = MatchingEngine.reverse();
        List<WatchlistEntry> asEntries = new ArrayList<>(book.size());
        for (MonitoredParty p : book) {
            asEntries.add(new WatchlistEntry(PartyMatcher.key(p.portfolio(), p.partyId()), p.type(),
                    List.of(new EntryName(p.name(), NameKind.PRIMARY, null)),
                    p.birthDate() == null ? List.of() : List.of(p.birthDate()),
                    p.country() == null ? Set.of() : Set.of(p.country())));
        }
        engine.replaceAll(asEntries);
        asEntries = null;
        MessageDigest matches = MessageDigest.getInstance("SHA-256");
        long matchCount = 0;
        for (WatchlistEntry d : drawn) {
            for (EntryName name : d.names()) {
                Query listed = new Query(name.name(), d.type(), null, null); // as PartyMatcher searches it
                for (Match m : engine.screen(listed, PartyMatcher.candidateThreshold(name), 100_000, null)) {
                    matches.update((d.entryId() + '\u0001' + name.name() + '\u0001' + m.entryId() + '\u0001'
                            + m.score() + '\u0001' + m.matchedName() + '\u0001' + m.explanation() + '\n')
                            .getBytes(StandardCharsets.UTF_8));
                    matchCount++;
                }
            }
        }
        engine = null;
        System.out.printf(Locale.ROOT, "reverse matches: %d, sha-256 %s%n", matchCount,
                HexFormat.of().formatHex(matches.digest()));

        PartyMatcher matcher = new PartyMatcher();
        matcher.replaceAll(book);
        MessageDigest candidates = MessageDigest.getInstance("SHA-256");
        long candidateCount = 0;
        for (WatchlistEntry d : drawn) {
            for (Map.Entry<MonitoredParty, Set<String>> c : matcher.candidates(List.of(d)).entrySet()) {
                candidates.update((d.entryId() + '\u0001' + PartyMatcher.key(c.getKey().portfolio(), c.getKey().partyId())
                        + '\u0001' + new TreeSet<>(c.getValue()) + '\n').getBytes(StandardCharsets.UTF_8));
                candidateCount++;
            }
        }
        System.out.printf(Locale.ROOT, "reverse candidates: %d, sha-256 %s%n", candidateCount,
                HexFormat.of().formatHex(candidates.digest()));
    }
}
