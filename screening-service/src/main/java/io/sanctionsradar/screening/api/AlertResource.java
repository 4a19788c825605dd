package io.sanctionsradar.screening.api;

import io.sanctionsradar.screening.monitoring.Alert;
import io.sanctionsradar.screening.monitoring.AlertService;
import io.sanctionsradar.screening.monitoring.AlertStore;
import io.sanctionsradar.screening.monitoring.MonitoringService;
import io.sanctionsradar.support.api.Paging;
import io.sanctionsradar.support.security.Portfolios;
import io.sanctionsradar.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts", description = "Hits of monitored parties on the watchlist, and analysts' decisions")
public class AlertResource {

    @Inject
    AlertService alerts;

    @Inject
    Portfolios portfolios;

    @GET
    @Operation(operationId = "listAlerts", summary = "A portfolio's alerts, newest first",
            description = "status: OPEN, FALSE_POSITIVE, TRUE_MATCH, SUPERSEDED or CLEARED; partyId narrows to one party.")
    @RolesAllowed({Roles.SCREENER, Roles.AUDITOR})
    public AlertStore.Page list(@QueryParam("portfolio") @DefaultValue(MonitoringService.DEFAULT_PORTFOLIO) String portfolio,
                                @QueryParam("status") String status,
                                @QueryParam("partyId") String partyId,
                                @Parameter(schema = @Schema(type = SchemaType.INTEGER))
                                @QueryParam("offset") @DefaultValue("0") String offset,
                                @Parameter(schema = @Schema(type = SchemaType.INTEGER))
                                @QueryParam("size") @DefaultValue("100") String size) {
        portfolios.check(portfolio);
        return alerts.list(portfolio, status, partyId, Paging.ofOffset(offset, size, AlertService.MAX_PAGE));
    }

    @RolesAllowed({Roles.SCREENER, Roles.AUDITOR})
    @GET
    @Path("/{alertId}")
    @Operation(operationId = "getAlert", summary = "One alert, with the party and the match as found and what triggered it")
    public Alert get(@PathParam("alertId") UUID alertId) {
        return alerts.find(alertId, portfolios::covers);
    }

    @POST
    @Path("/{alertId}/disposition")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decideAlert", summary = "Decide an alert: FALSE_POSITIVE or TRUE_MATCH, with a comment",
            description = "A dismissed alert does not come back until the entry or the party changes. 409 once the "
                    + "alert was cleared or superseded.")
    @RolesAllowed(Roles.SCREENER)
    public Alert decide(@PathParam("alertId") UUID alertId, AlertService.DispositionRequest request) {
        return alerts.decide(alertId, request, portfolios::covers);
    }
}
