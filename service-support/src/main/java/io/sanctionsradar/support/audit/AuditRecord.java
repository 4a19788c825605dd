package io.sanctionsradar.support.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One entry of the audit trail: who ({@code actor}, with the roles the token granted) did what ({@code action},
 * such as {@code designation.created}) to which thing ({@code target}, such as {@code designation/DSG-…}) and when.
 * {@code detail} holds what the action needs to be understood later: counts, a comment, the version written.
 */
public record AuditRecord(long id, OffsetDateTime at, String actor, List<String> roles, String action,
                          String target, JsonNode detail) {

    /** A page of records, newest first; {@code nextBefore} is the {@code before} that fetches the next page. */
    public record Page(List<AuditRecord> items, Long nextBefore) {
    }
}
