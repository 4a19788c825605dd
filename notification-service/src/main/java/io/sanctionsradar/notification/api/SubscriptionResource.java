package io.sanctionsradar.notification.api;

import io.sanctionsradar.notification.delivery.Delivery;
import io.sanctionsradar.notification.delivery.DeliveryService;
import io.sanctionsradar.notification.delivery.DeliveryStore;
import io.sanctionsradar.notification.subscriptions.SubscriptionRequest;
import io.sanctionsradar.notification.subscriptions.SubscriptionService;
import io.sanctionsradar.support.api.Paging;
import io.sanctionsradar.support.errors.InvalidRequest;
import io.sanctionsradar.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions", description = "Webhook endpoints, the events they receive, and their deliveries")
public class SubscriptionResource {

    private static final int MAX_DELIVERIES_PAGE = 500;

    @Inject
    SubscriptionService subscriptions;

    @Inject
    DeliveryService deliveries;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSubscription", summary = "Subscribe a webhook URL to event types, optionally filtered",
            description = "Answers 201 with the signing secret (whsec_…), shown this once. Filters: authorities, "
                    + "programs, subjectTypes, countries, and portfolios (alerts only); an empty list passes all.")
    @RolesAllowed(Roles.SUBSCRIPTIONS_ADMIN)
    public Response create(@Valid @NotNull SubscriptionRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        SubscriptionService.Created created = subscriptions.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.subscription().id().toString()).build())
                .entity(SubscriptionView.of(created.subscription(), created.secret())).build();
    }

    @RolesAllowed({Roles.SUBSCRIPTIONS_ADMIN, Roles.AUDITOR})
    @GET
    @Operation(operationId = "listSubscriptions", summary = "Every subscription, oldest first (without secrets)")
    public SubscriptionView.Items<SubscriptionView> list() {
        return new SubscriptionView.Items<>(subscriptions.list().stream().map(s -> SubscriptionView.of(s, null))
                .toList());
    }

    @RolesAllowed({Roles.SUBSCRIPTIONS_ADMIN, Roles.AUDITOR})
    @GET
    @Path("/{id}")
    @Operation(operationId = "getSubscription", summary = "One subscription (without its secret)")
    public SubscriptionView get(@PathParam("id") UUID id) {
        return SubscriptionView.of(subscriptions.get(id), null);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceSubscription", summary = "Replace a subscription's URL, event types, filter and description",
            description = "\"enabled\": true re-enables one that was disabled (e.g. after its endpoint answered 410); "
                    + "its deliveries that were waiting then go out. The secret is kept.")
    @RolesAllowed(Roles.SUBSCRIPTIONS_ADMIN)
    public SubscriptionView replace(@PathParam("id") UUID id, @Valid @NotNull SubscriptionRequest request) {
        return SubscriptionView.of(subscriptions.replace(id, request), null);
    }

    @RolesAllowed(Roles.SUBSCRIPTIONS_ADMIN)
    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteSubscription", summary = "Remove a subscription, its waiting deliveries and its delivery log")
    public Response delete(@PathParam("id") UUID id) {
        subscriptions.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/test")
    @Operation(operationId = "testSubscription", summary = "Send a signed webhook.ping now and answer with the attempt",
            description = "Sent once, not retried; it appears in the delivery log like any delivery.")
    @RolesAllowed(Roles.SUBSCRIPTIONS_ADMIN)
    public Delivery test(@PathParam("id") UUID id) {
        return deliveries.ping(id);
    }

    @POST
    @Path("/{id}/secret/rotate")
    @Operation(operationId = "rotateSubscriptionSecret", summary = "Replace the signing secret; answers the new one, shown this once",
            description = "The old secret keeps signing alongside the new one (two signatures in webhook-signature) "
                    + "for the overlap, an ISO-8601 duration such as PT24H (the configured default when absent).")
    @RolesAllowed(Roles.SUBSCRIPTIONS_ADMIN)
    public SubscriptionService.Rotated rotate(@PathParam("id") UUID id, @QueryParam("overlap") String overlap) {
        Optional<Duration> keep;
        try {
            keep = Optional.ofNullable(overlap).map(Duration::parse);
        } catch (DateTimeParseException e) {
            throw InvalidRequest.of("overlap", "an ISO-8601 duration such as PT24H");
        }
        return subscriptions.rotateSecret(id, keep);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listSubscriptionDeliveries", summary = "The subscription's deliveries, newest first, each with every attempt",
            description = "status: PENDING, DELIVERED or DEAD. Page with before= the createdAt of the last one seen.")
    @RolesAllowed({Roles.SUBSCRIPTIONS_ADMIN, Roles.AUDITOR})
    public SubscriptionView.Items<Delivery> deliveries(@PathParam("id") UUID id,
                                                       @QueryParam("status") String status,
                                                       @QueryParam("before") String before,
                                                       @Parameter(schema = @Schema(type = SchemaType.INTEGER))
                                                       @QueryParam("limit") @DefaultValue("50") String limit) {
        int pageSize = Paging.limit(limit, MAX_DELIVERIES_PAGE);
        subscriptions.get(id); // 404 for an unknown subscription rather than an empty list
        List<Delivery> page = deliveries.list(id, statusOf(status), instantOf(before), pageSize);
        return new SubscriptionView.Items<>(page);
    }

    private static OffsetDateTime instantOf(String before) {
        try {
            return before == null ? null : OffsetDateTime.parse(before);
        } catch (DateTimeParseException e) {
            throw InvalidRequest.of("before", "an ISO-8601 date-time with offset, such as the createdAt of a delivery");
        }
    }

    private static DeliveryStore.Status statusOf(String status) {
        try {
            return status == null ? null : DeliveryStore.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of("status", "one of PENDING, DELIVERED, DEAD");
        }
    }
}
