package io.sanctionsradar.screening.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The shards' durable side (table {@code monitoring_shard}, shared by all instances): a claim bumps the epoch, and
 * every write for a shard first locks its row and checks that the epoch is still the claimer's, so an instance that
 * lost a shard without noticing yet (a long pause, a slow rebalance) cannot write alerts for it any more.
 */
@ApplicationScoped
public class ShardStore {

    private static final TypeReference<Map<Integer, Long>> POSITIONS = new TypeReference<>() {
    };

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /**
     * A shard as claimed: its epoch, the designation positions checked against it (null: its parties were never
     * screened as a whole) and the next offset of its partition whose party change is not screened.
     */
    public record Claim(int shard, long epoch, Map<Integer, Long> designationPositions, long partiesOffset) {
    }

    /** Thrown in a shard's transaction when another instance claimed the shard since: the write is refused. */
    public static final class ShardLost extends RuntimeException {
        private final int shard;

        ShardLost(int shard) {
            super("monitoring shard " + shard + " was claimed by another instance");
            this.shard = shard;
        }

        public int shard() {
            return shard;
        }
    }

    /** Takes the shard for this instance, in a transaction of its own (the row is created on first use). */
    public Claim claim(int shard, String owner) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement claim = c.prepareStatement("""
                     INSERT INTO monitoring_shard (shard, owner, epoch, designation_positions, parties_offset, updated_at)
                     VALUES (?, ?, 1, NULL, 0, now())
                     ON CONFLICT (shard) DO UPDATE SET owner = excluded.owner, epoch = monitoring_shard.epoch + 1,
                         updated_at = now()
                     RETURNING epoch, designation_positions::text, parties_offset""")) {
            claim.setInt(1, shard);
            claim.setString(2, owner);
            try (ResultSet rs = claim.executeQuery()) {
                rs.next();
                return new Claim(shard, rs.getLong(1), positions(rs.getString(2)), rs.getLong(3));
            }
        }
    }

    /**
     * Locks the rows of these shards (epoch by shard) in shard order, in the caller's transaction, and answers those
     * claimed by another instance since (their epoch moved): nothing may be written for them. Every transaction that
     * writes alerts of a shard starts here, so they queue per shard rather than interleave, in one lock order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<Integer> lock(Map<Integer, Long> epochs) throws SQLException {
        if (epochs.isEmpty()) {
            return Set.of();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement lock = c.prepareStatement(
                "SELECT shard, epoch FROM monitoring_shard WHERE shard = ANY(?) ORDER BY shard FOR UPDATE")) {
            lock.setArray(1, c.createArrayOf("integer", epochs.keySet().toArray()));
            Map<Integer, Long> found = new HashMap<>();
            try (ResultSet rs = lock.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getInt(1), rs.getLong(2));
                }
            }
            Set<Integer> lost = new TreeSet<>();
            epochs.forEach((shard, epoch) -> {
                if (!epoch.equals(found.get(shard))) {
                    lost.add(shard);
                }
            });
            return lost;
        }
    }

    /** Locks one shard's row, in the caller's transaction; {@link ShardLost} if another instance claimed it since. */
    public void lockOrFail(int shard, long epoch) throws SQLException {
        if (!lock(Map.of(shard, epoch)).isEmpty()) {
            throw new ShardLost(shard); // outside the transactional method: the caller's transaction rolls back
        }
    }

    /** Records that these shards were checked up to these designation positions (merged into the stored ones). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void designationsChecked(Collection<Integer> shards, Map<Integer, Long> positions) throws SQLException {
        if (shards.isEmpty() || positions.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement("""
                UPDATE monitoring_shard SET designation_positions = COALESCE(designation_positions, '{}'::jsonb) || ?::jsonb,
                    updated_at = now() WHERE shard = ANY(?)""")) {
            update.setString(1, write(positions));
            update.setArray(2, c.createArrayOf("integer", shards.toArray()));
            update.executeUpdate();
        }
    }

    /** Records that the shard's party changes before this offset are screened. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void partiesChecked(int shard, long nextOffset) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement("""
                UPDATE monitoring_shard SET parties_offset = GREATEST(parties_offset, ?), updated_at = now()
                WHERE shard = ?""")) {
            update.setLong(1, nextOffset);
            update.setInt(2, shard);
            update.executeUpdate();
        }
    }

    private Map<Integer, Long> positions(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return new TreeMap<>(json.readValue(stored, POSITIONS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable designation positions of a monitoring shard", e);
        }
    }

    private String write(Map<Integer, Long> positions) {
        try {
            return json.writeValueAsString(positions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
