package io.sanctionsradar.designation.api;

import io.sanctionsradar.designation.sources.ListImport;
import io.sanctionsradar.designation.sources.ListIntake;
import io.sanctionsradar.designation.sources.ListSourceView;
import io.sanctionsradar.designation.sources.ListSources;
import io.sanctionsradar.support.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The configured list sources with their freshness, and "sync now". */
@Path("/api/v1/list-sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "List sources", description = "Where each list is published, how fresh it is, and syncs on demand")
public class ListSourceResource {

    @Inject
    ListSources sources;

    @Inject
    ListIntake intake;

    @GET
    @Operation(operationId = "listListSources", summary = "Every list with its source and freshness",
            description = "Configured sources and lists only ever uploaded; stale when the last good import is older "
                    + "than the source's maximum age.")
    @RolesAllowed({Roles.ANALYST, Roles.AUDITOR, Roles.SCREENER})
    public List<ListSourceView> list() {
        return sources.all();
    }

    @GET
    @Path("/{list}")
    @Operation(operationId = "getListSource", summary = "One list with its source and freshness")
    @RolesAllowed({Roles.ANALYST, Roles.AUDITOR, Roles.SCREENER})
    public ListSourceView get(@PathParam("list") String list) {
        return sources.one(list);
    }

    @POST
    @Blocking
    @Path("/{list}/sync")
    @Operation(operationId = "syncListSource", summary = "Sync a configured list now",
            description = "Downloads the list (conditionally) and imports it as a diff. Answers the import record: "
                    + "IMPORTED, UNCHANGED, FAILED (the download; the last good list keeps serving) or REFUSED "
                    + "(malformed or truncated). 404 for a list without a configured source; 409 while it syncs.")
    @RolesAllowed(Roles.ANALYST)
    public ListImport sync(@PathParam("list") String list) {
        return intake.sync(list, ListImport.Trigger.MANUAL);
    }
}
