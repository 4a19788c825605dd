package io.sanctionsradar.notification.events;

import java.util.List;
import java.util.stream.Stream;

/** The event types a subscription can choose: every {@code ce_type} on the two topics this service consumes. */
public final class EventTypes {

    /** The designations topic's events whose data is a designation. */
    public static final List<String> DESIGNATION = List.of(
            "sanctions.entity.listed", "sanctions.entity.amended", "sanctions.entity.delisted",
            "sanctions.countermeasure.imposed", "sanctions.countermeasure.lifted");
    /** The designations topic's analysts' links: a pair of designation ids, no authority, programme or country. */
    public static final List<String> SUBJECT_LINK = List.of("sanctions.subject.linked", "sanctions.subject.unlinked");
    /** The designations topic's news of list syncs: a list and how its sync went, no designation's facts. */
    public static final List<String> LIST_SYNC = List.of("sanctions.list.synced", "sanctions.list.sync-failed");
    /** Events that carry none of the filter facts: a subscription to them takes no filter. */
    public static final List<String> UNFILTERED = Stream.concat(SUBJECT_LINK.stream(), LIST_SYNC.stream()).toList();
    public static final String MATCH_FOUND = "screening.match.found";
    public static final String MATCH_CLEARED = "screening.match.cleared";
    public static final String MATCH_AMENDED = "screening.match.amended";
    public static final List<String> ALERT = List.of(MATCH_FOUND, MATCH_CLEARED, MATCH_AMENDED);
    /** Sent by {@code POST /subscriptions/{id}/test} only; never subscribed to. */
    public static final String PING = "webhook.ping";

    private EventTypes() {
    }

    public static boolean subscribable(String type) {
        return DESIGNATION.contains(type) || UNFILTERED.contains(type) || ALERT.contains(type);
    }

    public static List<String> all() {
        return Stream.of(DESIGNATION, SUBJECT_LINK, LIST_SYNC, ALERT).flatMap(List::stream).toList();
    }
}
