package io.sanctionsradar.designation.api;

import io.quarkus.panache.common.Sort;
import io.sanctionsradar.designation.persistence.AuthorityEntity;
import io.sanctionsradar.designation.persistence.ProgrammeEntity;
import io.sanctionsradar.support.audit.AuditTrail;
import io.sanctionsradar.support.errors.InvalidRequest;
import io.sanctionsradar.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import java.util.Map;

/** The authorities that sanction and the programmes they sanction under. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data", description = "The authorities that sanction and the programmes they sanction under")
public class ReferenceDataResource {

    private static final String CODE = "[A-Z0-9][A-Z0-9._-]{0,63}";

    @Inject
    AuditTrail audit;

    public record Authority(String code, @NotBlank @Size(max = 256) String name,
                            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country) {
    }

    public record Programme(String code, @NotBlank @Size(max = 32) String authority,
                            @NotBlank @Size(max = 256) String name, @Size(max = 512) String legalBasis) {
    }

    @RolesAllowed({Roles.ANALYST, Roles.AUDITOR, Roles.SCREENER})
    @GET
    @Path("/authorities")
    @Operation(operationId = "listAuthorities", summary = "Every sanctioning authority")
    public List<Authority> authorities() {
        return AuthorityEntity.<AuthorityEntity>listAll(Sort.ascending("code")).stream()
                .map(a -> new Authority(a.code, a.name, a.country)).toList();
    }

    @RolesAllowed(Roles.ANALYST)
    @PUT
    @Path("/authorities/{code}")
    @Transactional
    @Operation(operationId = "putAuthority", summary = "Register or rename an authority")
    public Authority putAuthority(@PathParam("code") @Pattern(regexp = CODE) String code,
                                  @Valid @NotNull Authority authority) {
        AuthorityEntity entity = AuthorityEntity.findById(code);
        if (entity == null) {
            entity = new AuthorityEntity();
            entity.code = code;
        }
        entity.name = authority.name();
        entity.country = authority.country();
        entity.persist();
        audit.record("authority.saved", "authority/" + code, Map.of("name", entity.name,
                "country", entity.country == null ? "" : entity.country));
        return new Authority(code, entity.name, entity.country);
    }

    @RolesAllowed({Roles.ANALYST, Roles.AUDITOR, Roles.SCREENER})
    @GET
    @Path("/programmes")
    @Operation(operationId = "listProgrammes", summary = "Every sanctions programme")
    public List<Programme> programmes() {
        return ProgrammeEntity.<ProgrammeEntity>listAll(Sort.ascending("code")).stream()
                .map(p -> new Programme(p.code, p.authorityCode, p.name, p.legalBasis)).toList();
    }

    @RolesAllowed(Roles.ANALYST)
    @PUT
    @Path("/programmes/{code}")
    @Transactional
    @Operation(operationId = "putProgramme", summary = "Register or update a programme", description = "Its legal basis is the default for designations under it")
    public Programme putProgramme(@PathParam("code") @Pattern(regexp = CODE) String code,
                                  @Valid @NotNull Programme programme) {
        if (AuthorityEntity.findById(programme.authority()) == null) {
            throw InvalidRequest.of("authority", "unknown authority " + programme.authority());
        }
        ProgrammeEntity entity = ProgrammeEntity.findById(code);
        if (entity == null) {
            entity = new ProgrammeEntity();
            entity.code = code;
        } else if (!entity.authorityCode.equals(programme.authority())) {
            throw InvalidRequest.of("authority", "programme " + code
                    + " belongs to " + entity.authorityCode + "; its authority cannot change");
        }
        entity.authorityCode = programme.authority();
        entity.name = programme.name();
        entity.legalBasis = programme.legalBasis();
        entity.persist();
        audit.record("programme.saved", "programme/" + code, Map.of("authority", entity.authorityCode,
                "name", entity.name, "legalBasis", entity.legalBasis == null ? "" : entity.legalBasis));
        return new Programme(code, entity.authorityCode, entity.name, entity.legalBasis);
    }
}
