package io.sanctionsradar.designation.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsradar.designation.domain.Designation;
import io.sanctionsradar.designation.domain.DesignationDraft;
import io.sanctionsradar.designation.domain.DesignationKind;
import io.sanctionsradar.designation.domain.DesignationStatus;
import io.sanctionsradar.designation.persistence.DesignationStore;
import io.sanctionsradar.designation.service.Changes;
import io.sanctionsradar.designation.service.DesignationService;
import io.sanctionsradar.designation.service.IdempotentRequests;
import io.sanctionsradar.support.api.Paging;
import io.sanctionsradar.support.audit.AuditTrail;
import io.sanctionsradar.support.errors.InvalidRequest;
import io.sanctionsradar.support.errors.NotFound;
import io.sanctionsradar.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Designations and countermeasures: record, amend, delist, browse, and the history of every change. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Designations", description = "Designations and countermeasures: record, amend, delist, browse, and the history of every change")
public class DesignationResource {

    private static final int MAX_PAGE_SIZE = 500;

    private static final TypeReference<List<Changes.Change>> CHANGES = new TypeReference<>() {
    };

    @Inject
    DesignationService designations;

    @Inject
    DesignationStore store;

    @Inject
    IdempotentRequests idempotentRequests;

    @Inject
    ObjectMapper json;

    @Inject
    AuditTrail audit;

    @RolesAllowed(Roles.ANALYST)
    @POST
    @Path("/designations")
    @Operation(operationId = "recordDesignation", summary = "Record a designation", description = "201 with the designation and its id; emits sanctions.entity.listed")
    public Response record(@HeaderParam("Idempotency-Key") String idempotencyKey,
                           @Valid @NotNull DesignationDraft draft) {
        return created(idempotencyKey, "POST /api/v1/designations", draft,
                () -> designations.record(DesignationKind.DESIGNATION, draft, audit.caller()));
    }

    @RolesAllowed(Roles.ANALYST)
    @POST
    @Path("/countermeasures")
    @Operation(operationId = "recordCountermeasure", summary = "Record a countermeasure", description = "A designation imposed in response to others' sanctions; respondsTo names what it answers. Emits sanctions.countermeasure.imposed")
    public Response recordCountermeasure(@HeaderParam("Idempotency-Key") String idempotencyKey,
                                         @Valid @NotNull DesignationDraft draft) {
        return created(idempotencyKey, "POST /api/v1/countermeasures", draft,
                () -> designations.record(DesignationKind.COUNTERMEASURE, draft, audit.caller()));
    }

    @RolesAllowed({Roles.ANALYST, Roles.AUDITOR, Roles.SCREENER})
    @GET
    @Path("/designations/{id}")
    @Operation(operationId = "getDesignation", summary = "One designation at its current version")
    public Response get(@PathParam("id") String id) {
        Designation designation = store.find(uuid(id))
                .orElseThrow(() -> new NotFound("Designation " + id + " does not exist"));
        return Response.ok(designation).tag(etag(designation)).build();
    }

    @RolesAllowed(Roles.ANALYST)
    @PUT
    @Path("/designations/{id}")
    @Operation(operationId = "amendDesignation", summary = "Amend a designation", description = "Replaces its content; the version goes up by one and sanctions.entity.amended is emitted, unless nothing changed. If-Match: \"<version>\" guards against lost updates.")
    public Response amend(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull DesignationDraft draft) {
        Designation amended = designations.amend(uuid(id), draft, expectedVersion(ifMatch), audit.caller());
        return Response.ok(amended).tag(etag(amended)).build();
    }

    @RolesAllowed(Roles.ANALYST)
    @POST
    @Path("/designations/{id}/delisting")
    @Operation(operationId = "delistDesignation", summary = "Delist a designation", description = "Emits sanctions.entity.delisted (sanctions.countermeasure.lifted for a countermeasure)")
    public Response delist(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           @HeaderParam("Idempotency-Key") String idempotencyKey, @Valid DelistingRequest request) {
        DelistingRequest body = request != null ? request : new DelistingRequest(null, null);
        UUID designationId = uuid(id);
        IdempotentRequests.Outcome outcome = idempotentRequests.execute(idempotencyKey,
                "POST /api/v1/designations/" + id + "/delisting", body, () -> {
                    Designation delisted = designations.delist(designationId, body.delistedOn(), body.reason(),
                            expectedVersion(ifMatch), audit.caller());
                    return new IdempotentRequests.Outcome(200, store.write(delisted), null, false);
                });
        return replay(outcome);
    }

    @RolesAllowed({Roles.ANALYST, Roles.AUDITOR, Roles.SCREENER})
    @GET
    @Path("/designations/{id}/history")
    @Operation(operationId = "getDesignationHistory", summary = "Every version of a designation: who changed what, when")
    public List<HistoryEntry> history(@PathParam("id") String id) {
        UUID designationId = uuid(id);
        var versions = store.history(designationId);
        if (versions.isEmpty()) {
            throw new NotFound("Designation " + id + " does not exist");
        }
        return versions.stream().map(v -> new HistoryEntry(v.key.version(), v.eventType, v.changedAt, v.changedBy,
                readChanges(v.changes))).toList();
    }

    @RolesAllowed({Roles.ANALYST, Roles.AUDITOR, Roles.SCREENER})
    @GET
    @Path("/designations/{id}/versions/{version}")
    @Operation(operationId = "getDesignationVersion", summary = "A designation as it was at one version")
    public Designation version(@PathParam("id") String id, @PathParam("version") int version) {
        return store.version(uuid(id), version)
                .orElseThrow(() -> new NotFound("Version " + version + " of designation " + id + " does not exist"));
    }

