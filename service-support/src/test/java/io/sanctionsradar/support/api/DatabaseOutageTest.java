package io.sanctionsradar.support.api;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseOutageTest {

    @Test
    void a_lost_or_refused_connection_is_an_outage_however_deeply_wrapped() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5433 refused", "08001");
        assertTrue(DatabaseOutage.explains(refused));
        assertTrue(DatabaseOutage.explains(new IllegalStateException("receipt not stored",
                new ExecutionException(new RuntimeException("JDBC exception", refused)))));
        assertTrue(DatabaseOutage.explains(new SQLException("terminating connection", "57P01")));
    }

    @Test
    void no_pooled_connection_in_time_is_an_outage() {
        assertTrue(DatabaseOutage.explains(new RuntimeException(new SQLException(
                "Acquisition timeout while waiting for new connection", new TimeoutException()))));
    }

    @Test
    void other_database_errors_are_not() {
        assertFalse(DatabaseOutage.explains(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseOutage.explains(new SQLException("no state")));
        assertFalse(DatabaseOutage.explains(new IllegalStateException("boom")));
    }
}
