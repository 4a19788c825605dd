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

    @Inject
    AlertStore alerts;

    @Inject
    AuditTrail audit;

    /** An analyst's decision on an alert. */
    public record DispositionRequest(String decision, String comment) {
    }

    public AlertStore.Page list(String portfolio, String status, String partyId, Paging page) {
        List<FieldError> errors = MonitoringService.checkPortfolio(portfolio);
        if (status != null && !STATUSES.contains(status)) {
            errors.add(new FieldError("status", "must be one of " + String.join(", ", sorted(STATUSES))));
        }
        if (partyId != null) {
            MonitoringService.checkPartyId(errors, partyId, "partyId");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest("Invalid alert query", errors);
        }
        return alerts.list(portfolio, status, partyId, page.offset(), page.size());
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