    @RolesAllowed({Roles.ANALYST, Roles.AUDITOR, Roles.SCREENER})
    @GET
    @Path("/designations")
    @Operation(operationId = "listDesignations", summary = "Browse designations and countermeasures", description = "Newest listing first; q matches any part of the primary name or an alias, case-insensitively")
    public PageResponse<Designation> browse(@QueryParam("authority") @Size(max = 32) String authority,
                                            @QueryParam("program") @Size(max = 64) String program,
                                            @QueryParam("status") String status,
                                            @QueryParam("kind") String kind,
                                            @QueryParam("sourceList") @Size(max = 64) String sourceList,
                                            @QueryParam("sourceId") @Size(max = 128) String sourceId,
                                            @Parameter(description = "part of a name or alias")
                                            @QueryParam("q") @Size(max = 512) String query,
                                            @Parameter(description = "the day of listing, e.g. 2021-03-22: one authority's action of that day")
                                            @QueryParam("listedOn") @Size(max = 10) String listedOn,
                                            @Parameter(schema = @Schema(type = SchemaType.INTEGER))
                                            @QueryParam("page") @DefaultValue("0") String page,
                                            @Parameter(schema = @Schema(type = SchemaType.INTEGER))
                                            @QueryParam("size") @DefaultValue("50") String size) {
        return browse(new DesignationStore.Filter(authority, program,
                enumValue("status", status, DesignationStatus.values()),
                enumValue("kind", kind, DesignationKind.values()), sourceList, sourceId, blankToNull(query), day("listedOn", listedOn), null),
                page, size);
    }

    @RolesAllowed({Roles.ANALYST, Roles.AUDITOR, Roles.SCREENER})
    @GET
    @Path("/countermeasures")
    @Operation(operationId = "listCountermeasures", summary = "Browse countermeasures", description = "Newest listing first; respondsTo gives the countermeasures answering one designation")
    public PageResponse<Designation> browseCountermeasures(@QueryParam("authority") @Size(max = 32) String authority,
                                                           @QueryParam("status") String status,
                                                           @Parameter(description = "the id of a designation: only the countermeasures answering it, by its id or by its authority's action on the day it was listed")
                                                           @QueryParam("respondsTo") @Size(max = 64) String respondsTo,
                                                           @Parameter(schema = @Schema(type = SchemaType.INTEGER))
                                                           @QueryParam("page") @DefaultValue("0") String page,
                                                           @Parameter(schema = @Schema(type = SchemaType.INTEGER))
                                                           @QueryParam("size") @DefaultValue("50") String size) {
        return browse(new DesignationStore.Filter(authority, null,
                enumValue("status", status, DesignationStatus.values()), DesignationKind.COUNTERMEASURE.name(), null,
                null, null, null, answered(respondsTo)), page, size);
    }

    private PageResponse<Designation> browse(DesignationStore.Filter filter, String page, String size) {
        Paging paging = Paging.ofPage(page, size, MAX_PAGE_SIZE);
        var found = store.browse(filter, paging.page(), paging.size());
        return new PageResponse<>(found.items(), found.page(), found.size(), found.total());
    }

    /** The designation a respondsTo filter names; an unknown one is a mistake in the request, not an empty answer. */
    private Designation answered(String respondsTo) {
        if (respondsTo == null || respondsTo.isBlank()) {
            return null;
        }
        try {
            return store.find(UUID.fromString(respondsTo.trim())).orElseThrow(IllegalArgumentException::new);
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of("respondsTo", "must be the id of a designation recorded here");
        }
    }

    private Response created(String idempotencyKey, String operation, DesignationDraft draft,
                             java.util.function.Supplier<Designation> action) {
        IdempotentRequests.Outcome outcome = idempotentRequests.execute(idempotencyKey, operation, draft, () -> {
            Designation designation = action.get();
            return new IdempotentRequests.Outcome(201, store.write(designation),
                    "/api/v1/designations/" + designation.designationId(), false);
        });
        return replay(outcome);
    }

    private static Response replay(IdempotentRequests.Outcome outcome) {
        Response.ResponseBuilder response = Response.status(outcome.status()).entity(outcome.body())
                .type(MediaType.APPLICATION_JSON);
        if (outcome.location() != null) {
            response.location(URI.create(outcome.location()));
        }
        if (outcome.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    private List<Changes.Change> readChanges(String changes) {
        try {
            return json.readValue(changes, CHANGES);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored changes are not readable", e);
        }
    }

    private static EntityTag etag(Designation designation) {
        return new EntityTag(Integer.toString(designation.version()));
    }

    private static Integer expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.equals("*")) {
            return null;
        }
        try {
            return Integer.parseInt(ifMatch.trim().replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw InvalidRequest.of("If-Match", "must be the designation's ETag, its version in quotes, e.g. \"3\"");
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("Designation " + id + " does not exist");
        }
    }

    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw InvalidRequest.of(field, "must be a day as YYYY-MM-DD");
        }
    }

    private static <E extends Enum<E>> String enumValue(String field, String value, E[] allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(allowed).map(Enum::name).filter(value::equals).findFirst()
                .orElseThrow(() -> InvalidRequest.of(field, "must be one of " + Arrays.toString(allowed)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

}
