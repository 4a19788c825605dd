package io.sanctionsradar.console.pages.designations;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.sanctionsradar.console.services.Service;
import io.sanctionsradar.console.services.ServiceProblem;
import io.sanctionsradar.console.services.Services;
import io.sanctionsradar.console.web.Query;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Designations and countermeasures found by any of their names, and one of them with its history and answers. */
@Path("/designations")
@Produces(MediaType.TEXT_HTML)
public class DesignationPages {

    static final int PAGE = 50;
    static final List<String> STATUSES = List.of("ACTIVE", "DELISTED");
    static final List<String> KINDS = List.of("DESIGNATION", "COUNTERMEASURE");

    /** The search and its filters, echoed back into the form and the paging links. */
    public record Filters(String q, String authority, String program, String sourceList, String status, String kind,
            String listedOn, int page) {
        Query query() {
            return Query.of("q", q, "authority", authority, "program", program, "sourceList", sourceList,
                    "status", status, "kind", kind, "listedOn", listedOn);
        }

        public String previous() {
            return page == 0 ? null : at(page - 1);
        }

        /** The next page's link, if the service found more than this page and those before it hold. */
        public String next(Number total) {
            return (long) (page + 1) * PAGE < total.longValue() ? at(page + 1) : null;
        }

        private String at(int other) {
            return "/designations" + query().and("page", other);
        }
    }

    @Location("DesignationPages/search.html")
    Template search;
    @Location("DesignationPages/designation.html")
    Template designation;
    @Inject
    Services services;
    @Inject
    DesignationView view;

    @GET
    public Response search(@QueryParam("q") String q, @QueryParam("authority") String authority,
            @QueryParam("program") String program, @QueryParam("sourceList") String sourceList,
            @QueryParam("status") String status, @QueryParam("kind") String kind,
            @QueryParam("listedOn") String listedOn, @QueryParam("page") @DefaultValue("0") int page) {
        Filters filters = new Filters(q, authority, program, sourceList, status, kind, listedOn, Math.max(0, page));
        try {
            JsonNode found = services.get(Service.DESIGNATION, "/api/v1/designations"
                    + filters.query().and("page", filters.page()).and("size", PAGE));
            return Response.ok(searchPage(filters, Services.plain(found), Map.of(), null)).build();
        } catch (ServiceProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            return Response.status(400).entity(searchPage(filters, null, problem.fieldErrors(), problem.detail()))
                    .build();
        }
    }

    @GET
    @Path("/{designationId}")
    public TemplateInstance designation(@PathParam("designationId") String designationId) {
        return view.page(designation, designationId);
    }

    private TemplateInstance searchPage(Filters filters, Object found, Map<String, String> errors, String problem) {
        return search.data("filters", filters).data("found", found).data("statuses", STATUSES).data("kinds", KINDS)
                .data("authorities", codes("/api/v1/authorities", "code"))
                .data("programmes", codes("/api/v1/programmes", "code"))
                .data("lists", codes("/api/v1/list-sources", "list"))
                .data("errors", errors).data("problem", problem);
    }

    /** Reference data for the form's choices; without it the fields still take typed codes. */
    private List<String> codes(String path, String field) {
        List<String> codes = new ArrayList<>();
        try {
            services.get(Service.DESIGNATION, path).forEach(item -> codes.add(item.path(field).asText()));
        } catch (ServiceProblem unavailable) {
            return List.of();
        }
        return codes;
    }
}
