package io.sanctionsradar.screening.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What each portfolio holds: its monitored parties and its open alerts, counted. */
@ApplicationScoped
public class PortfolioStore {

    @Inject
    DataSource dataSource;

    public record PortfolioSummary(String portfolio, long parties, long openAlerts) {
    }

    public record PortfolioSummaries(List<PortfolioSummary> items) {
    }

    /** The scope's portfolios that hold parties or alerts, by name. */
    public PortfolioSummaries overview(PortfolioScope scope) {
        Conditions parties = new Conditions().portfolios("portfolio", scope);
        Conditions alerts = new Conditions().portfolios("portfolio", scope);
        // a portfolio may hold alerts and no party any more (its parties deleted, their alerts cleared)
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("""
                     WITH parties AS (SELECT portfolio, count(*) AS parties FROM monitored_party%s GROUP BY portfolio),
                          alerts AS (SELECT portfolio, count(*) FILTER (WHERE status = '%s') AS open_alerts
                                     FROM alert%s GROUP BY portfolio)
                     SELECT portfolio, coalesce(p.parties, 0), coalesce(a.open_alerts, 0)
                     FROM parties p FULL JOIN alerts a USING (portfolio) ORDER BY portfolio"""
                     .formatted(parties.where(), Alert.OPEN, alerts.where()))) {
            alerts.bind(c, q, parties.bind(c, q, 1));
            List<PortfolioSummary> items = new ArrayList<>();
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    items.add(new PortfolioSummary(rows.getString(1), rows.getLong(2), rows.getLong(3)));
                }
            }
            return new PortfolioSummaries(items);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count portfolios", e);
        }
    }
}
