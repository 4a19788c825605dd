package io.sanctionsradar.console.services;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service refused or failed a call: its problem+json, kept so the page can show the {@code detail} next to the
 * field at fault ({@code errors[].field}). Status 502 with no field when the service could not be reached.
 */
public class ServiceProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final String detail;
    private final Map<String, String> fieldErrors;

    public ServiceProblem(int status, String title, String detail, Map<String, String> fieldErrors) {
        super(status + " " + title + ": " + detail);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.fieldErrors = fieldErrors;
    }

    static ServiceProblem from(Service service, int status, JsonNode body) {
        Map<String, String> fields = new LinkedHashMap<>();
        body.path("errors").forEach(error -> fields.merge(error.path("field").asText(""),
                error.path("message").asText(error.path("detail").asText("")), (a, b) -> a + "; " + b));
        String title = body.path("title").asText(service.label + " answered " + status);
        String detail = body.path("detail").asText(title);
        return new ServiceProblem(status, title, detail, fields);
    }

    static ServiceProblem unreachable(Service service, Exception cause) {
        return new ServiceProblem(502, service.label + " cannot be reached",
                service.label + " did not answer (" + cause.getClass().getSimpleName() + "); try again shortly.",
                Map.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    /** Message per field name as the service named it (e.g. {@code name}, {@code birthDate}). */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
