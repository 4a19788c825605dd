package io.sanctionsradar.console.pages.parties;

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
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/** A portfolio's book of monitored parties: paged and searched, one party with its alerts, edits, CSV uploads. */
@Path("/parties")
@Produces(MediaType.TEXT_HTML)
public class PartyPages {

    static final int PAGE = 50;
    static final List<String> TYPES = List.of("PERSON", "ORGANIZATION", "VESSEL", "AIRCRAFT");

    /** The book's portfolio, name search and page, echoed into its form and paging links. */
    public record Book(String portfolio, String q, int offset) {
        public String previousPage() {
            return offset == 0 ? null : page(Math.max(0, offset - PAGE));
        }

        public String nextPage(Object total) {
            return offset + PAGE < ((Number) total).longValue() ? page(offset + PAGE) : null;
        }

        private String page(int at) {
            return "/parties" + Query.of("portfolio", portfolio, "q", q).and("offset", at);
        }

        public String party(Object partyId) {
            return partyHref(String.valueOf(partyId), portfolio);
        }

        public String newParty() {
            return "/parties/new" + Query.of("portfolio", portfolio);
        }
    }

    /** The fields of the party form, as a browser posts them. */
    public static class Fields {
        @FormParam("partyId")
        public String partyId;
        @FormParam("name")
        public String name;
        @FormParam("type")
        public String type;
        @FormParam("birthDate")
        public String birthDate;
        @FormParam("country")
        public String country;
        @FormParam("identifiers")
        public String identifiers;

        PartyForm form() {
            return new PartyForm(partyId, name, type, birthDate, country, identifiers);
        }
    }

    @Location("PartyPages/book.html")
    Template book;
    @Location("PartyPages/party.html")
    Template party;
    @Location("PartyPages/form.html")
    Template form;
    @Location("PartyPages/bulk.html")
    Template bulk;
    @Inject
    Services services;
    @Inject
    Viewer viewer;

    @GET
    public TemplateInstance book(@QueryParam("portfolio") String portfolio, @QueryParam("q") String q,
            @QueryParam("offset") @DefaultValue("0") int offset) {
        Book shown = new Book(portfolioOrFirst(portfolio), q, Math.max(0, offset));
        try {
            JsonNode page = services.get(Service.SCREENING, "/api/v1/monitored-parties"
                    + Query.of("portfolio", shown.portfolio(), "q", q, "offset", shown.offset(), "size", PAGE));
            return bookPage(shown, Services.plain(page), Map.of(), null);
        } catch (ServiceProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            return bookPage(shown, null, problem.fieldErrors(), problem.detail());
        }
    }

    @GET
    @Path("/new")
    public TemplateInstance newParty(@QueryParam("portfolio") String portfolio) {
        viewer.require("screener", "adds parties");
        return formPage(portfolioOrFirst(portfolio), true, PartyForm.blank(), Map.of(), null);
    }

    @GET
    @Path("/{partyId}")
    public TemplateInstance party(@PathParam("partyId") String partyId, @QueryParam("portfolio") String portfolio) {
        String in = portfolioOrFirst(portfolio);
        JsonNode stored = services.get(Service.SCREENING, partyPath(partyId, in));
        JsonNode alerts = services.get(Service.SCREENING, "/api/v1/alerts"
                + Query.of("portfolio", in, "partyId", partyId, "size", 100));
        return party.data("party", Services.plain(stored)).data("portfolio", in)
                .data("alerts", Services.plain(alerts));
    }

    @GET
    @Path("/{partyId}/edit")
    public TemplateInstance edit(@PathParam("partyId") String partyId, @QueryParam("portfolio") String portfolio) {
        viewer.require("screener", "changes parties");
        String in = portfolioOrFirst(portfolio);
        PartyForm filled = PartyForm.of(services.get(Service.SCREENING, partyPath(partyId, in)));
        return formPage(in, false, filled, Map.of(), null);
    }

