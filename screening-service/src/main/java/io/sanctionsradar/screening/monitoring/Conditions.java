package io.sanctionsradar.screening.monitoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The WHERE clause of a listing, built from the filters it was given, with the values it binds in order. */
final class Conditions {

    private final List<String> clauses = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    /** Narrows {@code column} to the scope's portfolios; every portfolio adds nothing. */
    Conditions portfolios(String column, PortfolioScope scope) {
        if (scope.everyPortfolio()) {
            return this;
        }
        if (scope.portfolios().size() == 1) { // the plan of the one-portfolio listing, as it always was
            return when(scope.portfolios().iterator().next(), column + " = ?");
        }
        return when(scope.portfolios().toArray(String[]::new), column + " = ANY(?)");
    }

    /** Adds the clause, its one parameter bound to value, unless value is null (the filter was not asked for). */
    Conditions when(Object value, String clause) {
        return when(value, clause, 1);
    }

    /** Adds the clause, each of its {@code times} parameters bound to value, unless value is null. */
    Conditions when(Object value, String clause, int times) {
        if (value != null) {
            clauses.add(clause);
            values.addAll(Collections.nCopies(times, value));
        }
        return this;
    }

    String where() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /** Binds the values from parameter {@code from} on; answers the index of the next parameter. */
    int bind(Connection connection, PreparedStatement query, int from) throws SQLException {
        int i = from;
        for (Object value : values) {
            if (value instanceof String[] names) {
                query.setArray(i++, connection.createArrayOf("text", names));
            } else {
                query.setObject(i++, value);
            }
        }
        return i;
    }
}
