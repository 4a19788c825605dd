package io.sanctionsradar.matching;

/**
 * A screening request.
 *
 * @param type      when not null, only entries of this type are returned
 * @param birthDate partial date "YYYY", "YYYY-MM" or "YYYY-MM-DD", or null
 * @param country   ISO alpha-2 code, or null
 */
public record Query(String name, SubjectType type, String birthDate, String country) {
    public static Query of(String name) {
        return new Query(name, null, null, null);
    }
}
