package io.sanctionsradar.designation.api;

import io.sanctionsradar.designation.domain.SubjectLink;
import io.sanctionsradar.designation.persistence.DesignationStore;
import io.sanctionsradar.designation.persistence.SubjectLinkStore;
import io.sanctionsradar.designation.service.SubjectLinkService;
import io.sanctionsradar.support.audit.AuditTrail;
import io.sanctionsradar.support.errors.NotFound;
import io.sanctionsradar.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Analysts' decisions that two designations are, or are not, the same real-world subject. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Subject links", description = "Analysts' decisions that two designations are, or are not, the same subject")
public class SubjectLinkResource {

    @Inject
    SubjectLinkService links;

    @Inject
    SubjectLinkStore store;

    @Inject
    DesignationStore designations;

    @Inject
    AuditTrail audit;

    @RolesAllowed(Roles.ANALYST)
    @PUT
    @Path("/subject-links")
    @Operation(operationId = "decideSubjectLink", summary = "Link or unlink two designations",
            description = "SAME_SUBJECT emits sanctions.subject.linked, DIFFERENT_SUBJECTS sanctions.subject.unlinked; "
                    + "the pair's version goes up by one, unless the relation and comment are those it already has")
    public SubjectLink decide(@Valid @NotNull SubjectLinkRequest request) {
        return links.decide(request.designationIds(), request.relation(), request.comment(), audit.caller());
    }

    @RolesAllowed({Roles.ANALYST, Roles.AUDITOR, Roles.SCREENER})
    @GET
    @Path("/designations/{id}/subject-links")
    @Operation(operationId = "getDesignationSubjectLinks", summary = "The analysts' links and unlinks naming a designation")
    public List<SubjectLink> touching(@PathParam("id") String id) {
        UUID designationId = uuid(id);
        if (designations.find(designationId).isEmpty()) {
            throw new NotFound("Designation " + id + " does not exist");
        }
        return store.touching(designationId);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("Designation " + id + " does not exist");
        }
    }
}
