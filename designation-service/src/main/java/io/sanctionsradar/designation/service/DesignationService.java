package io.sanctionsradar.designation.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsradar.designation.domain.Designation;
import io.sanctionsradar.designation.domain.DesignationDraft;
import io.sanctionsradar.designation.domain.DesignationKind;
import io.sanctionsradar.designation.domain.DesignationStatus;
import io.sanctionsradar.designation.domain.RespondsTo;
import io.sanctionsradar.designation.messaging.Outbox;
import io.sanctionsradar.designation.persistence.AuthorityEntity;
import io.sanctionsradar.designation.persistence.DesignationStore;
import io.sanctionsradar.designation.persistence.ProgrammeEntity;
import io.sanctionsradar.support.audit.AuditTrail;
import io.sanctionsradar.support.errors.Conflict;
import io.sanctionsradar.support.errors.FieldError;
import io.sanctionsradar.support.errors.InvalidRequest;
import io.sanctionsradar.support.errors.NotFound;
import io.sanctionsradar.support.errors.PreconditionFailed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Records, amends and delists designations and countermeasures. Each change is saved with its version history
 * and its event in one transaction (the outbox), so the event stream never disagrees with the record.
 */
@ApplicationScoped
public class DesignationService {

    static final String AGGREGATE = "Designation";

    @Inject
    DesignationStore store;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    @Inject
    AuditTrail audit;

    /** Records a designation or countermeasure asked for through the API, and audits it. */
    @Transactional
    public Designation record(DesignationKind kind, DesignationDraft draft, String actor) {
        Designation designation = record(kind, draft, actor, true);
        audited(kind == DesignationKind.COUNTERMEASURE ? "countermeasure.recorded" : "designation.recorded",
                designation, Map.of());
        return designation;
    }

    /**
     * For imports, which already know every active entry of their list and need not ask again per entry; an import
     * is audited once, as a whole (its entries' own history names who imported them).
     */
    @Transactional
    public Designation recordFromImport(DesignationKind kind, DesignationDraft draft, String actor) {
        return record(kind, draft, actor, false);
    }

    private Designation record(DesignationKind kind, DesignationDraft draft, String actor, boolean checkDuplicate) {
        String legalBasis = checkReferences(kind, draft);
        if (checkDuplicate && draft.sourceId() != null) {
            Optional<UUID> existing = store.findActiveBySource(draft.sourceList(), draft.sourceId());
            if (existing.isPresent()) {
                throw new Conflict("Entry " + draft.sourceId() + " of " + draft.sourceList()
                        + " is already designated as " + existing.get(),
                        List.of(new FieldError("sourceId", "already designated as " + existing.get())));
            }
        }
        Designation designation = Designation.record(UUID.randomUUID().toString(), kind, draft, legalBasis,
                Instant.now());
        saveAndAnnounce(null, designation, actor);
        return designation;
    }

    /** The designation as the draft would make it, without saving anything: lets an import skip what is unchanged. */
    public Designation preview(Designation current, DesignationDraft draft) {
        return current.amend(draft, legalBasis(draft), current.recordedAt());
    }

    private String legalBasis(DesignationDraft draft) {
        return draft.legalBasis() != null ? draft.legalBasis() : defaultLegalBasis(draft);
    }

    /** The legal basis of the draft's first programme that belongs to its authority: the default for its designations. */
    private String defaultLegalBasis(DesignationDraft draft) {
        for (String code : draft.programs()) {
            ProgrammeEntity programme = ProgrammeEntity.findById(code);
            if (programme != null && programme.authorityCode.equals(draft.authority())) {
                return programme.legalBasis;
            }
        }
        return null;
    }

    /** Applies the draft as the next version; a draft that changes nothing returns the current version. */
    @Transactional
    public Designation amend(UUID id, DesignationDraft draft, Integer expectedVersion, String actor) {
        return amend(id, draft, expectedVersion, actor, true);
    }

    /** {@link #amend} without an audit record of its own: the import that calls it is audited as a whole. */
    @Transactional
    public Designation amendFromImport(UUID id, DesignationDraft draft, String actor) {
        return amend(id, draft, null, actor, false);
    }

    private Designation amend(UUID id, DesignationDraft draft, Integer expectedVersion, String actor,
                              boolean audited) {
        Designation current = store.findForUpdate(id)
                .orElseThrow(() -> new NotFound("Designation " + id + " does not exist"));
        checkVersion(current, expectedVersion);
        if (current.status() == DesignationStatus.DELISTED) {
            throw new Conflict("Designation " + id + " was delisted on "
                    + current.delistedOn() + "; record a new designation instead of amending it");
        }
        String legalBasis = checkReferences(current.kind(), draft);
        Designation amended = current.amend(draft, legalBasis, Instant.now());
        if (amended.sameContentAs(current)) {
            return current;
        }
        if (draft.sourceId() != null && !draft.sourceId().equals(current.sourceId())) {
            store.findActiveBySource(draft.sourceList(), draft.sourceId()).ifPresent(other -> {
                throw new Conflict("Entry " + draft.sourceId() + " of " + draft.sourceList()
                        + " is already designated as " + other);
            });
        }
        saveAndAnnounce(current, amended, actor);
        if (audited) {
            audited("designation.amended", amended, Map.of());
        }
        return amended;
    }

