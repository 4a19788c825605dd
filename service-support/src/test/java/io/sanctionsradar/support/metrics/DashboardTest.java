package io.sanctionsradar.support.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/grafana/sanctions-radar.json is a dashboard Grafana can load, and every metric it queries is one the
 * services register (a renamed meter would otherwise leave an empty panel that nobody notices).
 */
class DashboardTest {

    private static final Path ROOT = Path.of("..");
    private static final Path DASHBOARD = ROOT.resolve("deploy/grafana/sanctions-radar.json");
    // service-support too: meters the services share are registered there (UnpublishedRows)
    private static final List<String> SERVICES = List.of("designation-service", "screening-service",
            "notification-service", "service-support");
    // a metric in a query is always written with a selector: name{...}
    private static final Pattern METRIC = Pattern.compile("([a-z_][a-z0-9_]*)\\{");
    // Prometheus adds these to a meter's name: histogram and summary series, counters, the base unit
    private static final List<String> SERIES_SUFFIXES = List.of("_bucket", "_count", "_sum", "_max", "_total");
    private static final List<String> UNIT_SUFFIXES = List.of("_seconds", "_bytes");
    // registered by Micrometer's JVM, process and HTTP server binders, not by our code
    private static final Set<String> FRAMEWORK = Set.of("jvm_memory_used_bytes", "jvm_gc_pause_seconds_sum",
            "http_server_requests_seconds_count", "http_server_requests_seconds_sum", "process_cpu_usage");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_dashboard_is_json_with_a_prometheus_datasource_variable() throws IOException {
        JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());
        assertEquals("sanctions-radar", dashboard.path("uid").asText());
        JsonNode datasource = variable(dashboard, "datasource");
        assertEquals("datasource", datasource.path("type").asText());
        assertEquals("prometheus", datasource.path("query").asText());
        for (JsonNode panel : dashboard.path("panels")) {
            if (!panel.path("type").asText().equals("row")) {
                assertEquals("${datasource}", panel.path("datasource").path("uid").asText(), panel.path("title").asText());
                assertFalse(panel.path("targets").isEmpty(), panel.path("title").asText());
            }
        }
    }

    @Test
    void every_metric_the_dashboard_queries_is_registered_by_a_service() throws IOException {
        Set<String> queried = queriedMetrics(JSON.readTree(DASHBOARD.toFile()));
        assertTrue(queried.size() > 15, "the dashboard queries the domain metrics: " + queried);
        String sources = mainSources();

        List<String> unknown = new ArrayList<>();
        for (String metric : queried) {
            if (!FRAMEWORK.contains(metric) && meterNames(metric).stream().noneMatch(sources::contains)) {
                unknown.add(metric);
            }
        }
        assertEquals(List.of(), unknown, "queried by the dashboard, registered nowhere");
    }

    @Test
    void a_metric_name_maps_to_the_meter_names_it_may_come_from() {
        assertEquals(List.of("\"screening.duration.seconds\"", "\"screening.duration\""),
                meterNames("screening_duration_seconds_bucket"));
        assertEquals(List.of("\"alerts.raised\""), meterNames("alerts_raised_total"));
    }

    /** The Micrometer names (as Java string literals) that Prometheus exports under this metric name. */
    private static List<String> meterNames(String metric) {
        String name = metric;
        for (String suffix : SERIES_SUFFIXES) {
            if (name.endsWith(suffix)) {
                name = name.substring(0, name.length() - suffix.length());
                break;
            }
        }
        List<String> names = new ArrayList<>(List.of(name));
        for (String unit : UNIT_SUFFIXES) {
            if (name.endsWith(unit)) {
                names.add(name.substring(0, name.length() - unit.length()));
            }
        }
        return names.stream().map(n -> "\"" + n.replace('_', '.') + "\"").toList();
    }

    private static Set<String> queriedMetrics(JsonNode dashboard) {
        Set<String> metrics = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher m = METRIC.matcher(target.path("expr").asText());
                while (m.find()) {
                    metrics.add(m.group(1));
                }
            }
        }
        return metrics;
    }

    private static JsonNode variable(JsonNode dashboard, String name) {
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("name").asText().equals(name)) {
                return variable;
            }
        }
        throw new AssertionError("no variable " + name);
    }

    private static String mainSources() throws IOException {
        StringBuilder all = new StringBuilder();
        for (String service : SERVICES) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(service).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    all.append(Files.readString(file));
                }
            }
        }
        return all.toString();
    }
}
