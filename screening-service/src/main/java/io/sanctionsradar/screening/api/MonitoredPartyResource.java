package io.sanctionsradar.screening.api;

import io.sanctionsradar.screening.monitoring.MonitoredParty;
import io.sanctionsradar.screening.monitoring.MonitoringService;
import io.sanctionsradar.screening.monitoring.PartyCsv;
import io.sanctionsradar.screening.monitoring.PartyDetails;
import io.sanctionsradar.screening.monitoring.PartyStore;
import io.sanctionsradar.screening.monitoring.PartyStore.Outcome;
import io.sanctionsradar.support.api.Paging;
import io.sanctionsradar.support.errors.NotFound;
import io.sanctionsradar.support.security.Portfolios;
import io.sanctionsradar.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/api/v1/monitored-parties")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Monitored parties", description = "A customer book per portfolio, screened when stored")
public class MonitoredPartyResource {

    @Inject
    MonitoringService monitoring;

    @Inject
    Portfolios portfolios;

    @PUT
    @Path("/{partyId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putMonitoredParty", summary = "Create or update a monitored party and screen it against the whole watchlist",
            description = "201 when created, 200 otherwise; the answer carries the screening (with its receipt id).")
    @RolesAllowed(Roles.SCREENER)
    public Response upsert(@PathParam("partyId") String partyId,
                           @QueryParam("portfolio") @DefaultValue(MonitoringService.DEFAULT_PORTFOLIO) String portfolio,
                           PartyDetails details) {
        portfolios.check(portfolio);
        MonitoringService.PartyScreening result = monitoring.upsert(portfolio, partyId, details);
        return Response.status(result.outcome() == Outcome.CREATED ? 201 : 200).entity(result).build();
    }

    @POST
    @Path("/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putMonitoredParties", summary = "Create or update up to 10,000 parties of one portfolio at once (all or none), then screen them",
            description = "Answers how many were created, updated or unchanged, the screening batch id, and the "
                    + "parties that matched an entry.")
    @RolesAllowed(Roles.SCREENER)
    public MonitoringService.BulkResult bulk(
            @QueryParam("portfolio") @DefaultValue(MonitoringService.DEFAULT_PORTFOLIO) String portfolio,
            List<PartyDetails> book) {
        portfolios.check(portfolio);
        return monitoring.bulk(portfolio, book);
    }

    @POST
    @Path("/bulk")
    @Consumes("text/csv")
    @Operation(operationId = "putMonitoredParties", summary = "Create or update up to 100,000 parties of one portfolio from a CSV file (all or none)",
            description = "Columns partyId, name, type, birthDate, country (a header line is required). A bad line "
                    + "refuses the whole file, naming the line; the answer is the same as for a JSON array.")
    @RolesAllowed(Roles.SCREENER)
    public MonitoringService.BulkResult bulkCsv(
            @QueryParam("portfolio") @DefaultValue(MonitoringService.DEFAULT_PORTFOLIO) String portfolio,
            java.io.InputStream body) {
        portfolios.check(portfolio);
        return monitoring.bulkCsv(portfolio, PartyCsv.read(body));
    }

    @RolesAllowed({Roles.SCREENER, Roles.AUDITOR}) // auditors read the book behind the alerts they audit
    @GET
    @Path("/{partyId}")
    @Operation(operationId = "getMonitoredParty", summary = "One monitored party")
    public MonitoredParty get(@PathParam("partyId") String partyId,
                              @QueryParam("portfolio") @DefaultValue(MonitoringService.DEFAULT_PORTFOLIO) String portfolio) {
        portfolios.check(portfolio);
        return monitoring.find(portfolio, partyId)
                .orElseThrow(() -> new NotFound("No party " + partyId + " in portfolio " + portfolio));
    }

    @RolesAllowed({Roles.SCREENER, Roles.AUDITOR})
    @GET
    @Operation(operationId = "listMonitoredParties", summary = "Monitored parties of one or more portfolios, by id",
            description = "portfolio may be given several times; * reads every portfolio the token covers. q narrows "
                    + "to parties whose name or party id contains it, in any case.")
    public PartyStore.Page list(@Parameter(description = "A portfolio, repeatable; * for every one the token covers")
                                @QueryParam("portfolio") @DefaultValue(MonitoringService.DEFAULT_PORTFOLIO)
                                List<String> portfolio,
                                @QueryParam("q") String q,
                                @Parameter(schema = @Schema(type = SchemaType.INTEGER))
                                @QueryParam("offset") @DefaultValue("0") String offset,
                                @Parameter(schema = @Schema(type = SchemaType.INTEGER))
                                @QueryParam("size") @DefaultValue("100") String size) {
        return monitoring.list(PortfolioParameter.scope(portfolio, portfolios), q,
                Paging.ofOffset(offset, size, MonitoringService.MAX_PAGE));
    }

    @RolesAllowed(Roles.SCREENER)
    @DELETE
    @Path("/{partyId}")
    @Operation(operationId = "deleteMonitoredParty", summary = "Stop monitoring a party")
    public Response delete(@PathParam("partyId") String partyId,
                           @QueryParam("portfolio") @DefaultValue(MonitoringService.DEFAULT_PORTFOLIO) String portfolio) {
        portfolios.check(portfolio);
        if (!monitoring.delete(portfolio, partyId)) {
            throw new NotFound("No party " + partyId + " in portfolio " + portfolio);
        }
        return Response.noContent().build();
    }
}
