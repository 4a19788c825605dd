package io.sanctionsradar.console.pages.designations;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.sanctionsradar.console.services.Service;
import io.sanctionsradar.console.services.ServiceProblem;
import io.sanctionsradar.console.services.Services;
import io.sanctionsradar.console.web.Query;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Everything the page of one designation or countermeasure shows: its current version, its versions with what each
 * changed, the analysts' subject links, what it answers, what answers it, and the graph of both.
 */
@ApplicationScoped
public class DesignationView {

    /** The answering countermeasures listed on the page; the rest are counted. */
    static final int ANSWERING = 100;
    /** Versions shown with their changes, newest first; older ones are rarely asked about. */
    static final int VERSIONS = 20;

    /** One version in the timeline with what changed since the one before. */
    public record Version(int version, String eventType, String changedAt, String changedBy,
            List<VersionDiff.Difference> differences) {
    }

    /**
     * One respondsTo answer: a designation named by id ({@code designations} holds it, if it still exists), or an
     * authority's action of a day ({@code designations} are that authority's listings of the day, {@code total} of
     * them in all, {@code more} lists them all).
     */
    public record Answer(String designationId, String authority, String actionDate, String description,
            List<Object> designations, long total, String more) {
    }

    private record Found(List<JsonNode> items, long total) {
    }

    @Inject
    Services services;

    public TemplateInstance page(Template template, String designationId) {
        String path = "/api/v1/designations/" + Query.encode(designationId);
        JsonNode designation = services.get(Service.DESIGNATION, path);
        List<Answer> answers = new ArrayList<>();
        Map<String, JsonNode> answered = new LinkedHashMap<>();
        long answeredTotal = 0;
        for (JsonNode respondsTo : designation.path("respondsTo")) {
            Answer answer = answer(respondsTo, answered);
            answers.add(answer);
            answeredTotal += answer.total();
        }
        Found answering = answering(designation);
        String sourceUrl = designation.path("sourceUrl").asText("");
        return template.data("d", Services.plain(designation))
                .data("sourceLink", sourceUrl.matches("(?i)https?://.+") ? sourceUrl : null)
                .data("answers", answers)
                .data("answering", answering.items().stream().map(Services::plain).toList())
                .data("answeringTotal", answering.total())
                .data("graph", graph(designation, answered, answeredTotal, answers, answering))
                .data("timeline", timeline(path))
                .data("links", Services.plain(services.get(Service.DESIGNATION, path + "/subject-links")));
    }

    private Answer answer(JsonNode respondsTo, Map<String, JsonNode> answered) {
        String designationId = respondsTo.path("designationId").asText("");
        String authority = respondsTo.path("authority").asText("");
        String actionDate = respondsTo.path("actionDate").asText("");
        String description = respondsTo.path("description").asText("");
        if (!designationId.isEmpty()) {
            List<Object> named = new ArrayList<>();
            try {
                JsonNode target = services.get(Service.DESIGNATION, "/api/v1/designations/" + Query.encode(designationId));
                answered.put(designationId, target);
                named.add(Services.plain(target));
            } catch (ServiceProblem problem) {
                if (problem.status() != 404) {
                    throw problem;
                }
            }
            return new Answer(designationId, authority, actionDate, description, named, 1, null);
        }
        Query action = Query.of("authority", authority, "listedOn", actionDate, "kind", "DESIGNATION");
        String more = "/designations" + action;
        Found listed = found(services.get(Service.DESIGNATION, "/api/v1/designations"
                + action.and("size", ResponseGraph.MAX_PER_SIDE)), d -> d.path("listedOn").asText().equals(actionDate));
        listed.items().forEach(d -> answered.putIfAbsent(d.path("designationId").asText(), d));
        return new Answer(null, authority, actionDate, description,
                listed.items().stream().map(Services::plain).toList(), listed.total(), more);
    }

    private Found answering(JsonNode designation) {
        JsonNode page = services.get(Service.DESIGNATION, "/api/v1/countermeasures" + Query.of("respondsTo",
                designation.path("designationId").asText(), "size", ANSWERING));
        return found(page, countermeasure -> Answers.answers(countermeasure, designation));
    }

    /**
     * The page's items that pass the check. Were some left out, the service did not know the filter, and the count
     * it gave is not theirs.
     */
    private static Found found(JsonNode page, Predicate<JsonNode> check) {
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        List<JsonNode> kept = items.stream().filter(check).toList();
        return new Found(kept, kept.size() < items.size() ? kept.size() : page.path("total").asLong(kept.size()));
    }

    private static ResponseGraph graph(JsonNode focus, Map<String, JsonNode> answered, long answeredTotal,
            List<Answer> answers, Found answering) {
        String answeredMore = answers.stream().map(Answer::more).filter(m -> m != null).findFirst().orElse("#answers");
        return new ResponseGraph(node(focus), answered.values().stream().map(DesignationView::node).toList(),
                Math.max(answeredTotal, answered.size()), answeredMore,
                answering.items().stream().map(DesignationView::node).toList(), answering.total(), "#answered-by");
    }

    private static ResponseGraph.Node node(JsonNode d) {
        return new ResponseGraph.Node(d.path("designationId").asText(), "COUNTERMEASURE".equals(d.path("kind").asText()),
                d.path("subject").path("name").asText(), d.path("authority").asText(), d.path("listedOn").asText());
    }

    /** Newest first, each version with the differences from the one before it. */
    private List<Version> timeline(String path) {
        List<JsonNode> history = new ArrayList<>();
        services.get(Service.DESIGNATION, path + "/history").forEach(history::add);
        int from = Math.max(0, history.size() - VERSIONS);
        List<Version> timeline = new ArrayList<>();
        JsonNode before = from == 0 ? null : version(path, history.get(from - 1).path("version").asInt());
        for (JsonNode entry : history.subList(from, history.size())) {
            boolean alone = before == null && history.size() == 1;
            JsonNode state = alone ? null : version(path, entry.path("version").asInt());
            timeline.add(0, new Version(entry.path("version").asInt(), entry.path("eventType").asText(),
                    entry.path("changedAt").asText(), entry.path("changedBy").asText(),
                    before == null ? List.of() : VersionDiff.between(before, state)));
            before = state;
        }
        return timeline;
    }

    private JsonNode version(String path, int version) {
        return services.get(Service.DESIGNATION, path + "/versions/" + version);
    }
}
