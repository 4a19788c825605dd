package io.sanctionsradar.screening.screenings;

import io.sanctionsradar.matching.InvalidIdentifierException;
import io.sanctionsradar.support.errors.FieldError;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What a screening query must satisfy; errors name the field, prefixed for batch items ("[12].name"). */
final class QueryRules {

    static final int MAX_NAME_LENGTH = 512;
    static final int MAX_LIMIT = 100;
    static final int MAX_FILTER_VALUES = 100;
    static final int MAX_IDENTIFIERS = 20;
    static final int MAX_IDENTIFIER_LENGTH = 128;

    // control characters (tabs, line breaks, NUL …) are refused; invisible formatting marks are left to normalization
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    private static final Pattern PARTIAL_DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
    // ISO 3166 alpha-2 as the JDK knows it, plus XK (Kosovo), which the lists use
    private static final Set<String> COUNTRIES = countries();

    private QueryRules() {
    }

    static List<FieldError> check(ScreeningRequest q, String prefix) {
        if (q == null) {
            return List.of(new FieldError(prefix.isEmpty() ? "(body)" : prefix, "must be a query object"));
        }
        List<FieldError> errors = new ArrayList<>();
        checkName(errors, prefix, q.name()); // even with identifiers: answers and receipts echo a name (contract)
        errors.addAll(checkOptions(q, prefix));
        checkIdentifiers(errors, prefix, q.identifiers());
        return errors;
    }

    /** Each identifier's type, value and country, named "identifiers[i].value" (the scheme says what is wrong). */
    static void checkIdentifiers(List<FieldError> errors, String prefix, List<ScreeningIdentifier> identifiers) {
        if (identifiers.size() > MAX_IDENTIFIERS) {
            errors.add(error(prefix, "identifiers", "must have at most " + MAX_IDENTIFIERS + " items"));
            return;
        }
        for (int i = 0; i < identifiers.size(); i++) {
            String field = "identifiers[" + i + "]";
            ScreeningIdentifier id = identifiers.get(i);
            if (id == null) {
                errors.add(error(prefix, field, "must be an object with type, value and optional country"));
                continue;
            }
            if (id.type() != null && id.type().length() > MAX_IDENTIFIER_LENGTH
                    || id.value() != null && id.value().length() > MAX_IDENTIFIER_LENGTH) {
                errors.add(error(prefix, field, "type and value must be at most " + MAX_IDENTIFIER_LENGTH
                        + " characters"));
                continue;
            }
            if (id.country() != null && !COUNTRIES.contains(id.country().strip().toUpperCase(Locale.ROOT))) {
                errors.add(error(prefix, field + ".country", "must be an ISO 3166 alpha-2 country code such as DE"));
                continue;
            }
            try {
                id.canonical();
            } catch (InvalidIdentifierException e) {
                errors.add(error(prefix, field + "." + e.field(), e.getMessage()));
            }
        }
    }

    /** Everything but the name: the options a CSV batch applies to all its records. */
    static List<FieldError> checkOptions(ScreeningRequest q, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (q.birthDate() != null && !partialDate(q.birthDate())) {
            errors.add(error(prefix, "birthDate", "must be a date as YYYY, YYYY-MM or YYYY-MM-DD"));
        }
        if (q.country() != null && !COUNTRIES.contains(q.country())) {
            errors.add(error(prefix, "country", "must be an ISO 3166 alpha-2 country code such as DE or CN"));
        }
        if (q.threshold() != null && !(q.threshold() >= 0 && q.threshold() <= 1)) {
            errors.add(error(prefix, "threshold", "must be between 0 and 1"));
        }
        if (q.limit() != null && (q.limit() < 1 || q.limit() > MAX_LIMIT)) {
            errors.add(error(prefix, "limit", "must be between 1 and " + MAX_LIMIT));
        }
        checkFilter(errors, prefix, "authorities", q.authorities());
        checkFilter(errors, prefix, "programs", q.programs());
        checkFilter(errors, prefix, "sourceLists", q.sourceLists());
        return errors;
    }

    private static void checkName(List<FieldError> errors, String prefix, String name) {
        if (name == null || name.isBlank()) {
            errors.add(error(prefix, "name", "must not be blank"));
        } else if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            errors.add(error(prefix, "name", "must be at most " + MAX_NAME_LENGTH + " characters"));
        } else if (CONTROL.matcher(name).find()) {
            errors.add(error(prefix, "name", "must not contain control characters"));
        }
    }

    private static void checkFilter(List<FieldError> errors, String prefix, String field,
                                    List<String> values) {
        if (values.size() > MAX_FILTER_VALUES) {
            errors.add(error(prefix, field, "must have at most " + MAX_FILTER_VALUES + " values"));
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null || values.get(i).isBlank() || values.get(i).length() > 128) {
                errors.add(error(prefix, field + "[" + i + "]", "must be a code of 1 to 128 characters"));
            }
        }
    }

    private static boolean partialDate(String value) {
        var m = PARTIAL_DATE.matcher(value);
        if (!m.matches()) {
            return false;
        }
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(3) != null) {
                LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } else if (m.group(2) != null) {
                YearMonth.of(year, Integer.parseInt(m.group(2)));
            }
            return year >= 1800;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static FieldError error(String prefix, String field, String message) {
        return new FieldError(prefix.isEmpty() ? field : prefix + "." + field, message);
    }

    private static Set<String> countries() {
        Set<String> codes = new java.util.HashSet<>(Set.of(Locale.getISOCountries()));
        codes.add("XK");
        return Set.copyOf(codes);
    }
}
