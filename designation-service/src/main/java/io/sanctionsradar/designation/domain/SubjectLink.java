package io.sanctionsradar.designation.domain;

import java.time.Instant;
import java.util.List;

/**
 * An analyst's latest decision on a pair of designations, the pair in canonical order (smaller id first) so that
 * (a, b) and (b, a) are one link. {@code version} goes up by one on every change of the decision.
 */
public record SubjectLink(List<String> designationIds, SubjectRelation relation, String comment, String decidedBy,
                         Instant decidedAt, int version) {

    public SubjectLink {
        designationIds = List.copyOf(designationIds);
    }

    /** The pair in canonical order: lower-case ids compared as text, the order PostgreSQL gives uuid values. */
    public static List<String> pair(String a, String b) {
        String x = a.toLowerCase(java.util.Locale.ROOT);
        String y = b.toLowerCase(java.util.Locale.ROOT);
        return x.compareTo(y) <= 0 ? List.of(x, y) : List.of(y, x);
    }

    /** The stable key of the pair: the event key, so a compacted topic keeps the latest decision per pair. */
    public String pairKey() {
        return designationIds.get(0) + "+" + designationIds.get(1);
    }

    /** The event this decision is announced with. */
    public String eventType() {
        return relation == SubjectRelation.SAME_SUBJECT ? "sanctions.subject.linked" : "sanctions.subject.unlinked";
    }

    /** Whether deciding this again would change nothing: the same relation with the same comment. */
    public boolean sameDecision(SubjectRelation otherRelation, String otherComment) {
        return relation == otherRelation && comment.equals(otherComment);
    }

    /** The next version of this pair's link with another decision. */
    public SubjectLink decide(SubjectRelation newRelation, String newComment, String by, Instant at) {
        return new SubjectLink(designationIds, newRelation, newComment, by, at, version + 1);
    }
}
