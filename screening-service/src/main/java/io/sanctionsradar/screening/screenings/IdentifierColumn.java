package io.sanctionsradar.screening.screenings;

import io.sanctionsradar.support.errors.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code identifiers} column of a CSV file: items separated by ";", each {@code TYPE:VALUE} with an optional
 * {@code /CC} issuing country ("IMO:9074729;PASSPORT:AB1234567/RU"). The type ends at the first colon, so a value
 * may hold colons; a final "/" and two letters is always read as the country.
 */
public final class IdentifierColumn {

    private static final Pattern COUNTRY_SUFFIX = Pattern.compile("(.*)/([A-Za-z]{2})");

    private IdentifierColumn() {
    }

    /** The cell's identifiers (none for a blank cell); a malformed item is an error named {@code field}. */
    public static List<ScreeningIdentifier> parse(String cell, String field, List<FieldError> errors) {
        List<ScreeningIdentifier> out = new ArrayList<>();
        if (cell == null || cell.isBlank()) {
            return out;
        }
        for (String item : cell.split(";")) {
            if (item.isBlank()) {
                continue;
            }
            int colon = item.indexOf(':');
            if (colon <= 0 || colon == item.length() - 1) {
                errors.add(new FieldError(field, "items must be TYPE:VALUE or TYPE:VALUE/CC, separated by \";\""));
                return List.of();
            }
            String value = item.substring(colon + 1).strip();
            Matcher country = COUNTRY_SUFFIX.matcher(value);
            out.add(country.matches()
                    ? new ScreeningIdentifier(item.substring(0, colon).strip(), country.group(1), country.group(2))
                    : new ScreeningIdentifier(item.substring(0, colon).strip(), value, null));
        }
        return out;
    }
}
