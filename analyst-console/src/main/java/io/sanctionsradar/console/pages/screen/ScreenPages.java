package io.sanctionsradar.console.pages.screen;

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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Screening names by hand: one name with its ranked, explained matches and its receipt, or a customer CSV file
 * screened in one batch whose progress the page follows and whose result downloads as CSV.
 */
@Path("/screen")
@Produces(MediaType.TEXT_HTML)
public class ScreenPages {

    static final List<String> TYPES = List.of("PERSON", "ORGANIZATION", "VESSEL", "AIRCRAFT");
    static final String NDJSON = "application/x-ndjson";

    @Location("ScreenPages/screen.html")
    Template screen;
    @Location("ScreenPages/batch.html")
    Template batch;
    @Inject
    Services services;
    @Inject
    BatchRuns runs;
    @Inject
    Viewer viewer;

    @GET
    public TemplateInstance form() {
        return page(Map.of(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response screenName(@FormParam("name") String name, @FormParam("type") String type,
            @FormParam("birthDate") String birthDate, @FormParam("country") String country) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("name", name == null ? "" : name.strip());
        putIfGiven(query, "type", type);
        putIfGiven(query, "birthDate", birthDate);
        putIfGiven(query, "country", country);
        try {
            JsonNode result = services.post(Service.SCREENING, "/api/v1/screenings", query);
            return Response.seeOther(URI.create("/screen/receipts/" + Query.encode(result.path("screeningId").asText())))
                    .build();
        } catch (ServiceProblem problem) {
            if (problem.status() != 400 && problem.status() != 422) {
                throw problem;
            }
            return Response.status(problem.status()).entity(page(query, null)
                    .data("errors", problem.fieldErrors()).data("problem", problem.detail())).build();
        }
    }

    @GET
    @Path("/receipts/{screeningId}")
    public TemplateInstance receipt(@PathParam("screeningId") String screeningId) {
        JsonNode receipt = services.get(Service.SCREENING, "/api/v1/screenings/" + Query.encode(screeningId));
        return page(Services.plain(receipt.path("query")), Services.plain(receipt));
    }

    @POST
    @Path("/batches")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response screenFile(@RestForm("file") FileUpload file, @RestForm("threshold") String threshold) {
        if (file == null || file.fileName() == null || file.fileName().isBlank()) {
            return batchRefused(400, Map.of("file", "choose a CSV file"), null, threshold);
        }
        try {
            runs.reserve();
            long lines = lines(file.uploadedFile());
            InputStream answer = services.stream(Service.SCREENING, "/api/v1/screenings/batch"
                    + Query.of("threshold", threshold), "text/csv", file.uploadedFile(), NDJSON);
            BatchRun run = runs.start(viewer.name(), file.fileName(), lines, answer);
            return Response.seeOther(URI.create("/screen/batches/" + run.id())).build();
        } catch (BatchRuns.Busy busy) {
            return batchRefused(503, Map.of("file", busy.getMessage()), null, threshold);
        } catch (ServiceProblem problem) {
            if (problem.status() != 400 && problem.status() != 413 && problem.status() != 415) {
                throw problem;
            }
            return batchRefused(problem.status(), fileErrors(problem.fieldErrors()), problem.detail(), threshold);
        }
    }

    @GET
    @Path("/batches/{runId}")
    public TemplateInstance batchProgress(@PathParam("runId") String runId) {
        return batch.data("run", run(runId));
    }

    @GET
    @Path("/batches/{runId}/result.csv")
    @Produces("text/csv")
    public Response result(@PathParam("runId") String runId) {
        BatchRun run = run(runId);
        if (run.running()) {
            throw new ServiceProblem(409, "Still screening", "The result is ready when the screening has finished.",
                    Map.of());
        }
        StreamingOutput body = out -> Files.copy(run.result(), out);
        String name = "screening-" + (run.batchId() == null ? run.id() : run.batchId()) + ".csv";
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    private BatchRun run(String runId) {
        return runs.find(runId, viewer.name()).orElseThrow(() -> new ServiceProblem(404, "No such CSV screening",
                "This console keeps the CSV screenings you started for a day; this one is not among them.", Map.of()));
    }

    private TemplateInstance page(Object query, Object receipt) {
        return screen.data("query", query).data("receipt", receipt).data("types", TYPES).data("errors", Map.of())
                .data("problem", null).data("batchErrors", Map.of()).data("batchProblem", null)
                .data("threshold", "");
    }

    private Response batchRefused(int status, Map<String, String> errors, String problem, String threshold) {
        return Response.status(status).entity(page(Map.of(), null).data("batchErrors", errors)
                .data("batchProblem", problem).data("threshold", threshold == null ? "" : threshold)).build();
    }

    /** The service names a CSV's faults by its header or line ("[line 3]"); the form has one file field for them. */
    static Map<String, String> fileErrors(Map<String, String> serviceErrors) {
        Map<String, String> errors = new LinkedHashMap<>();
        serviceErrors.forEach((field, message) -> {
            if (field.equals("threshold")) {
                errors.put("threshold", message);
            } else {
                errors.merge("file", field.isBlank() ? message : field + ": " + message, (a, b) -> a + "; " + b);
            }
        });
        return errors;
    }

    /** Lines of the file (a last line without its line break counts), for the progress bar. */
    static long lines(java.nio.file.Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return lines(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long lines(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long count = 0;
        int last = '\n';
        int read;
        while ((read = in.read(buffer)) > 0) {
            for (int i = 0; i < read; i++) {
                if (buffer[i] == '\n') {
                    count++;
                }
            }
            last = buffer[read - 1];
        }
        return last == '\n' ? count : count + 1;
    }

    private static void putIfGiven(Map<String, String> query, String field, String value) {
        if (value != null && !value.isBlank()) {
            query.put(field, value.strip());
        }
    }
}
