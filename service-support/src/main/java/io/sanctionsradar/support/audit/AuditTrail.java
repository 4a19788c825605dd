package io.sanctionsradar.support.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The append-only record of who changed what. A record is written in the transaction of the change it describes,
 * so one exists exactly when the change does; the table refuses updates and deletes (see each service's migration),
 * and the API only reads it.
 */
@ApplicationScoped
public class AuditTrail {

    public static final int MAX_PAGE = 1000;

    /** Who acts when no request is in progress, such as a scheduled job. */
    static final String SYSTEM = "system";

    private final DataSource dataSource;
    private final Instance<SecurityIdentity> identity;
    private final ObjectMapper json;

    AuditTrail(DataSource dataSource, Instance<SecurityIdentity> identity, ObjectMapper json) {
        this.dataSource = dataSource;
        this.identity = identity;
        this.json = json;
    }

    /** Records {@code action} on {@code target} by the caller, in the caller's transaction (or a new one). */
    @Transactional
    public void record(String action, String target, Map<String, ?> detail) {
        SecurityIdentity caller = callerIdentity();
        String actor = caller == null ? SYSTEM : caller.getPrincipal().getName();
        List<String> roles = caller == null ? List.of() : List.copyOf(new TreeSet<>(caller.getRoles()));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO audit_record (actor, roles, action, target, detail)
                     VALUES (?, ?, ?, ?, ?::jsonb)""")) {
            insert.setString(1, actor);
            insert.setArray(2, connection.createArrayOf("text", roles.toArray()));
            insert.setString(3, action);
            insert.setString(4, target);
            insert.setString(5, json.writeValueAsString(detail));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the audit record of " + action + " " + target, e);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name the trail records for the caller: the token's upn, preferred_username or sub. */
    public String caller() {
        SecurityIdentity caller = callerIdentity();
        return caller == null ? SYSTEM : caller.getPrincipal().getName();
    }

    private SecurityIdentity callerIdentity() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        SecurityIdentity caller = identity.get();
        return caller.isAnonymous() ? null : caller;
    }

    /**
     * Records newest first matching every given filter ({@code null} = any), below the id {@code before}, of the
     * {@code portfolios} named or of none ({@code null} = of any portfolio).
     */
    public AuditRecord.Page find(String actor, String action, String target, OffsetDateTime since,
                                 OffsetDateTime until, Long before, Set<String> portfolios, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, recorded_at, actor, roles, action, target, detail::text "
                + "FROM audit_record WHERE true");
        List<Object> values = new ArrayList<>();
        filter(sql, values, " AND actor = ?", actor);
        // an action ending in '.' selects every action under it, e.g. "designation."
        if (action != null && action.endsWith(".")) {
            filter(sql, values, " AND starts_with(action, ?)", action);
        } else {
            filter(sql, values, " AND action = ?", action);
        }
        filter(sql, values, " AND target = ?", target);
        filter(sql, values, " AND recorded_at >= ?", since == null ? null : Timestamp.from(since.toInstant()));
        filter(sql, values, " AND recorded_at < ?", until == null ? null : Timestamp.from(until.toInstant()));
        filter(sql, values, " AND id < ?", before);
        filter(sql, values, " AND (portfolio IS NULL OR portfolio = ANY (?))",
                portfolios == null ? null : portfolios.toArray(String[]::new));
        sql.append(" ORDER BY id DESC LIMIT ?");
        values.add(limit + 1);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) instanceof String[] names) {
                    query.setArray(i + 1, connection.createArrayOf("text", names));
                } else {
                    query.setObject(i + 1, values.get(i));
                }
            }
            List<AuditRecord> records = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Array roles = rows.getArray(4);
                    records.add(new AuditRecord(rows.getLong(1),
                            rows.getTimestamp(2).toInstant().atOffset(ZoneOffset.UTC), rows.getString(3),
                            Arrays.asList((String[]) roles.getArray()), rows.getString(5), rows.getString(6),
                            json.readTree(rows.getString(7))));
                }
            }
            boolean more = records.size() > limit;
            List<AuditRecord> page = more ? records.subList(0, limit) : records;
            return new AuditRecord.Page(List.copyOf(page), more ? page.get(page.size() - 1).id() : null);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit trail", e);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void filter(StringBuilder sql, List<Object> values, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            values.add(value);
        }
    }
}