    /** Creates or changes a party: the service's PUT does both, screening it at once. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@FormParam("portfolio") String portfolio, @FormParam("creating") boolean creating,
            @BeanParam Fields fields) {
        PartyForm typed = fields.form();
        String in = portfolio == null ? "" : portfolio.strip();
        String partyId = typed.partyId() == null ? "" : typed.partyId().strip();
        String identifiersProblem = typed.identifiersProblem();
        if (identifiersProblem != null) {
            return Response.status(400).entity(formPage(in, creating, typed, Map.of("identifiers", identifiersProblem),
                    "Some identifiers cannot be read.")).build();
        }
        if (partyId.isEmpty()) {
            return Response.status(400).entity(formPage(in, creating, typed, Map.of("partyId", "must not be blank"),
                    "The party needs an id.")).build();
        }
        try {
            services.put(Service.SCREENING, partyPath(partyId, in), typed.body());
        } catch (ServiceProblem problem) {
            if (problem.status() != 400 && problem.status() != 409 && problem.status() != 422) {
                throw problem;
            }
            return Response.status(problem.status()).entity(formPage(in, creating, typed,
                    FieldErrors.byInput(problem.fieldErrors()), problem.detail())).build();
        }
        return Response.seeOther(URI.create(partyHref(partyId, in))).build();
    }

    @POST
    @Path("/{partyId}/delete")
    public Response delete(@PathParam("partyId") String partyId, @FormParam("portfolio") String portfolio) {
        services.delete(Service.SCREENING, partyPath(partyId, portfolio));
        return Response.seeOther(URI.create("/parties" + Query.of("portfolio", portfolio))).build();
    }

    /** A CSV book stored all or none: the counts, or the lines at fault. */
    @POST
    @Path("/bulk")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("portfolio") String portfolio, @RestForm("book") FileUpload file) {
        String in = portfolio == null ? "" : portfolio.strip();
        byte[] csv = file == null ? new byte[0] : read(file);
        if (csv.length == 0) {
            return Response.status(400).entity(bulk.data("portfolio", in).data("result", null)
                    .data("problem", "Choose a CSV file with a header line and at least one party.")
                    .data("errors", Map.of())).build();
        }
        try {
            JsonNode result = services.send(Service.SCREENING, "POST",
                    "/api/v1/monitored-parties/bulk" + Query.of("portfolio", in), "text/csv", csv);
            return Response.ok(bulk.data("portfolio", in).data("result", Services.plain(result))
                    .data("problem", null).data("errors", Map.of())).build();
        } catch (ServiceProblem problem) {
            if (problem.status() != 400 && problem.status() != 413 && problem.status() != 422) {
                throw problem;
            }
            return Response.status(problem.status()).entity(bulk.data("portfolio", in).data("result", null)
                    .data("problem", problem.detail()).data("errors", byLine(problem.fieldErrors()))).build();
        }
    }

    private TemplateInstance bookPage(Book shown, Object page, Map<String, String> errors, String problem) {
        return book.data("book", shown).data("page", page).data("errors", errors).data("problem", problem)
                .data("types", TYPES);
    }

    private TemplateInstance formPage(String portfolio, boolean creating, PartyForm typed, Map<String, String> errors,
            String problem) {
        return form.data("portfolio", portfolio).data("creating", creating).data("party", typed)
                .data("types", TYPES).data("errors", errors).data("problem", problem);
    }

    /** The portfolio asked for, else the viewer's first one; "default" for a viewer of every portfolio. */
    private String portfolioOrFirst(String portfolio) {
        if (portfolio != null && !portfolio.isBlank()) {
            return portfolio.strip();
        }
        return viewer.portfolios().stream().filter(p -> !p.equals("*")).findFirst().orElse("default");
    }

    static String partyHref(String partyId, String portfolio) {
        return "/parties/" + Query.encode(partyId) + Query.of("portfolio", portfolio);
    }

    private static String partyPath(String partyId, String portfolio) {
        return "/api/v1/monitored-parties/" + Query.encode(partyId) + Query.of("portfolio", portfolio);
    }

    private static Map<String, String> byLine(Map<String, String> errors) {
        Map<String, String> byLine = new java.util.LinkedHashMap<>();
        errors.forEach((field, message) -> byLine.put(FieldErrors.where(field), message));
        return byLine;
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
