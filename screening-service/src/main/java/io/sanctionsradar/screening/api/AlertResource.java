package io.sanctionsradar.screening.api;

import io.sanctionsradar.screening.monitoring.Alert;
import io.sanctionsradar.screening.monitoring.AlertService;
import io.sanctionsradar.screening.monitoring.AlertStore;
import io.sanctionsradar.screening.monitoring.MonitoringService;
import io.sanctionsradar.screening.monitoring.PortfolioScope;
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

import java.util.List;
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
    @Operation(operationId = "listAlerts", summary = "Alerts of one or more portfolios, newest first",
            description = "portfolio may be given several times; * reads every portfolio the token covers. "
                    + "status: OPEN, FALSE_POSITIVE, TRUE_MATCH, SUPERSEDED or CLEARED; partyId narrows to one party; "
                    + "authority (US-OFAC) and sourceList (US-CSL) to alerts raised by a listing of them; minScore "
                    + "(0 to 1) to alerts scoring at least that. sort: newest (newest raised first) or score "
                    + "(highest first, then newest).")
    @RolesAllowed({Roles.SCREENER, Roles.AUDITOR})
    public AlertStore.Page list(@Parameter(description = "A portfolio, repeatable; * for every one the token covers")
                                @QueryParam("portfolio") @DefaultValue(MonitoringService.DEFAULT_PORTFOLIO)
                                List<String> portfolio,
                                @QueryParam("status") String status,
                                @QueryParam("partyId") String partyId,
                                @QueryParam("authority") String authority,
                                @QueryParam("sourceList") String sourceList,
                                @Parameter(schema = @Schema(type = SchemaType.NUMBER, minimum = "0", maximum = "1"))
                                @QueryParam("minScore") String minScore,
                                @Parameter(schema = @Schema(enumeration = {"newest", "score"}, defaultValue = "newest"))
                                @QueryParam("sort") String sort,
                                @Parameter(schema = @Schema(type = SchemaType.INTEGER))
                                @QueryParam("offset") @DefaultValue("0") String offset,
                                @Parameter(schema = @Schema(type = SchemaType.INTEGER))
                                @QueryParam("size") @DefaultValue("100") String size) {
        PortfolioScope scope = PortfolioParameter.scope(portfolio, portfolios);
        return alerts.list(scope, new AlertService.Filters(status, partyId, authority, sourceList, minScore, sort),
                Paging.ofOffset(offset, size, AlertService.MAX_PAGE));
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
