package io.sanctionsradar.console.pages.screen;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The downloadable result of a CSV screening: one row per match (the record's columns repeated), one row for a record
 * that matched nothing and one for a record the service rejected, so every line of the customer's file is accounted
 * for by its {@code line} and {@code reference}.
 */
public final class ResultCsv {

    public static final String HEADER = row(List.of("line", "reference", "name", "type", "birthDate", "country",
            "outcome", "score", "entryId", "listedName", "matchedName", "authority", "list", "programmes",
            "screeningId", "errors"));

    private ResultCsv() {
    }

    /** The rows of one answered line of the service's NDJSON ({@code {line, reference, result | errors}}). */
    public static List<String> rows(JsonNode item) {
        String line = item.path("line").asText("");
        String reference = item.path("reference").asText("");
        JsonNode result = item.path("result");
        if (result.isMissingNode() || result.isNull()) {
            StringJoiner errors = new StringJoiner("; ");
            item.path("errors").forEach(e -> errors.add(e.path("field").asText() + ": " + e.path("message").asText()));
            return List.of(row(List.of(line, reference, "", "", "", "", "REJECTED", "", "", "", "", "", "", "",
                    "", errors.toString())));
        }
        JsonNode query = result.path("query");
        List<String> asked = List.of(line, reference, query.path("name").asText(""), query.path("type").asText(""),
                query.path("birthDate").asText(""), query.path("country").asText(""));
        String screeningId = result.path("screeningId").asText("");
        List<String> rows = new ArrayList<>();
        for (JsonNode match : result.path("matches")) {
            StringJoiner programmes = new StringJoiner(" ");
            match.path("programs").forEach(p -> programmes.add(p.asText()));
            List<String> columns = new ArrayList<>(asked);
            columns.addAll(List.of("MATCH", match.path("score").asText(""), match.path("entryId").asText(""),
                    match.path("name").asText(""), match.path("matchedName").asText(""),
                    match.path("authority").asText(""), match.path("source").asText(""), programmes.toString(),
                    screeningId, ""));
            rows.add(row(columns));
        }
        if (rows.isEmpty()) {
            List<String> columns = new ArrayList<>(asked);
            columns.addAll(List.of("NO_MATCH", "", "", "", "", "", "", "", screeningId, ""));
            rows.add(row(columns));
        }
        return rows;
    }

    static String row(List<String> values) {
        StringJoiner row = new StringJoiner(",");
        values.forEach(v -> row.add(field(v)));
        return row.toString();
    }

    /** RFC 4180 quoting, and a text a spreadsheet would run as a formula (=, +, -, @) starts with a quote mark. */
    static String field(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
