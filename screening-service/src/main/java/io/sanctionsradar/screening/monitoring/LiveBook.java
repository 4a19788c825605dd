package io.sanctionsradar.screening.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The monitored parties of the shards this instance monitors (its live shards, each with the epoch it claimed it
 * at), one reverse index per shard, behind one lock. Index changes and the screenings that must see them happen
 * under it, so whichever of a party change and a listing change comes second sees the other. An index per shard
 * because shards come and go whole: one is built in bulk before it joins (words in order, as at a start) and
 * leaves by being let go.
 */
@ApplicationScoped
public class LiveBook {

    private final Map<Integer, PartyMatcher> indexes = new HashMap<>();
    private final Map<Integer, Long> epochs = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile int shardCount; // partitions of screening.parties; 0 until Kafka first assigns some
    private volatile int size;

    /**
     * The shard of a party: the partition its {@code screening.parties} records go to, as Kafka's default
     * partitioner picks it for the key (murmur2 of the key's UTF-8 bytes); -1 while the partition count is unknown.
     */
    public int shardOf(String portfolio, String partyId) {
        int count = shardCount;
        if (count == 0) {
            return -1;
        }
        byte[] key = PartyMatcher.key(portfolio, partyId).getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % count;
    }

    void shardCount(int count) {
        shardCount = count;
    }

    /** Runs {@code work} under the book's lock. */
    <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            size = indexes.values().stream().mapToInt(PartyMatcher::size).sum();
            lock.unlock();
        }
    }

    void locked(Runnable work) {
        locked(() -> {
            work.run();
            return null;
        });
    }

    /** The live shards' indexes; only under the lock. */
    Collection<PartyMatcher> indexes() {
        check();
        return indexes.values();
    }

    /** A live shard's index, or null; only under the lock. */
    PartyMatcher index(int shard) {
        check();
        return indexes.get(shard);
    }

    /** The live shards with their epochs, copied; only under the lock. */
    Map<Integer, Long> epochs() {
        check();
        return Map.copyOf(epochs);
    }

    /** Whether this party is in a live shard; only under the lock. */
    boolean monitors(String portfolio, String partyId) {
        check();
        return epochs.containsKey(shardOf(portfolio, partyId));
    }

    /** Indexes a party of a live shard (it replaces the version held); only under the lock. */
    void upsert(MonitoredParty party) {
        index(shardOf(party.portfolio(), party.partyId())).upsert(party);
    }

    /** Takes a party of a live shard out of its index; only under the lock. */
    void remove(String portfolio, String partyId) {
        index(shardOf(portfolio, partyId)).remove(portfolio, partyId);
    }

    /** The shard is monitored from now on, with this index of its parties; only under the lock. */
    void live(int shard, long epoch, PartyMatcher index) {
        check();
        indexes.put(shard, index);
        epochs.put(shard, epoch);
    }

    /** Forgets a shard (revoked, or claimed by another instance): its index goes with it. */
    void drop(int shard) {
        locked(() -> {
            epochs.remove(shard);
            indexes.remove(shard);
        });
    }

    /** The live shards, by number. */
    public SortedSet<Integer> liveShards() {
        return locked(() -> new TreeSet<>(epochs.keySet()));
    }

    /** The parties held, as of the last change: a health probe must not wait for the lock. */
    public int size() {
        return size;
    }

    private void check() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("the monitored book is read or changed only under its lock");
        }
    }
}
