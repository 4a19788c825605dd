package io.sanctionsradar.console.pages.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.sanctionsradar.console.services.Service;
import io.sanctionsradar.console.services.ServiceProblem;
import io.sanctionsradar.console.services.Services;
import io.sanctionsradar.console.signin.Viewer;
import io.sanctionsradar.console.web.FieldErrors;
import io.sanctionsradar.console.web.Query;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Webhook subscriptions: create one (its secret shown once), ping it, rotate its secret, read and retry its deliveries. */
@Path("/webhooks")
@Produces(MediaType.TEXT_HTML)
public class WebhookPages {

    static final int PAGE = 50;
    static final List<String> DELIVERY_STATUSES = List.of("PENDING", "DELIVERED", "DEAD");
    static final List<String> SUBJECT_TYPES = List.of("PERSON", "ORGANIZATION", "VESSEL", "AIRCRAFT");
    /** The event types a subscription may choose, grouped as docs/events.md describes them. */
    static final Map<String, List<String>> EVENT_TYPES = eventTypes();

    /** One page of a subscription's delivery log: its status filter and where it starts. */
    public record DeliveryLog(String subscriptionId, String status, String before) {
        public String newest() {
            return before == null || before.isBlank() ? null : "/webhooks/" + subscriptionId + Query.of("status", status);
        }

        /** The next older page, after the last delivery shown; none when this page was not full. */
        public String older(List<?> deliveries) {
            if (deliveries.size() < PAGE) {
                return null;
            }
            Object last = ((Map<?, ?>) deliveries.get(deliveries.size() - 1)).get("createdAt");
            return "/webhooks/" + subscriptionId + Query.of("status", status, "before", last);
        }
    }

    @Location("WebhookPages/list.html")
    Template list;
    @Location("WebhookPages/form.html")
    Template form;
    @Location("WebhookPages/secret.html")
    Template secret;
    @Location("WebhookPages/subscription.html")
    Template subscription;
    @Location("WebhookPages/delivery.html")
    Template delivery;
    @Inject
    Services services;
    @Inject
    Viewer viewer;

    @GET
    public TemplateInstance list() {
        return list.data("subscriptions", Services.plain(services.get(Service.NOTIFICATION, "/api/v1/subscriptions")));
    }

    @GET
    @Path("/new")
    public TemplateInstance newSubscription() {
        viewer.require("subscriptions-admin", "subscribes webhooks");
        return formPage(SubscriptionForm.blank(), Map.of(), null);
    }

    /** Answers the page with the secret rather than a redirect: the service shows it this once. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("url") String url, @FormParam("description") String description,
            @FormParam("eventTypes") List<String> eventTypes, @FormParam("authorities") String authorities,
            @FormParam("programs") String programs, @FormParam("subjectTypes") List<String> subjectTypes,
            @FormParam("countries") String countries, @FormParam("portfolios") String portfolios) {
        SubscriptionForm typed = new SubscriptionForm(url, description, eventTypes, authorities, programs,
                subjectTypes, countries, portfolios);
        if (typed.eventTypes().isEmpty()) {
            return Response.status(400).entity(formPage(typed, Map.of("eventTypes", "choose at least one"),
                    "The subscription needs at least one event type.")).build();
        }
        JsonNode created;
        try {
            created = services.post(Service.NOTIFICATION, "/api/v1/subscriptions", typed.body());
        } catch (ServiceProblem problem) {
            if (problem.status() != 400 && problem.status() != 409 && problem.status() != 422) {
                throw problem;
            }
            return Response.status(problem.status())
                    .entity(formPage(typed, FieldErrors.byInput(problem.fieldErrors()), problem.detail())).build();
        }
        return secretPage(created.path("id").asText(), created.path("secret").asText(), null, true);
    }

    @GET
    @Path("/{id}")
    public TemplateInstance subscription(@PathParam("id") String id, @QueryParam("status") String status,
            @QueryParam("before") String before, @QueryParam("ping") String ping) {
        return subscriptionPage(id, new DeliveryLog(id, status, before), ping, Map.of(), null);
    }

    @POST
    @Path("/{id}/test")
    public Response ping(@PathParam("id") String id) {
        JsonNode attempt = services.post(Service.NOTIFICATION, subscriptionPath(id) + "/test", Map.of());
        return Response.seeOther(URI.create("/webhooks/" + Query.encode(id)
                + Query.of("ping", attempt.path("id").asText()))).build();
    }

    @POST
    @Path("/{id}/rotate")
    public Response rotate(@PathParam("id") String id, @FormParam("overlap") String overlap) {
        JsonNode rotated;
        try {
            rotated = services.post(Service.NOTIFICATION, subscriptionPath(id) + "/secret/rotate"
                    + Query.of("overlap", overlap == null ? null : overlap.strip()), Map.of());
        } catch (ServiceProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            return Response.status(400).entity(subscriptionPage(id, new DeliveryLog(id, null, null), null,
                    problem.fieldErrors(), problem.detail())).build();
        }
        return secretPage(id, rotated.path("secret").asText(), rotated.path("previousSecretValidUntil").asText(null),
                false);
    }

    /** Resumes a subscription its endpoint turned off (410): the same subscription, put back enabled. */
    @POST
    @Path("/{id}/enable")
    public Response enable(@PathParam("id") String id) {
        JsonNode stored = services.get(Service.NOTIFICATION, subscriptionPath(id));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", stored.path("url").asText());
        body.put("eventTypes", stored.path("eventTypes"));
        body.put("filter", stored.path("filter"));
        body.put("description", stored.path("description").isNull() ? null : stored.path("description").asText());
        body.put("enabled", true);
        services.put(Service.NOTIFICATION, subscriptionPath(id), body);
        return Response.seeOther(URI.create("/webhooks/" + Query.encode(id))).build();
    }

