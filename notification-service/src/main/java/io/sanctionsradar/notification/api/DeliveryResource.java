package io.sanctionsradar.notification.api;

import io.sanctionsradar.notification.delivery.Delivery;
import io.sanctionsradar.notification.delivery.DeliveryService;
import io.sanctionsradar.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deliveries", description = "One event to one subscription, with every attempt")
public class DeliveryResource {

    @Inject
    DeliveryService deliveries;

    @RolesAllowed({Roles.SUBSCRIPTIONS_ADMIN, Roles.AUDITOR})
    @GET
    @Path("/{id}")
    @Operation(operationId = "getDelivery", summary = "One delivery, with every attempt")
    public Delivery get(@PathParam("id") UUID id) {
        return deliveries.get(id);
    }

    @POST
    @Path("/{id}/retry")
    @Operation(operationId = "retryDelivery", summary = "Send a delivery again now, with a fresh retry schedule",
            description = "For a DEAD delivery after the endpoint is fixed, or to hurry a PENDING one. The webhook-id "
                    + "stays the same. 409 while an attempt is in flight.")
    @RolesAllowed(Roles.SUBSCRIPTIONS_ADMIN)
    public Response retry(@PathParam("id") UUID id) {
        return Response.accepted(deliveries.retry(id)).build();
    }
}
