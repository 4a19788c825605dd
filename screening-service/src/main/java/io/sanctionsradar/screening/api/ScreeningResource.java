package io.sanctionsradar.screening.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanctionsradar.matching.SubjectType;
import io.sanctionsradar.screening.screenings.CsvScreening;
import io.sanctionsradar.screening.screenings.ReceiptStore;
import io.sanctionsradar.screening.screenings.ScreeningRequest;
import io.sanctionsradar.screening.screenings.ScreeningResult;
import io.sanctionsradar.screening.screenings.ScreeningService;
import io.sanctionsradar.support.api.Paging;
import io.sanctionsradar.support.errors.NotFound;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/api/v1/screenings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Screening", description = "Names screened against the watchlist, each answer kept as a receipt")
public class ScreeningResource {

    static final String NDJSON = "application/x-ndjson";
    private static final int MAX_BATCH_PAGE = 1000;

    @Inject
    ScreeningService screening;

    @Inject
    CsvScreening csv;

    @Inject
    ReceiptStore receipts;

    @Inject
    Portfolios portfolios;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "screenName", summary = "Screen one name", description = "Matches at or above the threshold, best first, with the "
            + "entry's authority, programmes and measures and an explanation. The receipt is kept under screeningId; "
            + "no answer goes out without it, so with the database down this answers 503 with Retry-After.")
    @RolesAllowed(Roles.SCREENER)
    public Response screen(ScreeningRequest request) {
        ScreeningResult result = screening.screen(request);
        return Response.ok(result).location(URI.create("/api/v1/screenings/" + result.screeningId())).build();
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "screenBatch", summary = "Screen up to 10,000 names (a JSON array of screening requests)",
            description = "Every query runs against the same watchlist version; each gets its own receipt and the "
                    + "batch one that lists them. Nothing is screened if any query is invalid.")
    @RolesAllowed(Roles.SCREENER)
    public ScreeningService.BatchResult batch(List<ScreeningRequest> queries) {
        return screening.screenBatch(queries);
    }

    @POST
    @Path("/batch")
    @Consumes({"text/csv", "application/csv"})
    @Produces(NDJSON)
    @Operation(operationId = "screenBatch", summary = "Screen a CSV file of up to 256 MB, read whole, then answered as a stream of NDJSON lines",
            description = "Columns: name (required), type, birthDate, country, reference. One line per record "
                    + "(its result, or its errors), then a summary line. Query parameters apply to every record. "
                    + "A bad header or a malformed record (an unclosed quote) refuses the file, naming the line.")
    @RolesAllowed(Roles.SCREENER)
    public Response batchCsv(InputStream body,
                             @QueryParam("threshold") Double threshold,
                             @QueryParam("limit") Integer limit,
                             @QueryParam("type") SubjectType type,
                             @QueryParam("authorities") List<String> authorities,
                             @QueryParam("programs") List<String> programs,
                             @QueryParam("sourceLists") List<String> sourceLists,
                             @QueryParam("includeDelisted") @DefaultValue("false") boolean includeDelisted)
            throws IOException {
        ScreeningRequest options = ScreeningRequest.options(type, threshold, limit, authorities, programs, sourceLists,
                includeDelisted);
        CsvScreening.Run run = csv.open(body, options);
        StreamingOutput output = run::writeTo;
        return Response.ok(output, NDJSON).build();
    }

    @RolesAllowed({Roles.SCREENER, Roles.AUDITOR})
    @GET
    @Path("/{screeningId}")
    @Operation(operationId = "getScreening", summary = "The receipt of an earlier screening, exactly as it was answered",
            description = "A monitored party's screening is seen only with a token covering its portfolio.")
    public JsonNode receipt(@PathParam("screeningId") String screeningId) {
        return receipts.find(uuid(screeningId), portfolios::covers)
                .orElseThrow(() -> new NotFound("No screening " + screeningId));
    }

    public record BatchPage(ReceiptStore.BatchReceipt batch, int offset, int size, List<JsonNode> results) {
    }

    @RolesAllowed({Roles.SCREENER, Roles.AUDITOR})
    @GET
    @Path("/batches/{batchId}")
    @Operation(operationId = "getScreeningBatch", summary = "A batch's receipt and a page of its results, in the order they were asked")
    public BatchPage batchReceipt(@PathParam("batchId") String batchId,
                                  @Parameter(schema = @Schema(type = SchemaType.INTEGER))
                                  @QueryParam("offset") @DefaultValue("0") String offset,
                                  @Parameter(schema = @Schema(type = SchemaType.INTEGER))
                                  @QueryParam("size") @DefaultValue("100") String size) {
        Paging page = Paging.ofOffset(offset, size, MAX_BATCH_PAGE);
        ReceiptStore.BatchReceipt batch = receipts.findBatch(uuid(batchId), portfolios::covers)
                .orElseThrow(() -> new NotFound("No screening batch " + batchId));
        return new BatchPage(batch, page.offset(), page.size(),
                receipts.batchResults(batch.batchId(), page.offset(), page.size()));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("No screening " + id);
        }
    }
}