    @POST
    @Path("/{id}/delete")
    public Response delete(@PathParam("id") String id) {
        services.delete(Service.NOTIFICATION, subscriptionPath(id));
        return Response.seeOther(URI.create("/webhooks")).build();
    }

    @GET
    @Path("/deliveries/{id}")
    public TemplateInstance delivery(@PathParam("id") String id) {
        return deliveryPage(id, null);
    }

    @POST
    @Path("/deliveries/{id}/retry")
    public Response retry(@PathParam("id") String id) {
        try {
            services.post(Service.NOTIFICATION, "/api/v1/deliveries/" + Query.encode(id) + "/retry", Map.of());
        } catch (ServiceProblem problem) {
            if (problem.status() != 409) {
                throw problem;
            }
            return Response.status(409).entity(deliveryPage(id, problem.detail())).build();
        }
        return Response.seeOther(URI.create("/webhooks/deliveries/" + Query.encode(id))).build();
    }

    private TemplateInstance subscriptionPage(String id, DeliveryLog log, String ping, Map<String, String> errors,
            String problem) {
        JsonNode stored = services.get(Service.NOTIFICATION, subscriptionPath(id));
        JsonNode deliveries = services.get(Service.NOTIFICATION, subscriptionPath(id) + "/deliveries"
                + Query.of("status", log.status(), "before", log.before(), "limit", PAGE));
        JsonNode pinged = ping == null || ping.isBlank() ? null
                : services.get(Service.NOTIFICATION, "/api/v1/deliveries/" + Query.encode(ping));
        return subscription.data("subscription", Services.plain(stored)).data("log", log)
                .data("deliveries", Services.plain(deliveries.path("items"))).data("statuses", DELIVERY_STATUSES)
                .data("ping", pinged == null ? null : Services.plain(pinged)).data("errors", errors)
                .data("problem", problem);
    }

    private TemplateInstance deliveryPage(String id, String problem) {
        return delivery.data("delivery", Services.plain(services.get(Service.NOTIFICATION,
                "/api/v1/deliveries/" + Query.encode(id)))).data("problem", problem);
    }

    private TemplateInstance formPage(SubscriptionForm typed, Map<String, String> errors, String problem) {
        return form.data("form", typed).data("eventTypes", EVENT_TYPES).data("subjectTypes", SUBJECT_TYPES)
                .data("errors", errors).data("problem", problem);
    }

    private Response secretPage(String id, String newSecret, String previousValidUntil, boolean created) {
        return Response.ok(secret.data("id", id).data("secret", newSecret).data("previousValidUntil", previousValidUntil)
                .data("created", created)).header("Cache-Control", "no-store").build();
    }

    private static String subscriptionPath(String id) {
        return "/api/v1/subscriptions/" + Query.encode(id);
    }

    private static Map<String, List<String>> eventTypes() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("Designations", List.of("sanctions.entity.listed", "sanctions.entity.amended",
                "sanctions.entity.delisted", "sanctions.countermeasure.imposed", "sanctions.countermeasure.lifted"));
        groups.put("Alerts (may be filtered by portfolio)", List.of("screening.match.found",
                "screening.match.amended", "screening.match.cleared"));
        groups.put("Subject links (take no filter)", List.of("sanctions.subject.linked", "sanctions.subject.unlinked"));
        groups.put("List syncs (take no filter)", List.of("sanctions.list.synced", "sanctions.list.sync-failed"));
        return groups;
    }
}
