package io.sanctionsradar.console.pages.designations;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** A countermeasure is a designation of another kind: the same page, which then shows what it answers. */
@Path("/countermeasures")
@Produces(MediaType.TEXT_HTML)
public class CountermeasurePages {

    @Location("DesignationPages/designation.html")
    Template designation;
    @Inject
    DesignationView view;

    @GET
    public Response all() {
        return Response.seeOther(URI.create("/designations?kind=COUNTERMEASURE")).build();
    }

    @GET
    @Path("/{designationId}")
    public TemplateInstance countermeasure(@PathParam("designationId") String designationId) {
        return view.page(designation, designationId);
    }
}
