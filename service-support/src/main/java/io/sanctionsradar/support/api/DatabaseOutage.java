package io.sanctionsradar.support.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Tells a database that cannot be reached (or gives no connection in time) from other failures, wherever it is
 * in the causes: a client should retry that later (503 with Retry-After), it is no bug to report (500).
 */
public final class DatabaseOutage {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);
    // SQLState class 08: connection exception; 57P01-57P03: the server is shutting down, crashed or starting up
    private static final List<String> OUTAGE_STATES = List.of("08", "57P01", "57P02", "57P03");

    private DatabaseOutage() {
    }

    /** Whether a failure to reach the database, anywhere in {@code failure}'s causes, explains it. */
    public static boolean explains(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && (outageState(sql.getSQLState()) || acquisitionTimeout(sql))) {
                return true;
            }
        }
        return false;
    }

    /** 503 problem+json with Retry-After; the cause goes to the log, once, without a stack trace. */
    static Response answer(Throwable failure, UriInfo uri) {
        LOG.warnf("database unavailable on %s: %s", uri.getPath(), failure.toString());
        return Response.fromResponse(ProblemMapper.problem(503, "Service Unavailable",
                        "The database is unavailable; try again in " + RETRY_AFTER_SECONDS + " seconds", uri, List.of()))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    private static boolean outageState(String sqlState) {
        return sqlState != null && OUTAGE_STATES.stream().anyMatch(sqlState::startsWith);
    }

    // Agroal's pool says so only in words: no connection within quarkus.datasource.jdbc.acquisition-timeout
    private static boolean acquisitionTimeout(SQLException e) {
        return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
