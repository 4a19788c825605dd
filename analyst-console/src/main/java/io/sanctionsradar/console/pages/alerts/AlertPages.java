package io.sanctionsradar.console.pages.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.sanctionsradar.console.services.Service;
import io.sanctionsradar.console.services.ServiceProblem;
import io.sanctionsradar.console.services.Services;
import io.sanctionsradar.console.signin.Viewer;
import io.sanctionsradar.console.web.Query;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The alerts queue of the viewer's portfolios, one alert side by side with its listing, and the decision. */
@Path("/alerts")
@Produces(MediaType.TEXT_HTML)
public class AlertPages {

    static final int PAGE = 50;
    static final List<String> STATUSES = List.of("OPEN", "TRUE_MATCH", "FALSE_POSITIVE", "CLEARED", "SUPERSEDED");

    /** The filters of the queue, echoed back into its form and its paging links. */
    public record Filters(String status, String portfolio, String authority, String sourceList, String minScore,
            String sort, int offset) {
        Query query() {
            return Query.of("status", status, "portfolio", portfolio, "authority", authority, "sourceList",
                    sourceList, "minScore", minScore, "sort", sort);
        }

        public String page(int at) {
            return "/alerts" + query().and("offset", at);
        }
    }

    @Location("AlertPages/queue.html")
    Template queue;
    @Location("AlertPages/alert.html")
    Template alert;
    @Inject
    Services services;
    @Inject
    Viewer viewer;

    @GET
    public TemplateInstance queue(@QueryParam("status") @DefaultValue("OPEN") String status,
            @QueryParam("portfolio") @DefaultValue("*") String portfolio, @QueryParam("authority") String authority,
            @QueryParam("sourceList") String sourceList, @QueryParam("minScore") String minScore,
            @QueryParam("sort") @DefaultValue("newest") String sort,
            @QueryParam("offset") @DefaultValue("0") int offset) {
        Filters filters = new Filters(status, portfolio, authority, sourceList, minScore, sort, Math.max(0, offset));
        try {
            JsonNode page = services.get(Service.SCREENING, "/api/v1/alerts"
                    + filters.query().and("offset", filters.offset()).and("size", PAGE));
            return queuePage(filters, Services.plain(page), Map.of(), null);
        } catch (ServiceProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            return queuePage(filters, null, problem.fieldErrors(), problem.detail());
        }
    }

    @GET
    @Path("/{alertId}")
    public TemplateInstance alert(@PathParam("alertId") String alertId) {
        return alertPage(alertId, Map.of(), null, "");
    }

    @POST
    @Path("/{alertId}/decision")
    @Produces(MediaType.TEXT_HTML)
    public Response decide(@PathParam("alertId") String alertId, @FormParam("decision") String decision,
            @FormParam("comment") String comment, @FormParam("then") String then) {
        try {
            services.post(Service.SCREENING, "/api/v1/alerts/" + Query.encode(alertId) + "/disposition",
                    Map.of("decision", decision == null ? "" : decision, "comment", comment == null ? "" : comment));
        } catch (ServiceProblem problem) {
            if (problem.status() != 400 && problem.status() != 409) {
                throw problem;
            }
            return Response.status(problem.status())
                    .entity(alertPage(alertId, problem.fieldErrors(), problem.detail(), comment)).build();
        }
        return Response.seeOther(URI.create("next".equals(then) ? nextOpen(alertId) : "/alerts/" + alertId)).build();
    }

    private TemplateInstance alertPage(String alertId, Map<String, String> errors, String problem, String comment) {
        JsonNode alert = services.get(Service.SCREENING, "/api/v1/alerts/" + Query.encode(alertId));
        JsonNode match = alert.path("match");
        JsonNode listing = services.get(Service.SCREENING,
                "/api/v1/watchlist/entries/" + Query.encode(match.path("entryId").asText()));
        JsonNode history = services.get(Service.SCREENING, "/api/v1/alerts" + Query.of("portfolio",
                alert.path("portfolio").asText(), "partyId", alert.path("party").path("partyId").asText(), "size", 50));
        JsonNode explanation = match.path("explanation");
        return this.alert.data("alert", Services.plain(alert)).data("listing", Services.plain(listing))
                .data("facts", Agreement.of(alert.path("party"), listing.path("subject")))
                .data("partyName", Highlight.of(alert.path("party").path("name").asText(),
                        tokens(explanation, "queryTokens")))
                .data("matchedName", Highlight.of(match.path("matchedName").asText(), tokens(explanation, "entryTokens")))
                .data("history", Services.plain(history)).data("errors", errors).data("problem", problem)
                .data("comment", comment);
    }

    private TemplateInstance queuePage(Filters filters, Object page, Map<String, String> errors, String problem) {
        return queue.data("filters", filters).data("page", page).data("portfolios", portfolios())
                .data("statuses", STATUSES).data("errors", errors).data("problem", problem);
    }

    /** The oldest other open alert of the viewer's portfolios, for deciding one after another. */
    private String nextOpen(String decided) {
        JsonNode page = services.get(Service.SCREENING, "/api/v1/alerts" + Query.of("status", "OPEN",
                "portfolio", "*", "size", 2));
        for (JsonNode alert : page.path("items")) {
            if (!alert.path("alertId").asText().equals(decided)) {
                return "/alerts/" + alert.path("alertId").asText();
            }
        }
        return "/alerts";
    }

    private List<String> portfolios() {
        if (!viewer.allPortfolios()) {
            return viewer.portfolios();
        }
        try {
            List<String> known = new java.util.ArrayList<>();
            services.get(Service.SCREENING, "/api/v1/portfolios").path("items")
                    .forEach(p -> known.add(p.path("portfolio").asText()));
            return known;
        } catch (ServiceProblem unavailable) {
            return List.of();
        }
    }

    static Set<String> tokens(JsonNode explanation, String side) {
        Set<String> tokens = new HashSet<>();
        explanation.path("tokenMatches").forEach(m -> m.path(side).forEach(t -> tokens.add(t.asText())));
        return tokens;
    }
}
