package io.sanctionsradar.console.pages.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Each service's audit trail, newest first: who did what to which thing, filtered and paged back in time. */
@Path("/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPages {

    static final int PAGE = 100;
    static final List<String> SERVICES = List.of("designation", "screening", "notification");

    /** The filters as typed (since/until as wall times of the viewer), echoed into the form and paging links. */
    public record Filters(String service, String actor, String action, String target, String since, String until,
            String before) {
        Query query() {
            return Query.of("service", service, "actor", actor, "action", action, "target", target, "since", since,
                    "until", until);
        }

        public String newest() {
            return before == null || before.isBlank() ? null : "/audit" + query();
        }

        /** The page after {@code nextBefore}; none when the service says this page was the oldest. */
        String older(JsonNode nextBefore) {
            return nextBefore.isNumber() || nextBefore.isTextual() ? "/audit" + query().and("before", nextBefore.asText())
                    : null;
        }
    }

    @Location("AuditPages/trail.html")
    Template trail;
    @Inject
    Services services;
    @Inject
    Viewer viewer;

    @GET
    public Response trail(@QueryParam("service") @DefaultValue("designation") String service,
            @QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("target") String target, @QueryParam("since") String since,
            @QueryParam("until") String until, @QueryParam("before") String before) {
        String shown = SERVICES.contains(service) ? service : "designation";
        Filters filters = new Filters(shown, actor, action, target, since, until, before);
        Map<String, String> errors = new LinkedHashMap<>();
        String sinceIso = instant("since", since, errors);
        String untilIso = instant("until", until, errors);
        if (!errors.isEmpty()) {
            return Response.status(400).entity(page(filters, null, errors, "Some filters cannot be read.")).build();
        }
        try {
            JsonNode records = services.get(Service.valueOf(shown.toUpperCase(Locale.ROOT)), "/api/v1/audit"
                    + Query.of("actor", actor, "action", action, "target", target, "since", sinceIso,
                    "until", untilIso, "before", before, "limit", PAGE));
            return Response.ok(page(filters, Services.plain(withLinks(records)), Map.of(), null)
                    .data("older", filters.older(records.path("nextBefore")))).build();
        } catch (ServiceProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            return Response.status(400).entity(page(filters, null, problem.fieldErrors(), problem.detail())).build();
        }
    }

    private TemplateInstance page(Filters filters, Object records, Map<String, String> errors, String problem) {
        return trail.data("filters", filters).data("records", records).data("older", null).data("services", SERVICES)
                .data("errors", errors).data("problem", problem);
    }

    private String instant(String field, String local, Map<String, String> errors) {
        try {
            return LocalTimes.iso(local, viewer.zone());
        } catch (IllegalArgumentException e) {
            errors.put(field, e.getMessage());
            return null;
        }
    }

    /** Each record with its detail as one line of JSON and the console page of its target. */
    private static JsonNode withLinks(JsonNode records) {
        records.path("items").forEach(record -> {
            ObjectNode item = (ObjectNode) record;
            item.put("detailText", record.path("detail").isMissingNode() || record.path("detail").isNull()
                    || record.path("detail").isEmpty() ? "" : record.path("detail").toString());
            item.put("href", AuditTarget.href(record.path("target").asText(null)));
        });
        return records;
    }
}