    @Transactional
    public Designation delist(UUID id, LocalDate delistedOn, String reason, Integer expectedVersion, String actor) {
        return delist(id, delistedOn, reason, expectedVersion, actor, true);
    }

    /** {@link #delist} without an audit record of its own: the import that calls it is audited as a whole. */
    @Transactional
    public Designation delistFromImport(UUID id, LocalDate delistedOn, String reason, String actor) {
        return delist(id, delistedOn, reason, null, actor, false);
    }

    private Designation delist(UUID id, LocalDate delistedOn, String reason, Integer expectedVersion, String actor,
                               boolean audited) {
        if (reason == null || reason.isBlank()) { // a delisting is a compliance record: it says why
            throw InvalidRequest.of("reason", "must say why the designation ends");
        }
        Designation current = store.findForUpdate(id)
                .orElseThrow(() -> new NotFound("Designation " + id + " does not exist"));
        checkVersion(current, expectedVersion);
        if (current.status() == DesignationStatus.DELISTED) {
            throw new Conflict("Designation " + id + " was already delisted on "
                    + current.delistedOn());
        }
        LocalDate on = delistedOn != null ? delistedOn : LocalDate.now();
        if (on.isBefore(current.listedOn())) {
            throw InvalidRequest.of("delistedOn", "must not be before the listing date " + current.listedOn());
        }
        Designation delisted = current.delist(on, reason, Instant.now());
        saveAndAnnounce(current, delisted, actor);
        if (audited) {
            audited("designation.delisted", delisted, Map.of("reason", reason));
        }
        return delisted;
    }

    private void audited(String action, Designation designation, Map<String, Object> more) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("version", designation.version());
        detail.put("authority", designation.authority());
        if (designation.sourceId() != null) {
            detail.put("source", designation.sourceList() + " " + designation.sourceId());
        }
        detail.putAll(more);
        audit.record(action, "designation/" + designation.designationId(), detail);
    }

    private void saveAndAnnounce(Designation before, Designation after, String actor) {
        // a first version (before == null) has no changes: Changes.between gives none, written as []
        String changes = store.write(Changes.between(json, before, after));
        String state = store.save(after, actor, changes);
        outbox.append(AGGREGATE, after.designationId(), after.eventType(), state);
    }

    /** Checks what Bean Validation cannot: that the authority, programmes and answered designations exist. */
    private String checkReferences(DesignationKind kind, DesignationDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        if (AuthorityEntity.findById(draft.authority()) == null) {
            errors.add(new FieldError("authority", "unknown authority " + draft.authority()
                    + "; known ones are listed at /api/v1/authorities"));
        }
        for (int i = 0; i < draft.programs().size(); i++) {
            ProgrammeEntity programme = ProgrammeEntity.findById(draft.programs().get(i));
            if (programme == null) {
                errors.add(new FieldError("programs[" + i + "]", "unknown programme " + draft.programs().get(i)
                        + "; known ones are listed at /api/v1/programmes"));
            } else if (!programme.authorityCode.equals(draft.authority())) {
                errors.add(new FieldError("programs[" + i + "]", "programme " + programme.code + " belongs to "
                        + programme.authorityCode + ", not " + draft.authority()));
            }
        }
        if (kind == DesignationKind.COUNTERMEASURE && draft.respondsTo().isEmpty()) {
            errors.add(new FieldError("respondsTo", "a countermeasure must name the designations or the action it answers"));
        }
        if (kind == DesignationKind.DESIGNATION && !draft.respondsTo().isEmpty()) {
            errors.add(new FieldError("respondsTo", "only countermeasures respond to other actions"));
        }
        for (int i = 0; i < draft.respondsTo().size(); i++) {
            RespondsTo answered = draft.respondsTo().get(i);
            if (answered.designationId() != null && !isKnownDesignation(answered.designationId())) {
                errors.add(new FieldError("respondsTo[" + i + "].designationId", "no designation "
                        + answered.designationId()));
            }
            if (answered.authority() != null && AuthorityEntity.findById(answered.authority()) == null) {
                errors.add(new FieldError("respondsTo[" + i + "].authority", "unknown authority " + answered.authority()));
            }
        }
        if (draft.listedOn().isAfter(LocalDate.now().plusYears(1))) {
            errors.add(new FieldError("listedOn", "must not be more than a year ahead"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return legalBasis(draft);
    }

    private boolean isKnownDesignation(String id) {
        try {
            return store.find(UUID.fromString(id)).isPresent();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void checkVersion(Designation current, Integer expectedVersion) {
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new PreconditionFailed("Designation " + current.designationId()
                    + " is at version " + current.version() + ", not " + expectedVersion);
        }
    }
}
