package io.sanctionsradar.screening.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The monitored parties of the shards this instance monitors (its live shards, each with the epoch it claimed it
 * at), indexed for the reverse pass, behind one lock. Index changes and the screenings that must see them happen
 * under it, so whichever of a party change and a listing change comes second sees the other.
 */
@ApplicationScoped
public class LiveBook {

    private final PartyMatcher parties = new PartyMatcher();
    private final Map<Integer, Long> epochs = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile int shardCount; // partitions of screening.parties; 0 until Kafka first assigns some

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
            lock.unlock();
        }
    }

    void locked(Runnable work) {
        locked(() -> {
            work.run();
            return null;
        });
    }

    /** The index; only under the lock. */
    PartyMatcher parties() {
        check();
        return parties;
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

    /** Indexes a shard's parties ahead of {@link #live}: they are screened before the shard is monitored. */
    void index(Collection<MonitoredParty> shard) {
        check();
        shard.forEach(parties::upsert);
    }

    /** The shard is monitored from now on; only under the lock. */
    void live(int shard, long epoch) {
        check();
        epochs.put(shard, epoch);
    }

    /** Forgets a shard (revoked, or claimed by another instance): its parties leave the index. */
    void drop(int shard) {
        locked(() -> {
            epochs.remove(shard);
            List<MonitoredParty> leaving = parties.all().stream()
                    .filter(p -> shardOf(p.portfolio(), p.partyId()) == shard).toList();
            leaving.forEach(p -> parties.remove(p.portfolio(), p.partyId()));
        });
    }

    /** The live shards, by number. */
    public java.util.SortedSet<Integer> liveShards() {
        return locked(() -> new java.util.TreeSet<>(epochs.keySet()));
    }

    /** Read without the lock: a health probe must not wait for a long re-screen, and a count may be a moment old. */
    public int size() {
        return parties.size();
    }

    private void check() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("the monitored book is read or changed only under its lock");
        }
    }
}
