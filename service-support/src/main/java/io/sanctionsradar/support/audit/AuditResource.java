package io.sanctionsradar.support.audit;

import io.sanctionsradar.support.api.Paging;
import io.sanctionsradar.support.errors.InvalidRequest;
import io.sanctionsradar.support.security.Portfolios;
import io.sanctionsradar.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Reads this service's audit trail; nothing in the API writes or changes it. Records of a portfolio (monitored
 * parties, alerts) show only to auditors whose token covers it.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
@Tag(name = "Audit", description = "Who did what, when: this service's audit trail, read-only")
public class AuditResource {

    private final AuditTrail trail;
    private final Portfolios portfolios;

    AuditResource(AuditTrail trail, Portfolios portfolios) {
        this.trail = trail;
        this.portfolios = portfolios;
    }

    @GET
    @Operation(operationId = "listAuditRecords", summary = "The audit trail: who did what, when, newest first")
    public AuditRecord.Page find(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                 @QueryParam("target") String target, @QueryParam("since") String since,
                                 @QueryParam("until") String until,
                                 @Parameter(schema = @Schema(type = SchemaType.INTEGER))
                                 @QueryParam("before") String before,
                                 @Parameter(schema = @Schema(type = SchemaType.INTEGER))
                                 @QueryParam("limit") @DefaultValue("100") String limit) {
        return trail.find(blankToNull(actor), blankToNull(action), blankToNull(target), instant("since", since),
                instant("until", until), Paging.cursor("before", before), portfolios.namedOrAll(),
                Paging.limit(limit, AuditTrail.MAX_PAGE));
    }

    private static OffsetDateTime instant(String field, String value) {
        try {
            return value == null || value.isBlank() ? null : OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidRequest.of(field, "an ISO-8601 date-time with offset, such as 2026-11-23T08:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
