package io.sanctionsradar.designation.api;

import io.sanctionsradar.designation.imports.ImportService;
import io.sanctionsradar.designation.imports.MalformedListException;
import io.sanctionsradar.designation.sources.ListImport;
import io.sanctionsradar.designation.sources.ListIntake;
import io.sanctionsradar.designation.sources.ListSourceStore;
import io.sanctionsradar.support.api.Paging;
import io.sanctionsradar.support.errors.NotFound;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import io.sanctionsradar.support.errors.InvalidRequest;
import io.sanctionsradar.support.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Imports of the published lists, each compared with what earlier imports of the same list recorded. */
@jakarta.ws.rs.Path("/api/v1/imports")
@Tag(name = "Imports", description = "Imports of the published lists, each compared with what earlier imports of the same list recorded")
public class ImportResource {

    private static final int MAX_PAGE = 500;

    @Inject
    ImportService imports;

    @Inject
    ListIntake intake;

    @Inject
    ListSourceStore history;

    @POST
    @Blocking
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importList", summary = "Import a published list", description = "multipart: format (ofac-sdn-csv, …), the list "
            + "file(s) as 'file' parts, optional force=true to accept a file that delists more than the configured "
            + "share of the list. Answers what was listed, amended, delisted, unchanged and rejected, and the "
            + "importId it is recorded under in the import history.")
    @RolesAllowed(Roles.ANALYST)
    public UploadReport importList(@RestForm String format, @RestForm("file") List<FileUpload> files,
                                   @RestForm String force) throws IOException {
        if (format == null || format.isBlank()) {
            throw InvalidRequest.of("format", "name the list's format, one of " + imports.formatNames());
        }
        if (files == null || files.isEmpty()) {
            throw InvalidRequest.of("file", "attach the list file(s) as 'file' parts");
        }
        if (force != null && !force.equals("true") && !force.equals("false")) {
            throw InvalidRequest.of("force", "must be true or false");
        }
        Map<String, Path> byName = new HashMap<>();
        for (FileUpload file : files) {
            String name = file.fileName() == null ? "" : Path.of(file.fileName()).getFileName().toString();
            byName.put(name.toLowerCase(Locale.ROOT), file.uploadedFile());
        }
        try {
            return UploadReport.of(intake.upload(format.trim(), byName, "true".equals(force)));
        } catch (MalformedListException e) {
            throw InvalidRequest.of("file", e.getMessage());
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listImports", summary = "The import history, newest first",
            description = "Every upload and sync with its trigger (SCHEDULE, MANUAL, UPLOAD), actor, outcome "
                    + "(IMPORTED, UNCHANGED, FAILED, REFUSED), the content's SHA-256 and size, and the report or error; "
                    + "list narrows it to one list.")
    @RolesAllowed({Roles.ANALYST, Roles.AUDITOR})
    public ListSourceStore.Page history(@QueryParam("list") @Size(max = 64) String list,
                                        @Parameter(schema = @Schema(type = SchemaType.INTEGER))
                                        @QueryParam("offset") @DefaultValue("0") String offset,
                                        @Parameter(schema = @Schema(type = SchemaType.INTEGER))
                                        @QueryParam("size") @DefaultValue("50") String size) {
        Paging paging = Paging.ofOffset(offset, size, MAX_PAGE);
        return history.imports(list, paging.offset(), paging.size());
    }

    @GET
    @jakarta.ws.rs.Path("/{importId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getImport", summary = "One import with its report")
    @RolesAllowed({Roles.ANALYST, Roles.AUDITOR})
    public ListImport one(@PathParam("importId") UUID importId) {
        return history.find(importId).orElseThrow(() -> new NotFound("No import " + importId));
    }

    /** Any other body: matched here rather than refused while routing, so the role check comes before the 415. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    @RolesAllowed(Roles.ANALYST)
    public void notMultipart() {
        throw new NotSupportedException("An import is a multipart/form-data upload: format and the list file(s)");
    }
}
