package io.sanctionsradar.matching;

import java.util.List;

/**
 * A screening request.
 *
 * @param type      when not null, only entries of this type are returned
 * @param birthDate partial date "YYYY", "YYYY-MM" or "YYYY-MM-DD", or null
 * @param country   ISO alpha-2 code, or null
 * @param identifiers documents, registrations or addresses: one equal to a listed one is a match whatever the name
 *                  (which may then be null); one of the same scheme and scope but another value lowers a name match
 */
public record Query(String name, SubjectType type, String birthDate, String country, List<Identifier> identifiers) {
    public Query {
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }

    /** A query without identifiers. */
    public Query(String name, SubjectType type, String birthDate, String country) {
        this(name, type, birthDate, country, List.of());
    }

    public static Query of(String name) {
        return new Query(name, null, null, null);
    }
}
