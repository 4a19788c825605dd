package io.sanctionsradar.console.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's field errors regrouped by the form input that holds the field: a list item's error
 * ({@code identifiers[0].value}, {@code filter.countries[1]}) belongs next to the one input the whole list is typed
 * into, and says which item it means.
 */
public final class FieldErrors {

    private static final Pattern ITEM = Pattern.compile("([^\\[]*)\\[(\\d+)](?:\\.(.+))?");

    private static final Pattern LINE = Pattern.compile("\\[line (\\d+)](?:\\.(.+))?");

    private FieldErrors() {
    }

    public static Map<String, String> byInput(Map<String, String> errors) {
        Map<String, String> byInput = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            Matcher item = ITEM.matcher(field);
            if (item.matches()) {
                String which = "item " + (Integer.parseInt(item.group(2)) + 1)
                        + (item.group(3) == null ? "" : " (" + item.group(3) + ")");
                byInput.merge(item.group(1), which + ": " + message, (a, b) -> a + "; " + b);
            } else {
                byInput.merge(field, message, (a, b) -> a + "; " + b);
            }
        });
        return byInput;
    }

    /** Where in an uploaded file an error is, as a reader says it: {@code [line 3].type} is "line 3, type". */
    public static String where(String field) {
        Matcher line = LINE.matcher(field);
        if (!line.matches()) {
            return field;
        }
        return "line " + line.group(1) + (line.group(2) == null ? "" : ", " + line.group(2));
    }
}
