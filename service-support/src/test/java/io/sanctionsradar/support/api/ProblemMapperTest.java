package io.sanctionsradar.support.api;

import io.sanctionsradar.support.errors.Conflict;
import io.sanctionsradar.support.errors.FieldError;
import io.sanctionsradar.support.errors.InvalidRequest;
import io.sanctionsradar.support.errors.NotFound;
import io.sanctionsradar.support.errors.PreconditionFailed;
import io.sanctionsradar.support.errors.RequestRejected;
import io.sanctionsradar.support.errors.Unprocessable;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProblemMapperTest {

    private static final String PATH = "/api/v1/things/7";

    @Test
    void invalid_input_is_400_naming_each_field_once_in_the_detail() {
        List<FieldError> errors = List.of(new FieldError("programs[0]", "unknown programme"),
                new FieldError("programs[0]", "belongs to another authority"), new FieldError("url", "not a URL"));
        assertEquals(new Problem("about:blank", "Invalid request", 400, "Invalid value for: programs[0], url", PATH,
                errors), problemOf(new InvalidRequest(errors), 400));
        assertEquals(new Problem("about:blank", "Invalid request", 400, "Invalid value for: force", PATH,
                List.of(new FieldError("force", "must be true or false"))),
                problemOf(InvalidRequest.of("force", "must be true or false"), 400));
    }

    @Test
    void each_other_refusal_has_its_own_status_and_title() {
        assertEquals(new Problem("about:blank", "Not Found", 404, "No alert 7", PATH, List.of()),
                problemOf(new NotFound("No alert 7"), 404));
        assertEquals(new Problem("about:blank", "Conflict", 409, "Alert 7 is CLEARED", PATH, List.of()),
                problemOf(new Conflict("Alert 7 is CLEARED"), 409));
        assertEquals(new Problem("about:blank", "Precondition Failed", 412, "at version 3, not 2", PATH, List.of()),
                problemOf(new PreconditionFailed("at version 3, not 2"), 412));
        List<FieldError> key = List.of(new FieldError("Idempotency-Key", "already used for a different request"));
        assertEquals(new Problem("about:blank", "Unprocessable request", 422, "key reused", PATH, key),
                problemOf(new Unprocessable("key reused", key), 422));
    }

    @Test
    void a_conflict_may_name_the_field_that_would_resolve_it() {
        List<FieldError> force = List.of(new FieldError("force", "needed for this delisting"));
        assertEquals(force, problemOf(new Conflict("would delist 9 of 10", force), 409).errors());
    }

    private static Problem problemOf(RequestRejected rejected, int status) {
        Response response = new ProblemMapper().rejected(rejected, uriAt(PATH));
        assertEquals(status, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        return (Problem) response.getEntity();
    }

    // only the path is read from the request's URI
    private static UriInfo uriAt(String path) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getPath") && method.getParameterCount() == 0) {
                        return path;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
