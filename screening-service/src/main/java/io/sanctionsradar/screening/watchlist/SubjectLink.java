package io.sanctionsradar.screening.watchlist;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * An analyst's latest decision on a pair of designations, as its event carried it: the same subject, or kept
 * apart. The pair is in canonical order (lower-case ids, the smaller first), so (a, b) and (b, a) are one link.
 */
public record SubjectLink(String designationA, String designationB, boolean sameSubject, int version) {

    public static final String LINKED = "sanctions.subject.linked";
    public static final String UNLINKED = "sanctions.subject.unlinked";

    /** The link an event of this type announces; IllegalArgumentException if its fields do not make one. */
    public static SubjectLink of(String eventType, List<String> designationIds, String relation, int version) {
        if (designationIds == null || designationIds.size() != 2 || version < 1) {
            throw new IllegalArgumentException("not a subject link: two designationIds and a version are required");
        }
        boolean same = LINKED.equals(eventType);
        if (!(same ? "SAME_SUBJECT" : "DIFFERENT_SUBJECTS").equals(relation)) {
            throw new IllegalArgumentException("relation " + relation + " does not fit event type " + eventType);
        }
        // UUID.fromString throws IllegalArgumentException for a malformed id, and canonicalizes a well-formed one
        String a = UUID.fromString(String.valueOf(designationIds.get(0))).toString();
        String b = UUID.fromString(String.valueOf(designationIds.get(1))).toString();
        if (a.equals(b)) {
            throw new IllegalArgumentException("a designation cannot be linked to itself: " + a);
        }
        return a.compareTo(b) < 0 ? new SubjectLink(a, b, same, version) : new SubjectLink(b, a, same, version);
    }

    /** Whether the event type is one of a subject link. */
    public static boolean isLinkEvent(String eventType) {
        return LINKED.equals(eventType) || UNLINKED.equals(eventType);
    }

    /** The pair's key, as designation-service keys its events. */
    public String pairKey() {
        return designationA + "+" + designationB;
    }

    public String relation() {
        return sameSubject ? "SAME_SUBJECT" : "DIFFERENT_SUBJECTS";
    }

    static SubjectLink stored(String a, String b, String relation, int version) {
        return new SubjectLink(a.toLowerCase(Locale.ROOT), b.toLowerCase(Locale.ROOT), "SAME_SUBJECT".equals(relation),
                version);
    }
}
