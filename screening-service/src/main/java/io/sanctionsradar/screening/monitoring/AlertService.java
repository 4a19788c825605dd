package io.sanctionsradar.screening.monitoring;

import io.sanctionsradar.support.api.InvalidRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What analysts do with alerts: list them per portfolio and decide them. */
@ApplicationScoped
public class AlertService {

    private static final Set<String> STATUSES = Set.of(Alert.OPEN, Alert.FALSE_POSITIVE, Alert.TRUE_MATCH,
            Alert.SUPERSEDED, Alert.CLEARED);
    private static final Set<String> DECISIONS = Set.of(Alert.FALSE_POSITIVE, Alert.TRUE_MATCH);
    private static final int MAX_COMMENT = 4000;

    @Inject
    AlertStore alerts;

    /** An analyst's decision on an alert. */
    public record DispositionRequest(String decision, String comment) {
    }

    public AlertStore.Page list(String portfolio, String status, String partyId, int offset, int size) {
        List<InvalidRequest.FieldError> errors = MonitoringService.checkPortfolio(portfolio);
        if (status != null && !STATUSES.contains(status)) {
            errors.add(new InvalidRequest.FieldError("status", "must be one of " + String.join(", ", sorted(STATUSES))));
        }
        if (partyId != null) {
            MonitoringService.checkPartyId(errors, partyId, "partyId");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest("Invalid alert query", errors);
        }
        return alerts.list(portfolio, status, partyId, Math.max(0, offset), Math.max(1, Math.min(size, 1000)));
    }

    public Alert find(UUID alertId) {
        return alerts.find(alertId).orElseThrow(() -> new NotFoundException("No alert " + alertId));
    }

    /** Records a decision; an alert that was cleared or superseded can no longer be decided (409). */
    public Alert decide(UUID alertId, DispositionRequest request) {
        List<InvalidRequest.FieldError> errors = new ArrayList<>();
        if (request == null) {
            errors.add(new InvalidRequest.FieldError("(body)", "must be {\"decision\", \"comment\"}"));
        } else {
            if (request.decision() == null || !DECISIONS.contains(request.decision())) {
                errors.add(new InvalidRequest.FieldError("decision", "must be FALSE_POSITIVE or TRUE_MATCH"));
            }
            if (request.comment() == null || request.comment().isBlank()) {
                errors.add(new InvalidRequest.FieldError("comment", "must say why (it is the record of the decision)"));
            } else if (request.comment().length() > MAX_COMMENT) {
                errors.add(new InvalidRequest.FieldError("comment", "must be at most " + MAX_COMMENT + " characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest("Invalid disposition", errors);
        }
        return alerts.decide(alertId, request.decision(), request.comment().strip(), Instant.now()).orElseThrow(() -> {
            Alert alert = find(alertId);
            return new ClientErrorException("Alert " + alertId + " is " + alert.status()
                    + " and can no longer be decided", Response.Status.CONFLICT);
        });
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
