package io.sanctionsradar.console.pages.audit;

import io.sanctionsradar.console.web.Query;

/** The console page of an audit record's target ({@code designation/…}, {@code party/PORTFOLIO/ID} …), if it has one. */
public final class AuditTarget {

    private AuditTarget() {
    }

    public static String href(String target) {
        if (target == null) {
            return null;
        }
        String[] parts = target.split("/", 3);
        if (parts.length < 2 || parts[1].isBlank()) {
            return null;
        }
        return switch (parts[0]) {
            case "designation" -> "/designations/" + Query.encode(parts[1]);
            case "alert" -> "/alerts/" + Query.encode(parts[1]);
            case "party" -> parts.length == 3 ? "/parties/" + Query.encode(parts[2]) + Query.of("portfolio", parts[1]) : null;
            case "portfolio" -> "/parties" + Query.of("portfolio", parts[1]);
            case "subscription" -> "/webhooks/" + Query.encode(parts[1]);
            case "delivery" -> "/webhooks/deliveries/" + Query.encode(parts[1]);
            default -> null;
        };
    }
}
