package io.sanctionsradar.console.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsradar.console.signin.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Calls the three services' REST APIs with the viewer's own token, so each service decides what this person may
 * see and do. JSON comes back as Jackson trees; templates read them as plain maps and lists ({@link #plain}).
 * A refusal becomes a {@link ServiceProblem} carrying the service's problem+json.
 */
@ApplicationScoped
public class Services {

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @ConfigProperty(name = "console.services.designation")
    String designation;
    @ConfigProperty(name = "console.services.screening")
    String screening;
    @ConfigProperty(name = "console.services.notification")
    String notification;
    @ConfigProperty(name = "console.services.timeout", defaultValue = "PT30S")
    Duration timeout;

    @Inject
    Viewer viewer;

    public JsonNode get(Service service, String path) {
        return json(service, request(service, path).GET());
    }

    public JsonNode post(Service service, String path, Object body) {
        return json(service, request(service, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public JsonNode put(Service service, String path, Object body) {
        return json(service, request(service, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public JsonNode delete(Service service, String path) {
        return json(service, request(service, path).DELETE());
    }

    /** A body of another type (a CSV book, a batch), answered with JSON. */
    public JsonNode send(Service service, String method, String path, String contentType, byte[] body) {
        return json(service, request(service, path).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A file to send in a multipart upload, under the name the user gave it. */
    public record Attachment(String fileName, byte[] content) {
    }

    /** A multipart/form-data upload: text fields and one file, answered with JSON. */
    public JsonNode upload(Service service, String path, Map<String, String> fields, String fileField,
            String fileName, byte[] file) {
        return upload(service, path, fields, fileField, List.of(new Attachment(fileName, file)));
    }

    /** A multipart/form-data upload: text fields and several files in parts of the same name, answered with JSON. */
    public JsonNode upload(Service service, String path, Map<String, String> fields, String fileField,
            List<Attachment> files) {
        String boundary = "console-" + UUID.randomUUID();
        Multipart body = new Multipart(boundary);
        fields.forEach(body::field);
        files.forEach(file -> body.file(fileField, file.fileName(), file.content()));
        return json(service, request(service, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
    }

    /**
     * A file sent as the body, its answer read as a stream: returns once the service has accepted the file (a refusal
     * throws), so the caller may read the answer after this request has ended; the caller closes the stream.
     */
    public InputStream stream(Service service, String path, String contentType, Path file, String accept) {
        HttpRequest.Builder request;
        try {
            request = request(service, path).header("Content-Type", contentType).header("Accept", accept)
                    .POST(HttpRequest.BodyPublishers.ofFile(file));
        } catch (FileNotFoundException e) {
            throw new IllegalStateException("the upload is gone: " + file, e);
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw ServiceProblem.unreachable(service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ServiceProblem.unreachable(service, e);
        }
        if (response.statusCode() >= 400) {
            try (InputStream body = response.body()) {
                throw problem(service, response.statusCode(), body.readAllBytes());
            } catch (IOException e) {
                throw ServiceProblem.unreachable(service, e);
            }
        }
        return response.body();
    }

    /** A non-JSON answer, as it came (a CSV result), with its content type. */
    public HttpResponse<byte[]> raw(Service service, String path, String accept) {
        HttpResponse<byte[]> response = exchange(service, request(service, path).header("Accept", accept).GET());
        if (response.statusCode() >= 400) {
            throw problem(service, response);
        }
        return response;
    }

    /** The tree as maps, lists, strings, numbers and booleans, which Qute reads by name. */
    public static Object plain(JsonNode node) {
        return JSON.convertValue(node, Object.class);
    }

    private HttpRequest.Builder request(Service service, String path) {
        return HttpRequest.newBuilder(URI.create(base(service) + path)).timeout(timeout)
                .header("Authorization", viewer.authorization()).header("Accept", "application/json");
    }

    private String base(Service service) {
        return switch (service) {
            case DESIGNATION -> designation;
            case SCREENING -> screening;
            case NOTIFICATION -> notification;
        };
    }

    private JsonNode json(Service service, HttpRequest.Builder request) {
        HttpResponse<byte[]> response = exchange(service, request);
        if (response.statusCode() >= 400) {
            throw problem(service, response);
        }
        try {
            return response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ServiceProblem(502, service.label + " answered something else than JSON", e.getMessage(),
                    Map.of());
        }
    }

    private HttpResponse<byte[]> exchange(Service service, HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw ServiceProblem.unreachable(service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ServiceProblem.unreachable(service, e);
        }
    }

    private static ServiceProblem problem(Service service, HttpResponse<byte[]> response) {
        return problem(service, response.statusCode(), response.body());
    }

    private static ServiceProblem problem(Service service, int status, byte[] answer) {
        JsonNode body;
        try {
            body = JSON.readTree(answer);
        } catch (IOException notJson) {
            body = JSON.createObjectNode().put("detail", new String(answer, StandardCharsets.UTF_8));
        }
        return ServiceProblem.from(service, status, body == null ? JSON.createObjectNode() : body);
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
