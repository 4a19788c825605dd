package io.sanctionsradar.notification.delivery;

import io.sanctionsradar.notification.subscriptions.SecretBox;
import io.sanctionsradar.notification.subscriptions.Subscription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery queue in PostgreSQL. Workers claim due rows with SKIP LOCKED and a time-limited claim token, send
 * outside any transaction, then record the outcome only if their claim still holds: a worker that died mid-send
 * leaves its rows to be claimed again when the claim runs out (at least once, same webhook-id).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DeliveryStore {

    public enum Status { PENDING, DELIVERED, DEAD }

    private static final String VIEW_COLUMNS = """
            id, subscription_id, event_id, event_type, status, attempts, next_attempt_at, created_at, finished_at,
            last_status_code, last_error""";

    @Inject
    DataSource dataSource;

    @Inject
    SecretBox box;

    /**
     * Queues one event for each subscription, due now, in the trace named by {@code traceparent} (null: none); an
     * (event, subscription) pair already queued is kept.
     */
    public int enqueue(String eventId, String eventType, List<UUID> subscriptionIds, String traceparent) {
        if (subscriptionIds.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO delivery (id, subscription_id, event_id, event_type, status, next_attempt_at, created_at,
                    traceparent)
                SELECT gen_random_uuid(), s, ?, ?, 'PENDING', now(), now(), ? FROM unnest(?::uuid[]) AS s
                ON CONFLICT (event_id, subscription_id) DO NOTHING""")) {
            st.setString(1, eventId);
            st.setString(2, eventType);
            st.setString(3, traceparent);
            st.setArray(4, c.createArrayOf("uuid", subscriptionIds.toArray()));
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot queue deliveries of " + eventId, e);
        }
    }

    /** A delivery that no worker picks up by itself (a test ping), claimed for the caller to send now. */
    public UUID insertClaimed(UUID subscriptionId, String eventId, String eventType, UUID claimToken,
                              Duration claimFor) {
        UUID id = UUID.randomUUID();
        update("""
                INSERT INTO delivery (id, subscription_id, event_id, event_type, status, created_at, claim_token,
                    claimed_until)
                VALUES (?, ?, ?, ?, 'PENDING', now(), ?, now() + ?::interval)""", st -> {
            st.setObject(1, id);
            st.setObject(2, subscriptionId);
            st.setString(3, eventId);
            st.setString(4, eventType);
            st.setObject(5, claimToken);
            st.setString(6, claimFor.toMillis() + " milliseconds");
        });
        return id;
    }

    /** Claims up to {@code limit} due deliveries of enabled subscriptions, oldest due first. */
    public List<Delivery.Claimed> claim(int limit, Duration claimFor) {
        UUID token = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                WITH due AS (
                    SELECT d.id FROM delivery d JOIN subscription s ON s.id = d.subscription_id
                    WHERE d.status = 'PENDING' AND d.next_attempt_at <= now() AND s.enabled
                      AND (d.claimed_until IS NULL OR d.claimed_until < now())
                    ORDER BY d.next_attempt_at LIMIT ? FOR UPDATE OF d SKIP LOCKED)
                UPDATE delivery d SET claim_token = ?, claimed_until = now() + ?::interval
                FROM due WHERE d.id = due.id""")) {
            st.setInt(1, limit);
            st.setObject(2, token);
            st.setString(3, claimFor.toMillis() + " milliseconds");
            if (st.executeUpdate() == 0) {
                return List.of();
            }
            return claimed(c, token);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim deliveries", e);
        }
    }

    public Delivery.Claimed claimedOne(UUID token) {
        try (Connection c = dataSource.getConnection()) {
            return claimed(c, token).get(0);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a claimed delivery", e);
        }
    }

    private List<Delivery.Claimed> claimed(Connection c, UUID token) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                SELECT d.id, d.subscription_id, d.schedule_step, d.traceparent, s.url, s.secret, s.previous_secret,
                       s.previous_secret_until, e.body, now() AS db_now
                FROM delivery d JOIN subscription s ON s.id = d.subscription_id
                                JOIN received_event e ON e.event_id = d.event_id
                WHERE d.claim_token = ? ORDER BY d.next_attempt_at""")) {
            st.setObject(1, token);
            List<Delivery.Claimed> claimed = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    UUID subscription = rs.getObject("subscription_id", UUID.class);
                    Subscription.SigningSecrets secrets = new Subscription.SigningSecrets(
                            box.open(rs.getString("secret"), subscription),
                            box.open(rs.getString("previous_secret"), subscription),
                            rs.getObject("previous_secret_until", OffsetDateTime.class));
                    claimed.add(new Delivery.Claimed(rs.getObject("id", UUID.class),
                            rs.getObject("subscription_id", UUID.class), token, rs.getInt("schedule_step"),
                            rs.getString("url"), rs.getString("body"),
                            secrets.inUse(rs.getObject("db_now", OffsetDateTime.class)), rs.getString("traceparent")));
                }
            }
            return claimed;
        }
    }

    /**
     * Writes the attempt to the log and moves the delivery on: DELIVERED, PENDING again after {@code retryIn},
     * or DEAD when that is empty. False (and nothing written) if the claim was lost to another worker meanwhile.
     */
    public boolean record(Delivery.Claimed claim, Instant attemptedAt, Outcome outcome,
                          Optional<Duration> retryIn) {
        Status status = outcome.delivered() ? Status.DELIVERED : retryIn.isPresent() ? Status.PENDING : Status.DEAD;
        boolean retry = status == Status.PENDING;
        int updated = update("""
                UPDATE delivery SET status = ?, attempts = attempts + 1, schedule_step = schedule_step + ?,
                    next_attempt_at = now() + ?::interval, finished_at = CASE WHEN ? THEN NULL ELSE now() END,
                    claim_token = NULL, claimed_until = NULL, last_status_code = ?, last_error = ?
                WHERE id = ? AND claim_token = ?""", st -> {
            st.setString(1, status.name());
            st.setInt(2, retry ? 1 : 0);
            st.setString(3, retryIn.map(wait -> wait.toMillis() + " milliseconds").orElse(null)); // null: no next
            st.setBoolean(4, retry);
            st.setObject(5, outcome.statusCode());
            st.setString(6, outcome.error());
            st.setObject(7, claim.id());
            st.setObject(8, claim.claimToken());
        });
        if (updated == 0) {
            return false;
        }
        update("""
                INSERT INTO delivery_attempt (delivery_id, attempted_at, status_code, duration_ms, error)
                VALUES (?, ?, ?, ?, ?)""", st -> {
            st.setObject(1, claim.id());
            st.setObject(2, attemptedAt.atOffset(ZoneOffset.UTC));
            st.setObject(3, outcome.statusCode());
            st.setInt(4, outcome.durationMs());
            st.setString(5, outcome.error());
        });
        return true;
    }

    public enum Retry { QUEUED, IN_FLIGHT, UNKNOWN }

    /** Makes a delivery due now with a fresh retry schedule, whatever its state, unless an attempt holds it. */
    public Retry retryNow(UUID id) {
        int updated = update("""
                UPDATE delivery SET status = 'PENDING', next_attempt_at = now(), schedule_step = 0, finished_at = NULL
                WHERE id = ? AND (claimed_until IS NULL OR claimed_until < now())""", st -> st.setObject(1, id));
        return updated == 1 ? Retry.QUEUED : find(id).isPresent() ? Retry.IN_FLIGHT : Retry.UNKNOWN;
    }

    public Optional<Delivery> find(UUID id) {
        return views("SELECT " + VIEW_COLUMNS + " FROM delivery WHERE id = ?", st -> st.setObject(1, id))
                .stream().findFirst();
    }

    /** A subscription's deliveries, newest first, optionally of one status and created before a time. */
    public List<Delivery> list(UUID subscriptionId, Status status, OffsetDateTime before, int limit) {
        return views("SELECT " + VIEW_COLUMNS + " " + """
                 FROM delivery WHERE subscription_id = ? AND (?::text IS NULL OR status = ?)
                   AND (?::timestamptz IS NULL OR created_at < ?)
                 ORDER BY created_at DESC, id LIMIT ?""", st -> {
            st.setObject(1, subscriptionId);
            st.setString(2, status == null ? null : status.name());
            st.setString(3, status == null ? null : status.name());
            st.setObject(4, before);
            st.setObject(5, before);
            st.setInt(6, limit);
        });
    }

    /** Deliveries waiting for an attempt (for the queue-depth gauge). */
    public long pending() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT count(*) FROM delivery WHERE status = 'PENDING'");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count deliveries", e);
        }
    }

    private List<Delivery> views(String sql, Params params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            params.bind(st);
            Map<UUID, Delivery> found = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject("id", UUID.class);
                    found.put(id, new Delivery(id, rs.getObject("subscription_id", UUID.class),
                            rs.getString("event_id"), rs.getString("event_type"), rs.getString("status"),
                            rs.getInt("attempts"), rs.getObject("next_attempt_at", OffsetDateTime.class),
                            rs.getObject("created_at", OffsetDateTime.class),
                            rs.getObject("finished_at", OffsetDateTime.class),
                            (Integer) rs.getObject("last_status_code"), rs.getString("last_error"),
                            new ArrayList<>()));
                }
            }
            if (!found.isEmpty()) {
                attachAttempts(c, found);
            }
            return List.copyOf(found.values());
        } catch (SQLException e) {
            throw new IllegalStateException("delivery query failed", e);
        }
    }

    private static void attachAttempts(Connection c, Map<UUID, Delivery> deliveries) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                SELECT delivery_id, attempted_at, status_code, duration_ms, error FROM delivery_attempt
                WHERE delivery_id = ANY(?) ORDER BY id""")) {
            st.setArray(1, c.createArrayOf("uuid", deliveries.keySet().toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    deliveries.get(rs.getObject("delivery_id", UUID.class)).attemptLog().add(new Delivery.Attempt(
                            rs.getObject("attempted_at", OffsetDateTime.class), (Integer) rs.getObject("status_code"),
                            rs.getInt("duration_ms"), rs.getString("error")));
                }
            }
        }
    }

    private interface Params {
        void bind(PreparedStatement st) throws SQLException;
    }

    private int update(String sql, Params params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            params.bind(st);
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("delivery update failed", e);
        }
    }
}
