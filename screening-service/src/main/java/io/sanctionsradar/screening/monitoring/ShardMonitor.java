package io.sanctionsradar.screening.monitoring;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.sanctionsradar.screening.messaging.DesignationReplay;
import io.sanctionsradar.screening.monitoring.AlertRecorder.Screened;
import io.sanctionsradar.screening.monitoring.PartyChange.Effect;
import io.sanctionsradar.screening.monitoring.PartyEvents.PartyDeleted;
import io.sanctionsradar.screening.monitoring.ShardStore.Claim;
import io.sanctionsradar.screening.monitoring.ShardStore.ShardLost;
import io.sanctionsradar.screening.watchlist.InstanceId;
import io.sanctionsradar.screening.watchlist.Watchlist;
import io.sanctionsradar.screening.watchlist.WatchlistStore;
import io.sanctionsradar.screening.watchlist.WatchlistStore.Change;
import io.sanctionsradar.screening.watchlist.WatchlistUpdates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import static io.sanctionsradar.screening.monitoring.AlertMonitor.sql;

/**
 * The life of the shards Kafka assigns this instance (partitions of {@code screening.parties}, ADR 0020):
 * <ol>
 * <li>claimed: the shard's row takes this instance and a new epoch, and its partition is read from the start;</li>
 * <li>building: the parties read are held aside; those changed at or after the offset the last owner screened up
 * to are remembered as unscreened;</li>
 * <li>activated once the partition's end at assignment is read and this instance's watchlist has reached the
 * designation positions the shard was checked up to: the designation events between those positions and the
 * watchlist's own are replayed against the shard, its unscreened parties are screened, and it joins the
 * {@link LiveBook}, all while no designation batch is applied;</li>
 * <li>live: party events are screened as they come, listings through the designation consumer, until revoked.</li>
 * </ol>
 */
@ApplicationScoped
public class ShardMonitor {

