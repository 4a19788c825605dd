package io.sanctionsradar.screening.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.sanctionsradar.matching.WatchlistEntry;
import io.sanctionsradar.screening.monitoring.AlertEvents.ClearedReason;
import io.sanctionsradar.screening.monitoring.AlertEvents.MatchCleared;
import io.sanctionsradar.screening.monitoring.AlertRecorder.Screened;
import io.sanctionsradar.screening.monitoring.AlertRecorder.Standing;
import io.sanctionsradar.screening.monitoring.AlertRecorder.Why;
import io.sanctionsradar.screening.monitoring.AlertEvents.Trigger;
import io.sanctionsradar.screening.monitoring.AlertEvents.TriggerKind;
import io.sanctionsradar.screening.screenings.ScreeningRequest;
import io.sanctionsradar.screening.screenings.ScreeningResult;
import io.sanctionsradar.screening.screenings.ScreeningService;
import io.sanctionsradar.screening.watchlist.Listing;
import io.sanctionsradar.screening.watchlist.Watchlist;
import io.sanctionsradar.screening.watchlist.WatchlistObserver;
import io.sanctionsradar.screening.watchlist.WatchlistStore.Change;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Ongoing monitoring. A changed listing is screened against the book through the reverse index (only the parties
 * its names may concern), a stored party against the whole watchlist; either way a hit is decided by the forward
 * screening of the party, and turned into alerts: a new alert only for a (party, entry version) pair that has none,
 * or after a dismissal once the party changed; a standing alert whose hit went away is cleared.
 *
 * <p>Watchlist changes and party changes take one lock around "change the index, then screen", so whichever comes
 * second sees the other: a party stored while a listing arrives is never missed by both. The alert writes join the
 * caller's transaction (the consumer's, with its positions; the API's, with the party).
 */
@ApplicationScoped
public class AlertMonitor implements WatchlistObserver {

    private static final Logger LOG = Logger.getLogger(AlertMonitor.class);
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

    private final PartyMatcher book = new PartyMatcher();
    private final ReentrantLock lock = new ReentrantLock();
    private final CountDownLatch loaded = new CountDownLatch(1);
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

    void onStart(@Observes StartupEvent start) {
        // a large book takes a while to index: the service starts meanwhile, watchlist changes wait (awaitReady)
        Thread loader = new Thread(this::load, "monitoring-load");
        loader.setDaemon(true);
        loader.start();
    }

    private void load() {
        long began = System.nanoTime();
        List<MonitoredParty> all = QuarkusTransaction.requiringNew().call(parties::loadAll);
        lock.lock();
        try {
            book.replaceAll(all);
        } finally {
            lock.unlock();
        }
        loaded.countDown();
        LOG.infof("monitoring loaded: %d parties in %d ms", all.size(), (System.nanoTime() - began) / 1_000_000);
    }

    public boolean loaded() {
        return loaded.getCount() == 0;
    }

    @Override
    public void awaitReady() throws InterruptedException {
        loaded.await();
    }

    /** Read without the lock: a health probe must not wait for a long re-screen, and a count may be a moment old. */
    public int partyCount() {
        return book.size();
    }

    /**
     * Has the watchlist take stored designation changes, under the book's lock, and alerts on what they do to the
     * book, in the caller's transaction. Safe to repeat after a rollback: an alert that exists is not written again.
     */
    @Override
    public void watchlistChanging(List<Change> changes, Runnable takeChanges) {
        Map<String, Change> changed = new HashMap<>();
        changes.forEach(c -> changed.put(c.listing().designationId(), c));
        List<Screened> screened;
        lock.lock();
        try {
            takeChanges.run();
            List<WatchlistEntry> listed = changes.stream().map(Change::listing).filter(Listing::active)
                    .map(Listing::toWatchlistEntry).toList();
            List<MonitoredParty> ordered;
            List<Set<String>> against;
            if ((long) listed.size() * FORWARD_RATIO >= book.size()) {
                ordered = List.copyOf(book.all());
                against = java.util.Collections.nCopies(ordered.size(), changed.keySet());
                checkedWholeBook.increment(listed.size());
            } else {
                Map<MonitoredParty, Set<String>> candidates = book.candidates(listed);
                ordered = new ArrayList<>(candidates.keySet());
                against = new ArrayList<>(candidates.values());
                checkedReverse.increment(listed.size());
            }
            screened = screened(ordered, screening.evaluateAgainst(ordered.stream().map(AlertMonitor::request).toList(), against));
        } finally {
            lock.unlock();
        }
        recorder.record(screened, new Standing(alerts.liveForEntries(changed.keySet()), evidence.liveForEntries(changed.keySet())),
                (party, match) -> watchlistTrigger(changed.get(match.entryId())), pair -> {
                    Change change = changed.get(pair.entryId());
                    return new Why(change.listing().active() ? ClearedReason.AMENDED : ClearedReason.DELISTED,
                            watchlistTrigger(change));
                }, Instant.now());
    }

    /**
     * Indexes stored parties of one portfolio and screens them against the whole watchlist as one batch, in the
     * caller's transaction; answers the batch (its receipts are the caller's to keep). If the transaction fails,
     * the caller puts the index back with {@link #restore}.
     */
    public ScreeningService.BatchResult partiesStored(String portfolio, List<MonitoredParty> stored, UUID batchId) {
        ScreeningService.BatchResult batch;
        List<Screened> screened;
        lock.lock();
        try {
            stored.forEach(book::upsert);
            batch = screening.evaluateBatch(stored.stream().map(AlertMonitor::request).toList(), batchId);
            screened = screened(stored, batch.results());
        } finally {
            lock.unlock();
        }
        Map<String, MonitoredParty> byId = new HashMap<>();
        stored.forEach(p -> byId.put(p.partyId(), p));
        recorder.record(screened, new Standing(alerts.liveForParties(portfolio, byId.keySet()),
                        evidence.liveForParties(portfolio, byId.keySet())), (party, match) -> Trigger.party(party.version()),
                pair -> new Why(ClearedReason.PARTY_CHANGED, Trigger.party(byId.get(pair.partyId()).version())),
                Instant.now());
        return batch;
    }

    /** Puts these parties back in the index as the database has them, after a transaction that changed them failed. */
    public void restore(String portfolio, Collection<String> partyIds) {
        Map<String, MonitoredParty> stored = new HashMap<>();
        for (String partyId : partyIds) {
            parties.find(portfolio, partyId).ifPresent(p -> stored.put(partyId, p));
        }
        lock.lock();
        try {
            for (String partyId : partyIds) {
                MonitoredParty party = stored.get(partyId);
                if (party != null) {
                    book.upsert(party);
                } else {
                    book.remove(portfolio, partyId);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops monitoring a deleted party: out of the index, and its standing alerts cleared, in the caller's transaction. */
    public void partyRemoved(String portfolio, String partyId) {
        lock.lock();
        try {
            book.remove(portfolio, partyId);
        } finally {
            lock.unlock();
        }
        Instant now = Instant.now();
        alerts.clear(alerts.liveForParties(portfolio, List.of(partyId)).stream()
                .map(s -> new MatchCleared(s.alertId(), portfolio, partyId, s.partyVersion(), s.pair().entryId(),
                        s.entryVersion(), ClearedReason.PARTY_REMOVED, Trigger.party(s.partyVersion()), s.foundAt(), now))
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

    private static ScreeningRequest request(MonitoredParty party) {
        return new ScreeningRequest(party.name(), party.type(), party.birthDate(), party.country(), null, MATCH_LIMIT,
                null, null, null, null, party.identifiers());
    }

}
