package io.sanctionsradar.screening.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.sanctionsradar.matching.MatchingEngine;
import io.sanctionsradar.matching.WatchlistEntry;
import io.sanctionsradar.screening.monitoring.AlertEvents.ClearedReason;
import io.sanctionsradar.screening.monitoring.AlertEvents.MatchCleared;
import io.sanctionsradar.screening.monitoring.AlertEvents.MatchFound;
import io.sanctionsradar.screening.monitoring.AlertEvents.PartyView;
import io.sanctionsradar.screening.monitoring.AlertEvents.Trigger;
import io.sanctionsradar.screening.monitoring.AlertEvents.TriggerKind;
import io.sanctionsradar.screening.monitoring.AlertStore.Pair;
import io.sanctionsradar.screening.monitoring.AlertStore.State;
import io.sanctionsradar.screening.screenings.ScreeningRequest;
import io.sanctionsradar.screening.screenings.ScreeningResult;
import io.sanctionsradar.screening.screenings.ScreeningResult.MatchView;
import io.sanctionsradar.screening.screenings.ScreeningService;
import io.sanctionsradar.screening.watchlist.Listing;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Function;

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

    /** A party screened against the watchlist, with what it matched. */
    private record Screened(MonitoredParty party, ScreeningResult result) {
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
            screened = zip(ordered, screening.evaluateAgainst(ordered.stream().map(AlertMonitor::request).toList(), against));
        } finally {
            lock.unlock();
        }
        Instant now = Instant.now();
        record(screened, alerts.liveForEntries(changed.keySet()), (party, match) -> watchlistTrigger(changed.get(match.entryId())),
                state -> {
                    Change change = changed.get(state.pair().entryId());
                    return cleared(state, change.listing().active() ? ClearedReason.AMENDED : ClearedReason.DELISTED,
                            watchlistTrigger(change), now);
                }, now);
    }

    /**
     * Indexes stored parties of one portfolio and screens them against the whole watchlist as one batch, in the
     * caller's transaction; answers the batch (its receipts are the caller's to keep). If the transaction fails,
     * the caller puts the index back with {@link #restore}.
     */
    public ScreeningService.BatchResult partiesStored(String portfolio, List<MonitoredParty> stored, UUID batchId) {
        ScreeningService.BatchResult batch;
        lock.lock();
        try {
            stored.forEach(book::upsert);
            batch = screening.evaluateBatch(stored.stream().map(AlertMonitor::request).toList(), batchId);
        } finally {
            lock.unlock();
        }
        Map<String, MonitoredParty> byId = new HashMap<>();
        stored.forEach(p -> byId.put(p.partyId(), p));
        Instant now = Instant.now();
        record(zip(stored, batch.results()), alerts.liveForParties(portfolio, byId.keySet()),
                (party, match) -> Trigger.party(party.version()),
                state -> cleared(state, ClearedReason.PARTY_CHANGED, Trigger.party(byId.get(state.pair().partyId()).version()), now),
                now);
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
                .map(s -> cleared(s, ClearedReason.PARTY_REMOVED, Trigger.party(s.partyVersion()), now))
                .toList());
    }

    /**
     * Turns screenings into alert changes. A hit alerts unless its pair already has an alert on this entry version
     * that stands, or that was dismissed for this very party version; an alert on an older entry version is
     * superseded. A standing alert in scope without a hit any more is cleared.
     */
    private void record(List<Screened> screened, List<State> standing, BiFunction<MonitoredParty, MatchView, Trigger> trigger,
                        Function<State, MatchCleared> clearing, Instant now) {
        Set<Pair> hit = new HashSet<>();
        for (Screened s : screened) {
            for (MatchView m : s.result().matches()) {
                hit.add(new Pair(s.party().portfolio(), s.party().partyId(), m.entryId()));
            }
        }
        Map<Pair, State> latest = alerts.latest(hit);
        List<MatchFound> found = new ArrayList<>();
        List<UUID> superseded = new ArrayList<>();
        for (Screened s : screened) {
            MonitoredParty party = s.party();
            for (MatchView m : s.result().matches()) {
                State last = latest.get(new Pair(party.portfolio(), party.partyId(), m.entryId()));
                boolean alerts = last == null || m.entryVersion() > last.entryVersion()
                        || m.entryVersion() == last.entryVersion() && !last.live() && party.version() > last.partyVersion();
                if (!alerts) {
                    continue;
                }
                if (last != null && last.live()) {
                    superseded.add(last.alertId());
                }
                found.add(new MatchFound(UUID.randomUUID(), party.portfolio(), PartyView.of(party), m, trigger.apply(party, m),
                        s.result().watchlistVersion(), MatchingEngine.ALGORITHM, s.result().threshold(), now));
            }
        }
        alerts.supersede(superseded);
        int created = alerts.insert(found);
        List<MatchCleared> cleared = standing.stream().filter(s -> !hit.contains(s.pair()))
                .map(clearing).toList();
        alerts.clear(cleared);
        if (created > 0 || !cleared.isEmpty()) {
            LOG.debugf("monitoring: %d alerts raised, %d cleared, %d superseded", created, cleared.size(), superseded.size());
        }
    }

    private static List<Screened> zip(List<MonitoredParty> parties, List<ScreeningResult> results) {
        List<Screened> screened = new ArrayList<>(parties.size());
        for (int i = 0; i < parties.size(); i++) {
            screened.add(new Screened(parties.get(i), results.get(i)));
        }
        return screened;
    }

    private static MatchCleared cleared(State s, ClearedReason reason, Trigger trigger, Instant now) {
        return new MatchCleared(s.alertId(), s.pair().portfolio(), s.pair().partyId(), s.partyVersion(),
                s.pair().entryId(), s.entryVersion(), reason, trigger, s.foundAt(), now);
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
