package io.sanctionsradar.console.pages.lists;

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
import jakarta.ws.rs.DefaultValue;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published lists: how fresh each is at designation-service, a sync on demand, every import with its report,
 * and an upload of a list file. Everyone reads the freshness; the history is for analysts and auditors, acting for
 * analysts (the service decides; the page offers only what the viewer may do).
 */
@Path("/lists")
@Produces(MediaType.TEXT_HTML)
public class ListPages {

    static final int PAGE = 50;
    /** The formats POST /api/v1/imports reads (docs/imports.md); the service names none over its API. */
    static final Map<String, String> FORMATS = formats();

    @Location("ListPages/lists.html")
    Template lists;
    @Location("ListPages/imports.html")
    Template imports;
    @Location("ListPages/import.html")
    Template oneImport;
    @Location("ListPages/upload.html")
    Template upload;
    @Inject
    Services services;
    @Inject
    Viewer viewer;

    /** The history filter, echoed into its form and paging links. */
    public record Filters(String list, int offset) {
        public String page(int at) {
            return "/lists/imports" + Query.of("list", list, "offset", at);
        }
    }

    @GET
    public TemplateInstance lists(@QueryParam("synced") String synced) {
        Object sync = synced == null || synced.isBlank() ? null
                : Services.plain(services.get(Service.DESIGNATION, "/api/v1/imports/" + Query.encode(synced)));
        return listsPage(sync, null, null);
    }

    @POST
    @Path("/{list}/sync")
    public Response sync(@PathParam("list") String list) {
        try {
            JsonNode record = services.post(Service.DESIGNATION,
                    "/api/v1/list-sources/" + Query.encode(list) + "/sync", Map.of());
            return Response.seeOther(URI.create("/lists" + Query.of("synced", record.path("importId").asText())))
                    .build();
        } catch (ServiceProblem problem) {
            if (problem.status() != 404 && problem.status() != 409) {
                throw problem;
            }
            return Response.status(problem.status()).entity(listsPage(null, list, problem.detail())).build();
        }
    }

    @GET
    @Path("/imports")
    public TemplateInstance history(@QueryParam("list") String list,
            @QueryParam("offset") @DefaultValue("0") int offset) {
        Filters filters = new Filters(list == null ? "" : list.strip(), Math.max(0, offset));
        JsonNode page = services.get(Service.DESIGNATION, "/api/v1/imports"
                + Query.of("list", filters.list(), "offset", filters.offset(), "size", PAGE));
        return imports.data("filters", filters).data("page", Services.plain(page)).data("lists", listNames());
    }

    @GET
    @Path("/imports/{importId}")
    public TemplateInstance oneImport(@PathParam("importId") String importId) {
        JsonNode record = services.get(Service.DESIGNATION, "/api/v1/imports/" + Query.encode(importId));
        return oneImport.data("imp", Services.plain(record));
    }

    @GET
    @Path("/upload")
    public TemplateInstance uploadForm() {
        viewer.require("analyst", "uploads lists");
        return uploadPage("", false, Map.of(), null);
    }

    @POST
    @Path("/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("format") String format, @RestForm("file") List<FileUpload> files,
            @RestForm("force") String force) {
        String chosen = format == null ? "" : format;
        boolean forced = "true".equals(force);
        List<FileUpload> given = files == null ? List.of()
                : files.stream().filter(f -> f.fileName() != null && !f.fileName().isBlank()).toList();
        if (given.isEmpty()) {
            return Response.status(400).entity(uploadPage(chosen, forced,
                    Map.of("file", "choose the list's file(s)"), null)).build();
        }
        try {
            JsonNode report = services.upload(Service.DESIGNATION, "/api/v1/imports",
                    Map.of("format", chosen, "force", String.valueOf(forced)), "file", attachments(given));
            return Response.seeOther(URI.create("/lists/imports/" + Query.encode(report.path("importId").asText())))
                    .build();
        } catch (ServiceProblem problem) {
            if (problem.status() != 400 && problem.status() != 409 && problem.status() != 413) {
                throw problem;
            }
            return Response.status(problem.status())
                    .entity(uploadPage(chosen, forced, problem.fieldErrors(), problem.detail())).build();
        }
    }

    private TemplateInstance listsPage(Object sync, String problemList, String problem) {
        JsonNode sources = services.get(Service.DESIGNATION, "/api/v1/list-sources");
        return lists.data("sources", Services.plain(sources)).data("sync", sync).data("problemList", problemList)
                .data("problem", problem);
    }

    private TemplateInstance uploadPage(String format, boolean force, Map<String, String> errors, String problem) {
        return upload.data("formats", FORMATS).data("format", format).data("force", force).data("errors", errors)
                .data("problem", problem);
    }

    private List<String> listNames() {
        List<String> names = new ArrayList<>();
        services.get(Service.DESIGNATION, "/api/v1/list-sources").forEach(s -> names.add(s.path("list").asText()));
        return names;
    }

    private static List<Services.Attachment> attachments(List<FileUpload> files) {
        List<Services.Attachment> attachments = new ArrayList<>();
        for (FileUpload file : files) {
            try {
                attachments.add(new Services.Attachment(file.fileName(), Files.readAllBytes(file.uploadedFile())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return attachments;
    }

    private static Map<String, String> formats() {
        Map<String, String> formats = new LinkedHashMap<>();
        formats.put("us-csl-csv", "US Consolidated Screening List (CSV)");
        formats.put("ofac-sdn-csv", "OFAC SDN (sdn.csv with alt.csv, add.csv, sdn_comments.csv)");
        formats.put("ofac-xml", "OFAC sdnList XML (SDN or CONSOLIDATED.XML)");
        formats.put("un-xml", "UN Security Council list (XML)");
        formats.put("uk-ofsi-2022", "UK OFSI consolidated list, 2022 format (.xlsx or .csv)");
        formats.put("uk-ofsi-csv", "UK OFSI consolidated list, older CSV");
        formats.put("eu-fsf-xml", "EU financial sanctions file (XML)");
        formats.put("ca-sema-xml", "Canada SEMA list (XML)");
        formats.put("au-dfat-xlsx", "Australia DFAT consolidated list (.xlsx)");
        formats.put("cn-countermeasures-csv", "China's countermeasures (OpenSanctions CSV)");
        formats.put("opensanctions-ftm", "OpenSanctions FollowTheMoney (entities or delta JSON)");
        return formats;
    }
}
