package io.sanctionsradar.designation.service;

import io.sanctionsradar.designation.domain.SubjectLink;
import io.sanctionsradar.designation.domain.SubjectRelation;
import io.sanctionsradar.designation.messaging.Outbox;
import io.sanctionsradar.designation.persistence.DesignationStore;
import io.sanctionsradar.designation.persistence.SubjectLinkStore;
import io.sanctionsradar.support.audit.AuditTrail;
import io.sanctionsradar.support.errors.FieldError;
import io.sanctionsradar.support.errors.InvalidRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Records analysts' decisions that two designations are the same subject, or must be kept apart. Each change is
 * saved with its event (outbox) and its audit record in one transaction; deciding the same again changes nothing.
 */
@ApplicationScoped
public class SubjectLinkService {

    static final String AGGREGATE = "SubjectLink";

    /** The event's data: the decision without who made it, which stays in the audit trail and the API. */
    public record SubjectLinkDecided(List<String> designationIds, SubjectRelation relation, String comment,
                                     Instant decidedAt, int version) {
    }

    @Inject
    DesignationStore designations;

    @Inject
    SubjectLinkStore links;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    /** The pair's link after the decision: a new version, or the current one if it decides the same again. */
    @Transactional
    public SubjectLink decide(List<String> designationIds, SubjectRelation relation, String comment, String actor) {
        List<String> pair = checked(designationIds, relation, comment);
        String why = comment.strip();
        Optional<SubjectLink> current = links.find(pair);
        if (current.isPresent() && current.get().sameDecision(relation, why)) {
            return current.get();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // as the database keeps it: API and event agree
        SubjectLink link = current.map(c -> c.decide(relation, why, actor, now))
                .orElseGet(() -> new SubjectLink(pair, relation, why, actor, now, 1));
        links.save(link);
        outbox.append(AGGREGATE, link.pairKey(), link.eventType(), designations.write(new SubjectLinkDecided(
                link.designationIds(), link.relation(), link.comment(), link.decidedAt(), link.version())));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("version", link.version());
        detail.put("designationIds", link.designationIds());
        detail.put("comment", link.comment());
        audit.record(relation == SubjectRelation.SAME_SUBJECT ? "subject.linked" : "subject.unlinked",
                "subject-link/" + link.pairKey(), detail);
        return link;
    }

    /**
     * Checks the request and locks both designations, so decisions on pairs that share one queue up; answers the
     * pair in canonical order.
     */
    private List<String> checked(List<String> designationIds, SubjectRelation relation, String comment) {
        List<FieldError> errors = new ArrayList<>();
        List<String> pair = null;
        if (designationIds == null || designationIds.size() != 2) {
            errors.add(new FieldError("designationIds", "must name exactly two designations"));
        } else {
            UUID a = uuid(designationIds, 0, errors);
            UUID b = uuid(designationIds, 1, errors);
            if (a != null && a.equals(b)) {
                errors.add(new FieldError("designationIds", "must name two different designations"));
            } else if (a != null && b != null) {
                pair = SubjectLink.pair(a.toString(), b.toString());
                lockInCanonicalOrder(pair, a, errors);
            }
        }
        if (relation == null) {
            errors.add(new FieldError("relation", "must be SAME_SUBJECT or DIFFERENT_SUBJECTS"));
        }
        if (comment == null || comment.isBlank()) { // a decision on who is who is a compliance record: it says why
            errors.add(new FieldError("comment", "must say why the designations are or are not the same subject"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return pair;
    }

    // one order for every transaction, so that two decisions never wait for each other's second lock
    private void lockInCanonicalOrder(List<String> pair, UUID first, List<FieldError> errors) {
        List<FieldError> missing = new ArrayList<>();
        for (String id : pair) {
            if (!designations.lock(UUID.fromString(id))) {
                int index = first.toString().equals(id) ? 0 : 1;
                missing.add(new FieldError("designationIds[" + index + "]", "no designation " + id));
            }
        }
        missing.sort(Comparator.comparing(FieldError::field));
        errors.addAll(missing);
    }

    private static UUID uuid(List<String> ids, int index, List<FieldError> errors) {
        String id = ids.get(index);
        try {
            return UUID.fromString(id == null ? "" : id);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("designationIds[" + index + "]", "no designation " + id));
            return null;
        }
    }
}
