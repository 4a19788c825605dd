package io.sanctionsradar.support.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.sanctionsradar.support.errors.Conflict;
import io.sanctionsradar.support.errors.FieldError;
import io.sanctionsradar.support.errors.InvalidRequest;
import io.sanctionsradar.support.errors.NotFound;
import io.sanctionsradar.support.errors.PreconditionFailed;
import io.sanctionsradar.support.errors.RequestRejected;
import io.sanctionsradar.support.errors.Unprocessable;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Turns every error the API can raise into application/problem+json (RFC 9457). */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private record Answer(int status, String title) {
    }

    // the HTTP status and title of each kind of refusal the services raise
    private static final Map<Class<? extends RequestRejected>, Answer> REJECTIONS = Map.of(
            InvalidRequest.class, new Answer(400, "Invalid request"),
            NotFound.class, new Answer(404, "Not Found"),
            Conflict.class, new Answer(409, "Conflict"),
            PreconditionFailed.class, new Answer(412, "Precondition Failed"),
            Unprocessable.class, new Answer(422, "Unprocessable request"));

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return rejected(new InvalidRequest(errors), uri);
    }

    @ServerExceptionMapper
    public Response rejected(RequestRejected e, UriInfo uri) {
        Answer answer = REJECTIONS.get(e.getClass());
        return problem(answer.status(), answer.title(), e.getMessage(), uri, e.errors());
    }

    // registered for this type too, else Quarkus' built-in mapper for it answers plain JSON
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return rejected(InvalidRequest.of(field, mapping.getOriginalMessage()), uri);
        }
        return problem(400, "Malformed JSON", "The request body is not valid JSON: " + e.getOriginalMessage(),
                uri, List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri); // the body reader wraps syntax errors in a 400
        }
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "HTTP " + status;
        return problem(status, title, e.getMessage() != null ? e.getMessage() : title, uri, List.of());
    }

    @ServerExceptionMapper
    public Response missingToken(UnauthorizedException e, UriInfo uri) {
        return problemResponse(401, "Unauthorized", "This endpoint needs a bearer token: Authorization: Bearer <JWT>", uri,
                List.of()).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response refusedToken(AuthenticationFailedException e, UriInfo uri) {
        // the reason (expired, signature, issuer) goes to the debug log only, and never the token itself
        LOG.debugf("bearer token refused on %s: %s", uri.getPath(), rootMessage(e));
        return problemResponse(401, "Unauthorized", "The bearer token was refused: it is malformed, expired, not signed by "
                        + "the trusted key or not from the expected issuer", uri, List.of())
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        String detail = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage()
                : "The token's roles do not allow this request";
        return problem(403, "Forbidden", detail, uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (DatabaseOutage.explains(e)) {
            return DatabaseOutage.answer(e, uri);
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", reference, uri.getPath());
        return problem(500, "Internal Server Error",
                "An unexpected error occurred; quote reference " + reference + " when reporting it", uri, List.of());
    }

    public static Response problem(int status, String title, String detail, UriInfo uri,
                                    List<FieldError> errors) {
        return problemResponse(status, title, detail, uri, errors).build();
    }

    private static Response.ResponseBuilder problemResponse(int status, String title, String detail, UriInfo uri,
                                                            List<FieldError> errors) {
        Problem body = new Problem("about:blank", title, status, detail, uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** "create.request.subject.name" (method, parameter, then the bean path) → "subject.name". */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString().replace(".<list element>", "");
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }
}
