package io.sanctionsradar.console.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** A query string from name/value pairs; blank values are left out, the rest URL-encoded. */
public final class Query {

    private final StringJoiner parts = new StringJoiner("&", "?", "").setEmptyValue("");

    public static Query of(Object... namesAndValues) {
        Query query = new Query();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.and((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return query;
    }

    public Query and(String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            parts.add(encode(name) + "=" + encode(value.toString()));
        }
        return this;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return parts.toString();
    }
}