    private static final Logger LOG = Logger.getLogger(ShardMonitor.class);
    private static final Duration RETRY = Duration.ofMillis(250);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);
    private static final int TX_TIMEOUT_SECONDS = 1800;

    @Inject
    LiveBook book;

    @Inject
    ShardStore store;

    @Inject
    AlertMonitor monitor;

    @Inject
    WatchlistUpdates updates;

    @Inject
    WatchlistStore watchlistStore;

    @Inject
    Watchlist watchlist;

    @Inject
    DesignationReplay replay;

    @Inject
    InstanceId instanceId;

    @ConfigProperty(name = "mp.messaging.incoming.designations.topic")
    String designationTopic;

    /** Guards {@link #building}; the consumer, the activations and Kafka's (re)assignments take it in turn. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Integer, Building> building = new HashMap<>();
    private final ScheduledExecutorService activator = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "monitoring-shards");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean firstAssignmentLive;

    /** A shard read from its partition so far, waiting to go live. */
    private static final class Building {
        final Claim claim;
        final long end;
        final boolean firstAssignment;
        final long claimedAt = System.nanoTime();
        final Map<String, MonitoredParty> parties = new HashMap<>();
        final Effect unscreened = new Effect(new LinkedHashMap<>(), new LinkedHashMap<>());
        long next;
        PartyMatcher index; // built from parties once read; a change read later builds it again
        long indexNanos;

        Building(Claim claim, long end, boolean firstAssignment) {
            this.claim = claim;
            this.end = end;
            this.firstAssignment = firstAssignment;
        }

        boolean read() {
            return next >= end;
        }

        PartyMatcher index() {
            if (index == null) {
                long began = System.nanoTime();
                index = new PartyMatcher();
                index.replaceAll(parties.values()); // in bulk, words in order: seconds for a million, not minutes
                indexNanos = System.nanoTime() - began;
            }
            return index;
        }
    }

    /** Kafka assigned these shards (partition → its end offset now), of {@code partitionCount} (0: none assigned). */
    public void assigned(int partitionCount, Map<Integer, Long> ends) throws SQLException {
        if (partitionCount > 0) {
            book.shardCount(partitionCount);
        }
        lock.lock();
        try {
            boolean first = !firstAssignmentLive && building.isEmpty();
            for (Map.Entry<Integer, Long> shard : ends.entrySet()) {
                Claim claim = store.claim(shard.getKey(), instanceId.value());
                building.put(shard.getKey(), new Building(claim, shard.getValue(), first));
                LOG.infof("monitoring shard %d claimed (epoch %d): rebuilding from %d records", shard.getKey(),
                        claim.epoch(), shard.getValue());
                if (shard.getValue() == 0) {
                    activateSoon(shard.getKey(), Duration.ZERO);
                }
            }
            if (ends.isEmpty() && first) {
                firstAssignmentLive = true;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Kafka took these shards away (or this instance lost them): their parties leave the book. */
    public void revoked(Collection<Integer> shards) {
        lock.lock();
        try {
            for (int shard : shards) {
                building.remove(shard);
                book.drop(shard);
                LOG.infof("monitoring shard %d released", shard);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The next records of a shard's partition, in order, up to {@code next} (exclusive). */
    public void changes(int shard, List<PartyChange> changes, long next) throws InterruptedException {
        Duration delay = RETRY;
        while (true) {
            lock.lock();
            try {
                Building b = building.get(shard);
                if (b != null) {
                    stage(b, changes, next);
                    if (b.read()) {
                        activateSoon(shard, Duration.ZERO);
                    }
                    return;
                }
                Long epoch = book.locked(() -> book.epochs().get(shard));
                if (epoch != null) {
                    live(shard, epoch, changes, next);
                }
                return; // neither building nor live: not this instance's shard (any more)
            } catch (ShardLost lost) {
                book.drop(shard);
                LOG.infof("monitoring shard %d was claimed by another instance", shard);
                return;
            } catch (RuntimeException e) {
                LOG.warnf("screening %d party changes of shard %d failed, retrying in %s: %s", changes.size(), shard,
                        delay, e.toString());
            } finally {
                lock.unlock();
            }
            Thread.sleep(delay.toMillis());
            delay = delay.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay.multipliedBy(2);
        }
    }

    /** Whether Kafka's first assignment to this instance has been rebuilt and gone live. */
    public boolean ready() {
        return firstAssignmentLive;
    }

    /** The shards being rebuilt, for the health check. */
    public Set<Integer> building() {
        lock.lock();
        try {
            return Set.copyOf(building.keySet());
        } finally {
            lock.unlock();
        }
    }

    private static void stage(Building b, List<PartyChange> changes, long next) {
        List<PartyChange> screened = changes.stream().filter(c -> c.offset() < b.claim.partiesOffset()).toList();
        List<PartyChange> unscreened = changes.stream().filter(c -> c.offset() >= b.claim.partiesOffset()).toList();
        Effect ignored = new Effect(new HashMap<>(), new HashMap<>());
        PartyChange.apply(screened, b.parties::get, p -> b.parties.put(key(p), p), b.parties::remove, ignored);
        PartyChange.apply(unscreened, b.parties::get, p -> b.parties.put(key(p), p), b.parties::remove, b.unscreened);
        b.next = next;
        b.index = null;
    }

    /** Screens a live shard's party changes, in one transaction with how far its partition is screened. */
    private void live(int shard, long epoch, List<PartyChange> changes, long next) {
        QuarkusTransaction.requiringNew().timeout(TX_TIMEOUT_SECONDS).run(() -> {
            sql(() -> store.lockOrFail(shard, epoch));
            Effect effect = new Effect(new LinkedHashMap<>(), new LinkedHashMap<>());
            List<Screened> screened = book.locked(() -> {
                if (!Long.valueOf(epoch).equals(book.epochs().get(shard))) {
                    return null; // dropped since
                }
                PartyMatcher index = book.index(shard);
                PartyChange.apply(changes, index::get, index::upsert, index::remove, effect);
                return monitor.screenWhole(new ArrayList<>(effect.toScreen().values()));
            });
            if (screened == null) {
                return;
            }
            clearRemoved(effect.removed().values());
            monitor.recordPartyChanges(screened);
            sql(() -> store.partiesChecked(shard, next));
        });
    }

    private void activateSoon(int shard, Duration delay) {
        activator.schedule(() -> activate(shard), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Tries to take a read shard live; tries again shortly while this instance's watchlist is behind the shard. */
    private void activate(int shard) {
        boolean retry = false;
        try {
            updates.awaitReady(); // the watchlist is loaded: its stored positions are those of the index in memory
            lock.lock();
            try {
                Building b = building.get(shard);
                if (b == null || !b.read()) {
                    return; // revoked, or more records to read first (the consumer calls again)
                }
                PartyMatcher index = b.index(); // before holding the designation consumer up
                retry = !updates.exclusively(() -> tryActivate(shard, b, index));
                if (!retry) {
                    building.remove(shard);
                    if (b.firstAssignment && building.values().stream().noneMatch(o -> o.firstAssignment)) {
                        firstAssignmentLive = true;
                    }
                }
            } finally {
                lock.unlock();
            }
        } catch (ShardLost lost) {
            revoked(List.of(shard));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("monitoring shard %d could not go live, retrying: %s", shard, e.toString());
            book.drop(shard);
            retry = true;
        }
        if (retry) {
            activateSoon(shard, RETRY);
        }
    }

    /**
     * With no designation batch in progress: replays against the shard the listings changed between the
     * positions it was checked up to and the watchlist's, screens its unscreened parties, and makes it live. Answers
     * false if the shard was checked further than this instance's watchlist has come (it must catch up first).
     */
    private boolean tryActivate(int shard, Building b, PartyMatcher index) throws SQLException {
        Map<Integer, Long> watchlistAt = watchlistPositions();
        Map<Integer, Long> checkedTo = b.claim.designationPositions();
        if (checkedTo != null && checkedTo.entrySet().stream()
                .anyMatch(e -> e.getValue() > watchlistAt.getOrDefault(e.getKey(), 0L))) {
            return false;
        }
        List<Change> missed = checkedTo == null || b.parties.isEmpty() ? List.of()
                : replay.between(checkedTo, watchlistAt);
        long began = System.nanoTime();
        QuarkusTransaction.requiringNew().timeout(TX_TIMEOUT_SECONDS).run(() -> {
            sql(() -> store.lockOrFail(shard, b.claim.epoch()));
            List<List<Screened>> screened = book.locked(() -> List.of(
                    missed.isEmpty() ? List.<Screened>of() : monitor.check(missed, List.of(index)),
                    monitor.screenWhole(new ArrayList<>(b.unscreened.toScreen().values()))));
            monitor.recordListingChanges(missed, screened.get(0), Set.of(shard));
            clearRemoved(b.unscreened.removed().values());
            monitor.recordPartyChanges(screened.get(1));
            sql(() -> store.designationsChecked(Set.of(shard), watchlistAt));
            sql(() -> store.partiesChecked(shard, b.next));
        });
        book.locked(() -> book.live(shard, b.claim.epoch(), index));
        LOG.infof("monitoring shard %d live %d ms after its claim: %d parties indexed in %d ms, %d replayed listing "
                        + "changes and %d parties screened in %d ms", shard, (System.nanoTime() - b.claimedAt) / 1_000_000,
                b.parties.size(), b.indexNanos / 1_000_000, missed.size(), b.unscreened.toScreen().size(),
                (System.nanoTime() - began) / 1_000_000);
        return true;
    }

    private Map<Integer, Long> watchlistPositions() throws SQLException {
        Map<Integer, Long> positions = new TreeMap<>();
        watchlistStore.positions(designationTopic).forEach(p -> positions.put(p.partition(), p.nextOffset()));
        return positions;
    }

    private void clearRemoved(Collection<PartyDeleted> removed) {
        removed.stream().collect(Collectors.groupingBy(PartyDeleted::portfolio,
                        Collectors.mapping(PartyDeleted::partyId, Collectors.toList())))
                .forEach(monitor::clearRemoved);
    }

    private static String key(MonitoredParty party) {
        return PartyMatcher.key(party.portfolio(), party.partyId());
    }

    void onStop(@Observes ShutdownEvent stop) {
        activator.shutdownNow();
    }
}
