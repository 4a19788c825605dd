package io.sanctionsradar.screening.monitoring;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sanctionsradar.support.api.Paging;
import io.sanctionsradar.support.audit.AuditTrail;
import io.sanctionsradar.support.errors.Conflict;
import io.sanctionsradar.support.errors.FieldError;
import io.sanctionsradar.support.errors.InvalidRequest;
import io.sanctionsradar.support.errors.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** What analysts do with alerts: list them per portfolio and decide them. */
@ApplicationScoped
public class AlertService {

    private static final Set<String> STATUSES = Set.of(Alert.OPEN, Alert.FALSE_POSITIVE, Alert.TRUE_MATCH,
            Alert.SUPERSEDED, Alert.CLEARED);
    private static final Set<String> DECISIONS = Set.of(Alert.FALSE_POSITIVE, Alert.TRUE_MATCH);
    private static final int MAX_COMMENT = 4000;
    public static final int MAX_PAGE = 1000;
    private static final int MAX_NAME = 128;

    @Inject
    AlertStore alerts;

    @Inject
    AuditTrail audit;

    /** An analyst's decision on an alert. */
    public record DispositionRequest(String decision, String comment) {
    }

    /** The filters of an alert listing as the request gave them (null: not asked for). */
    public record Filters(String status, String partyId, String authority, String sourceList, String minScore,
                          String sort) {
    }

    public AlertStore.Page list(PortfolioScope scope, Filters filters, Paging page) {
        List<FieldError> errors = MonitoringService.checkPortfolios(scope);
        if (filters.status() != null && !STATUSES.contains(filters.status())) {
            errors.add(new FieldError("status", "must be one of " + String.join(", ", sorted(STATUSES))));
        }
        if (filters.partyId() != null) {
            MonitoringService.checkPartyId(errors, filters.partyId(), "partyId");
        }
        checkName(errors, filters.authority(), "authority");
        checkName(errors, filters.sourceList(), "sourceList");
        Double minScore = score(errors, filters.minScore());
        AlertStore.Order order = order(errors, filters.sort());
        if (!errors.isEmpty()) {
            throw new InvalidRequest("Invalid alert query", errors);
        }
        return alerts.list(new AlertStore.Query(scope, filters.status(), filters.partyId(), filters.authority(),
                filters.sourceList(), minScore, order), page.offset(), page.size());
    }

    /** An authority or a source list as designations name them (US-OFAC, US-CSL). */
    private static void checkName(List<FieldError> errors, String name, String field) {
        if (name != null && (name.isBlank() || name.length() > MAX_NAME)) {
            errors.add(new FieldError(field, "must be 1 to " + MAX_NAME + " characters, such as US-OFAC or US-CSL"));
        }
    }

    private static Double score(List<FieldError> errors, String text) {
        if (text == null) {
            return null;
        }
        try {
            // a decimal, read strictly: Double.parseDouble would take "NaN", "1d" and hexadecimal too
            BigDecimal score = new BigDecimal(text.strip());
            if (score.signum() >= 0 && score.compareTo(BigDecimal.ONE) <= 0) {
                return score.doubleValue();
            }
        } catch (NumberFormatException e) {
            // refused below, as an out-of-range score is
        }
        errors.add(new FieldError("minScore", "must be a decimal number from 0 to 1"));
        return null;
    }

    private static AlertStore.Order order(List<FieldError> errors, String sort) {
        if (sort == null || sort.equals("newest")) {
            return AlertStore.Order.NEWEST;
        }
        if (sort.equals("score")) {
            return AlertStore.Order.SCORE;
        }
        errors.add(new FieldError("sort", "must be newest or score"));
        return AlertStore.Order.NEWEST;
    }

    /** The alert, or 404 if there is none or it is of a portfolio that {@code visiblePortfolio} refuses. */
    public Alert find(UUID alertId, Predicate<String> visiblePortfolio) {
        return alerts.find(alertId).filter(alert -> visiblePortfolio.test(alert.portfolio()))
                .orElseThrow(() -> new NotFound("No alert " + alertId));
    }

    /**
     * Records a decision; an alert that was cleared or superseded can no longer be decided (409), and one of a
     * portfolio the caller may not see does not exist for them (404).
     */
    public Alert decide(UUID alertId, DispositionRequest request, Predicate<String> visiblePortfolio) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            errors.add(new FieldError("(body)", "must be {\"decision\", \"comment\"}"));
        } else {
            if (request.decision() == null || !DECISIONS.contains(request.decision())) {
                errors.add(new FieldError("decision", "must be FALSE_POSITIVE or TRUE_MATCH"));
            }
            if (request.comment() == null || request.comment().isBlank()) {
                errors.add(new FieldError("comment", "must say why (it is the record of the decision)"));
            } else if (request.comment().length() > MAX_COMMENT) {
                errors.add(new FieldError("comment", "must be at most " + MAX_COMMENT + " characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest("Invalid disposition", errors);
        }
        find(alertId, visiblePortfolio);
        String comment = request.comment().strip();
        // the decision and its audit record commit together
        Alert decided = QuarkusTransaction.requiringNew().call(() -> {
            Alert alert = alerts.decide(alertId, request.decision(), comment, Instant.now()).orElse(null);
            if (alert != null) {
                audit.record("alert.disposition", "alert/" + alertId, Map.of("decision", request.decision(),
                        "comment", comment, "portfolio", alert.portfolio(), "partyId", alert.partyId(),
                        "entryId", alert.entryId()));
            }
            return alert;
        });
        if (decided == null) {
            throw new Conflict("Alert " + alertId + " is " + find(alertId, visiblePortfolio).status()
                    + " and can no longer be decided");
        }
        return decided;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
