package io.sanctionsradar.notification.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What subscription filters look at in an event: for a designation its authority, programmes, subject type and
 * the subject's countries (nationality, citizenship, address, flag); for an alert the matched entry's authority,
 * programmes and subject type, the party's country and the portfolio. A fact the event lacks is null or empty.
 */
public record EventFacts(String authority, Set<String> programs, String subjectType, Set<String> countries,
                         String portfolio) {

    public static final EventFacts NONE = new EventFacts(null, Set.of(), null, Set.of(), null);

    public static EventFacts ofDesignation(JsonNode designation) {
        JsonNode subject = designation.path("subject");
        Set<String> countries = new LinkedHashSet<>();
        subject.path("nationalities").forEach(c -> countries.add(c.asText()));
        subject.path("citizenships").forEach(c -> countries.add(c.asText()));
        subject.path("addresses").forEach(a -> addText(countries, a.path("country")));
        addText(countries, subject.path("vessel").path("flag"));
        return new EventFacts(text(designation.path("authority")), texts(designation.path("programs")),
                text(subject.path("type")), countries, null);
    }

    /** A screening.match.found: the entry that matched, the party's country and the portfolio. */
    public static EventFacts ofMatchFound(JsonNode alert) {
        JsonNode match = alert.path("match");
        Set<String> countries = new LinkedHashSet<>();
        addText(countries, alert.path("party").path("country"));
        return new EventFacts(text(match.path("authority")), texts(match.path("programs")),
                text(match.path("subjectType")), countries, text(alert.path("portfolio")));
    }

    /** A screening.match.cleared carries no entry details: it takes them from the alert it clears, if known. */
    public static EventFacts ofMatchCleared(JsonNode cleared, EventFacts found) {
        EventFacts base = found == null ? NONE : found;
        return new EventFacts(base.authority, base.programs, base.subjectType, base.countries,
                text(cleared.path("portfolio")));
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(v -> addText(values, v));
        return values;
    }

    private static void addText(Set<String> values, JsonNode node) {
        if (node.isTextual()) {
            values.add(node.asText());
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
