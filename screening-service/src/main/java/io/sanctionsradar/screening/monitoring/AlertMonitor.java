package io.sanctionsradar.screening.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sanctionsradar.matching.WatchlistEntry;
import io.sanctionsradar.screening.monitoring.AlertEvents.ClearedReason;
import io.sanctionsradar.screening.monitoring.AlertEvents.MatchCleared;
import io.sanctionsradar.screening.monitoring.AlertEvents.Trigger;
import io.sanctionsradar.screening.monitoring.AlertEvents.TriggerKind;
import io.sanctionsradar.screening.monitoring.AlertRecorder.Screened;
import io.sanctionsradar.screening.monitoring.AlertRecorder.Standing;
import io.sanctionsradar.screening.monitoring.AlertRecorder.Why;
import io.sanctionsradar.screening.screenings.ScreeningRequest;
import io.sanctionsradar.screening.screenings.ScreeningResult;
import io.sanctionsradar.screening.screenings.ScreeningService;
import io.sanctionsradar.screening.screenings.ScreeningService.BatchResult;
import io.sanctionsradar.screening.watchlist.Listing;
import io.sanctionsradar.screening.watchlist.Watchlist;
import io.sanctionsradar.screening.watchlist.WatchlistObserver;
import io.sanctionsradar.screening.watchlist.WatchlistStore.Change;
import io.sanctionsradar.screening.watchlist.WatchlistStore.Position;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Ongoing monitoring of the parties of this instance's live shards (see {@link ShardMonitor}). A changed listing is
 * screened against them through the reverse index (only the parties its names may concern), a stored party against
 * the whole watchlist; either way a hit is decided by the forward screening of the party, and turned into alerts: a
 * new alert only for a (party, entry version) pair that has none, or after a dismissal once the party changed; a
 * standing alert whose hit went away is cleared.
 *
 * <p>Every transaction that writes a shard's alerts first locks the shard's row and checks its epoch
 * ({@link ShardStore#lock}), then changes the index and screens under the book's lock ({@link LiveBook}): a party's
 * alerts are written by the one instance that monitors it, and whichever of a party change and a listing change
 * comes second sees the other. The designation consumer's transaction also records how far each live shard is
 * checked: the watchlist's own positions.
 */
@ApplicationScoped
public class AlertMonitor implements WatchlistObserver {

    /**
     * Checking one listing through the reverse index costs about as much as screening this many parties forward
     * (the measured ratio: docs/benchmarks.md, ongoing monitoring); set low, as it leans to the forward pass, whose
     * cost does not depend on how common the listed names are. Past it, a batch of changes (a list import)
     * re-screens the whole book instead.
     */
    private static final int FORWARD_RATIO = 50;
    /** Matches kept per party and screening: more than any real customer has on one list. */
    private static final int MATCH_LIMIT = 25;

    @Inject
    ScreeningService screening;

    @Inject
    AlertStore alerts;

    @Inject
    PartyStore parties;

    @Inject
    EvidenceStore evidence;

    @Inject
    AlertRecorder recorder;

    @Inject
    Watchlist watchlist;

    @Inject
    LiveBook book;

    @Inject
    ShardStore shards;

    private final Counter checkedReverse;
    private final Counter checkedWholeBook;

    @Inject
    AlertMonitor(MeterRegistry registry) {
        // which way listings reach the book: a large book should take the reverse index, a list import the whole book
        checkedReverse = checked(registry, "reverse");
        checkedWholeBook = checked(registry, "whole-book");
    }

    private static Counter checked(MeterRegistry registry, String path) {
        return Counter.builder("monitoring.listings.checked").tag("path", path)
                .description("new or amended listings checked against the monitored parties, by the way they were checked")
                .register(registry);
    }

    /** Shards join when they are ready (ShardMonitor): the watchlist never waits for monitoring. */
    @Override
    public void awaitReady() {
    }

    /**
     * Has the watchlist take stored designation changes under the book's lock and alerts on what they do to the live
     * shards, in the caller's transaction, which also records that those shards are checked up to {@code positions}.
     * Safe to repeat after a rollback: an alert that exists is not written again.
     */
    @Override
    public void watchlistChanging(List<Change> changes, Collection<Position> positions, Runnable takeChanges) {
        Map<Integer, Long> locked = lockLiveShards();
        Checked checked = book.locked(() -> {
            takeChanges.run();
            Set<Integer> live = new HashSet<>(book.epochs().keySet()); // a shard dropped meanwhile is not recorded
            live.retainAll(locked.keySet());
            return new Checked(live, changes.isEmpty() ? List.of()
                    : check(changes, live.stream().map(book::index).toList()));
        });
        recordListingChanges(changes, checked.screened(), checked.shards());
        Map<Integer, Long> next = new HashMap<>();
        positions.forEach(p -> next.put(p.partition(), p.nextOffset()));
        sql(() -> shards.designationsChecked(checked.shards(), next));
    }

    private record Checked(Set<Integer> shards, List<Screened> screened) {
    }

    /** The live shards, their rows locked; one that another instance claimed since is dropped here. */
    private Map<Integer, Long> lockLiveShards() {
        while (true) {
            Map<Integer, Long> epochs = book.locked(book::epochs);
            Set<Integer> lost;
            try {
                lost = shards.lock(epochs);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot lock the monitoring shards", e);
            }
            if (lost.isEmpty()) {
                return epochs;
            }
            lost.forEach(book::drop);
        }
    }

    /**
     * Screens the parties of these indexes against changed listings, under the book's lock: the candidates of the
     * reverse index, or every party when the batch is large for the book (a list import).
     */
    List<Screened> check(List<Change> changes, Collection<PartyMatcher> indexes) {
        Set<String> changedIds = changes.stream().map(c -> c.listing().designationId()).collect(Collectors.toSet());
        List<WatchlistEntry> listed = changes.stream().map(Change::listing).filter(Listing::active)
                .map(Listing::toWatchlistEntry).toList();
        long parties = indexes.stream().mapToLong(PartyMatcher::size).sum();
        List<MonitoredParty> ordered = new ArrayList<>();
        List<Set<String>> against;
        if ((long) listed.size() * FORWARD_RATIO >= parties) {
            indexes.forEach(index -> ordered.addAll(index.all()));
            against = Collections.nCopies(ordered.size(), changedIds);
            checkedWholeBook.increment(listed.size());
        } else {
            against = new ArrayList<>();
            for (PartyMatcher index : indexes) {
                for (Map.Entry<MonitoredParty, Set<String>> candidate : index.candidates(listed).entrySet()) {
                    ordered.add(candidate.getKey());
                    against.add(candidate.getValue());
                }
            }
            checkedReverse.increment(listed.size());
        }
        return screened(ordered, screening.evaluateAgainst(requests(ordered), against));
    }

    /** Records the hits of changed listings on the parties of these shards; their standing alerts on them not hit go. */
    void recordListingChanges(List<Change> changes, List<Screened> screened, Set<Integer> inShards) {
        if (changes.isEmpty() || inShards.isEmpty()) {
            return;
        }
        Map<String, Change> changed = new HashMap<>();
        changes.forEach(c -> changed.put(c.listing().designationId(), c));
        Standing standing = new Standing(
                alerts.liveForEntries(changed.keySet()).stream().filter(s -> inShards.contains(shardOf(s.pair()))).toList(),
                evidence.liveForEntries(changed.keySet()).stream().filter(e -> inShards.contains(shardOf(e.pair()))).toList());
        recorder.record(screened, standing, (party, match) -> watchlistTrigger(changed.get(match.entryId())), pair -> {
            Change change = changed.get(pair.entryId());
            return new Why(change.listing().active() ? ClearedReason.AMENDED : ClearedReason.DELISTED,
                    watchlistTrigger(change));
        }, Instant.now());
    }

    private int shardOf(AlertStore.Pair pair) {
        return book.shardOf(pair.portfolio(), pair.partyId());
    }

    /**
     * Screens stored parties of one portfolio against the whole watchlist as one batch, in the caller's transaction,
     * and answers the batch (its receipts are the caller's to keep). The parties of this instance's live shards are
     * indexed and alerted on here; the owners of the others do it when the party's event reaches them. If the
     * transaction fails, the caller puts the index back with {@link #restore}.
     */
    public BatchResult partiesStored(String portfolio, List<MonitoredParty> stored, UUID batchId) {
        Map<Integer, Long> locked = lockLiveShards();
        Stored done = book.locked(() -> {
            Predicate<MonitoredParty> ours = p -> monitoredHere(locked, p.portfolio(), p.partyId());
            stored.stream().filter(ours).forEach(book::upsert);
            BatchResult batch = screening.evaluateBatch(requests(stored), batchId);
            return new Stored(batch, screened(stored, batch.results()).stream().filter(s -> ours.test(s.party())).toList());
        });
        recordPartyChanges(done.ours());
        return done.batch();
    }

    private record Stored(BatchResult batch, List<Screened> ours) {
    }

    /** Whether this party's shard is live here and its row locked by the caller; only under the book's lock. */
    private boolean monitoredHere(Map<Integer, Long> locked, String portfolio, String partyId) {
        return book.monitors(portfolio, partyId) && locked.containsKey(book.shardOf(portfolio, partyId));
    }

    /** Records the screenings of changed parties: their hits alert, their standing alerts not hit any more go. */
    void recordPartyChanges(List<Screened> screened) {
        Map<String, List<Screened>> byPortfolio = screened.stream()
                .collect(Collectors.groupingBy(s -> s.party().portfolio()));
        byPortfolio.forEach((portfolio, ofPortfolio) -> {
            Map<String, MonitoredParty> byId = new HashMap<>();
            ofPortfolio.forEach(s -> byId.put(s.party().partyId(), s.party()));
            List<AlertStore.State> standing = alerts.liveForParties(portfolio, byId.keySet());
            // evidence by the alerts' ids, not by a join on the parties: inside a bulk upsert on a young database the
            // tables have no statistics, and PostgreSQL's plan for that join made 100,000 parties take 141-159 s, not 20
            List<EvidenceStore.Evidence> evidenceOf = evidence.liveOf(standing.stream().map(AlertStore.State::alertId).toList());
            recorder.record(ofPortfolio, new Standing(standing, evidenceOf),
                    (party, match) -> Trigger.party(party.version()),
                    pair -> new Why(ClearedReason.PARTY_CHANGED, Trigger.party(byId.get(pair.partyId()).version())),
                    Instant.now());
        });
    }

    /** Screens parties against the whole watchlist, under the book's lock. */
    List<Screened> screenWhole(List<MonitoredParty> changed) {
        if (changed.isEmpty()) {
            return List.of();
        }
        return screened(changed, screening.evaluateBatch(requests(changed), UUID.randomUUID()).results());
    }

    /** Puts these parties back in the index as the database has them, after a transaction that changed them failed. */
    public void restore(String portfolio, Collection<String> partyIds) {
        Map<String, MonitoredParty> stored = new HashMap<>();
        for (String partyId : partyIds) {
            parties.find(portfolio, partyId).ifPresent(p -> stored.put(partyId, p));
        }
        book.locked(() -> {
            for (String partyId : partyIds) {
                if (!book.monitors(portfolio, partyId)) {
                    continue; // its owner indexes it from the topic, which has nothing of the failed change
                }
                MonitoredParty party = stored.get(partyId);
                if (party != null) {
                    book.upsert(party);
                } else {
                    book.remove(portfolio, partyId);
                }
            }
        });
    }

    /**
     * Stops monitoring a deleted party, if its shard is live here: out of the index, and its standing alerts
     * cleared, in the caller's transaction. Elsewhere its owner does it when the deletion's event reaches it.
     */
    public void partyRemoved(String portfolio, String partyId) {
        Map<Integer, Long> locked = lockLiveShards();
        boolean ours = book.locked(() -> {
            if (!monitoredHere(locked, portfolio, partyId)) {
                return false;
            }
            book.remove(portfolio, partyId);
            return true;
        });
        if (ours) {
            clearRemoved(portfolio, List.of(partyId));
        }
    }

    /** Clears the standing alerts of removed parties of one portfolio, in the caller's transaction. */
    void clearRemoved(String portfolio, Collection<String> partyIds) {
        if (partyIds.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        alerts.clear(alerts.liveForParties(portfolio, partyIds).stream()
                .map(s -> new MatchCleared(s.alertId(), portfolio, s.pair().partyId(), s.partyVersion(),
                        s.pair().entryId(), s.entryVersion(), ClearedReason.PARTY_REMOVED, Trigger.party(s.partyVersion()),
                        s.foundAt(), now))
                .toList());
    }

    /** The screened parties with the subjects of what they matched, read now, under the book's lock. */
    private List<Screened> screened(List<MonitoredParty> parties, List<ScreeningResult> results) {
        return watchlist.read(view -> {
            List<Screened> screened = new ArrayList<>(parties.size());
            for (int i = 0; i < parties.size(); i++) {
                List<ScreeningResult.MatchView> matches = results.get(i).matches();
                Map<String, String> subjects = matches.isEmpty() ? Map.of() : new HashMap<>(); // most parties: no hit
                matches.forEach(m -> subjects.put(m.entryId(), view.subjectOf(m.entryId()).subjectId()));
                screened.add(new Screened(parties.get(i), results.get(i), subjects));
            }
            return screened;
        });
    }

    private static Trigger watchlistTrigger(Change change) {
        return new Trigger(TriggerKind.WATCHLIST_CHANGE, change.eventId(), change.eventType(),
                change.listing().designationId(), change.listing().version(), null);
    }

    private static List<ScreeningRequest> requests(List<MonitoredParty> parties) {
        return parties.stream().map(AlertMonitor::request).toList();
    }

    private static ScreeningRequest request(MonitoredParty party) {
        return new ScreeningRequest(party.name(), party.type(), party.birthDate(), party.country(), null, MATCH_LIMIT,
                null, null, null, null, party.identifiers());
    }

    /** A JDBC step of the caller's transaction. */
    interface SqlStep {
        void run() throws SQLException;
    }

    static void sql(SqlStep step) {
        try {
            step.run();
        } catch (SQLException e) {
            throw new IllegalStateException("monitoring could not write to the database", e);
        }
    }
}
