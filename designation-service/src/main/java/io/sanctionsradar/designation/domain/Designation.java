package io.sanctionsradar.designation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The full current state of one designation at one version: the API's answer and the data of every event
 * (event-carried state), so a consumer can rebuild the watchlist from the events alone.
 */
public record Designation(
        String designationId,
        DesignationKind kind,
        int version,
        DesignationStatus status,
        String authority,
        List<String> programs,
        String legalBasis,
        LocalDate listedOn,
        LocalDate delistedOn,
        String delistingReason,
        String sourceList,
        String sourceId,
        String sourceReference,
        String sourceUrl,
        List<Measure> measures,
        Subject subject,
        List<RespondsTo> respondsTo,
        Instant recordedAt) {

    public static Designation record(String designationId, DesignationKind kind, DesignationDraft draft,
                                     String legalBasis, Instant now) {
        return new Designation(designationId, kind, 1, DesignationStatus.ACTIVE, draft.authority(),
                draft.programs(), legalBasis, draft.listedOn(), null, null, draft.sourceList(), draft.sourceId(),
                draft.sourceReference(), draft.sourceUrl(), draft.measures(), draft.subject(), draft.respondsTo(),
                now);
    }

    /** The next version with the draft's content; kind, identity and status stay. */
    public Designation amend(DesignationDraft draft, String newLegalBasis, Instant now) {
        return new Designation(designationId, kind, version + 1, status, draft.authority(), draft.programs(),
                newLegalBasis, draft.listedOn(), delistedOn, delistingReason, draft.sourceList(), draft.sourceId(),
                draft.sourceReference(), draft.sourceUrl(), draft.measures(), draft.subject(), draft.respondsTo(),
                now);
    }

    public Designation delist(LocalDate on, String reason, Instant now) {
        return new Designation(designationId, kind, version + 1, DesignationStatus.DELISTED, authority, programs,
                legalBasis, listedOn, on, reason, sourceList, sourceId, sourceReference, sourceUrl, measures, subject,
                respondsTo, now);
    }

    /** Same content, ignoring identity, version and time: an amendment that changes nothing is no amendment. */
    public boolean sameContentAs(Designation other) {
        return withoutBookkeeping().equals(other.withoutBookkeeping());
    }

    private Designation withoutBookkeeping() {
        return new Designation(null, kind, 0, status, authority, programs, legalBasis, listedOn, delistedOn,
                delistingReason, sourceList, sourceId, sourceReference, sourceUrl, measures, subject, respondsTo, null);
    }

    /** The CloudEvents type of the event that announces this version. */
    public String eventType() {
        boolean countermeasure = kind == DesignationKind.COUNTERMEASURE;
        if (status == DesignationStatus.DELISTED) {
            return countermeasure ? "sanctions.countermeasure.lifted" : "sanctions.entity.delisted";
        }
        if (version == 1) {
            return countermeasure ? "sanctions.countermeasure.imposed" : "sanctions.entity.listed";
        }
        return "sanctions.entity.amended";
    }
}
