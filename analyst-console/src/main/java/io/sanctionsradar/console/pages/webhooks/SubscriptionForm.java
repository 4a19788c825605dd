package io.sanctionsradar.console.pages.webhooks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subscription form as typed: event types ticked, each filter a list of values separated by commas or spaces,
 * turned into the body of {@code POST /api/v1/subscriptions} (an empty filter list passes everything).
 */
public record SubscriptionForm(String url, String description, List<String> eventTypes, String authorities,
        String programs, List<String> subjectTypes, String countries, String portfolios) {

    public SubscriptionForm {
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
        subjectTypes = subjectTypes == null ? List.of() : List.copyOf(subjectTypes);
    }

    public static SubscriptionForm blank() {
        return new SubscriptionForm("", "", List.of(), "", "", List.of(), "", "");
    }

    public Map<String, Object> body() {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("authorities", values(authorities));
        filter.put("programs", values(programs));
        filter.put("subjectTypes", subjectTypes);
        filter.put("countries", values(countries).stream().map(String::toUpperCase).toList());
        filter.put("portfolios", values(portfolios));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url == null ? "" : url.strip());
        body.put("eventTypes", eventTypes);
        body.put("filter", filter);
        if (description != null && !description.isBlank()) {
            body.put("description", description.strip());
        }
        return body;
    }

    public boolean chose(String eventType) {
        return eventTypes.contains(eventType);
    }

    public boolean narrowsTo(String subjectType) {
        return subjectTypes.contains(subjectType);
    }

    // Programme names hold spaces ("Hong Kong Autonomy Act"), so only commas, semicolons and line breaks separate them
    static List<String> values(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.split("[,;\\n\\r]+")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
