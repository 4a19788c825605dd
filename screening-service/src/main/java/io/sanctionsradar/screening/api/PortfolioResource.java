package io.sanctionsradar.screening.api;

import io.sanctionsradar.screening.monitoring.MonitoringService;
import io.sanctionsradar.screening.monitoring.PortfolioStore;
import io.sanctionsradar.support.security.Portfolios;
import io.sanctionsradar.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/portfolios")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Portfolios", description = "The customer books the caller's token covers")
public class PortfolioResource {

    @Inject
    MonitoringService monitoring;

    @Inject
    Portfolios portfolios;

    @GET
    @Operation(operationId = "listPortfolios",
            summary = "The portfolios the token covers that hold parties or alerts, by name",
            description = "Each with its number of monitored parties and of OPEN alerts.")
    @RolesAllowed({Roles.SCREENER, Roles.AUDITOR})
    public PortfolioStore.PortfolioSummaries list() {
        return monitoring.portfolios(PortfolioParameter.covered(portfolios));
    }
}
