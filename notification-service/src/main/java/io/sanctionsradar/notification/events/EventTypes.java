package io.sanctionsradar.notification.events;

import java.util.List;
import java.util.stream.Stream;

/** The event types a subscription can choose: every {@code ce_type} on the two topics this service consumes. */
public final class EventTypes {

    public static final List<String> DESIGNATION = List.of(
            "sanctions.entity.listed", "sanctions.entity.amended", "sanctions.entity.delisted",
            "sanctions.countermeasure.imposed", "sanctions.countermeasure.lifted");
    public static final String MATCH_FOUND = "screening.match.found";
    public static final String MATCH_CLEARED = "screening.match.cleared";
    public static final String MATCH_AMENDED = "screening.match.amended";
    public static final List<String> ALERT = List.of(MATCH_FOUND, MATCH_CLEARED, MATCH_AMENDED);
    /** Sent by {@code POST /subscriptions/{id}/test} only; never subscribed to. */
    public static final String PING = "webhook.ping";

    private EventTypes() {
    }

    public static boolean subscribable(String type) {
        return DESIGNATION.contains(type) || ALERT.contains(type);
    }

    public static List<String> all() {
        return Stream.concat(DESIGNATION.stream(), ALERT.stream()).toList();
    }
}
