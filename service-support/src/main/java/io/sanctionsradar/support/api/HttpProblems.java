package io.sanctionsradar.support.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsradar.support.errors.FieldError;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * Answers what the HTTP edge refuses before an endpoint sees the request (413, 414, 431) as problem+json naming
 * the part at fault, like every other error of the API, and closes the connection once the request is over.
 * A handler may refuse directly ({@link #refuse}) or fail the request with the status (Vert.x's body reader does).
 */
@ApplicationScoped
public class HttpProblems {

    private static final String ANSWERED = HttpProblems.class.getName() + ".answered";
    private static final String LIMIT = HttpProblems.class.getName() + ".limit";

    @Inject
    ObjectMapper mapper;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.get(ANSWERED) != null) {
                return; // the connection closing under the rest of a refused request: nothing went wrong
            }
            int status = context.statusCode();
            if (!context.response().ended() && (status == 413 || status == 414 || status == 431)) {
                Long limit = context.get(LIMIT);
                String within = limit == null ? "too large" : "at most " + limit + " bytes";
                refuse(context, status, "The " + partOf(status) + " of the request is larger than this service "
                        + "accepts: " + within, partOf(status), within);
            } else {
                context.next();
            }
        });
    }

    /** Remembers the limit a handler further on holds the request to, for the answer if it fails it. */
    public static void limit(RoutingContext context, long bytes) {
        context.put(LIMIT, bytes);
    }

    /** Answers {@code status} problem+json whose one error names {@code field}; the connection closes after. */
    public void refuse(RoutingContext context, int status, String detail, String field, String message) {
        Problem problem = new Problem("about:blank", title(status), status, detail, context.request().path(),
                List.of(new FieldError(field, message)));
        context.put(ANSWERED, status);
        // not closed at once: a client that sends its whole body before reading (Apache HttpClient, Python's
        // http.client) would meet a broken pipe instead of this answer; the rest is discarded, never parsed
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(json(problem));
    }

    private static String partOf(int status) {
        return switch (status) {
            case 414 -> "uri";
            case 431 -> "headers";
            default -> "body";
        };
    }

    private static String title(int status) {
        return switch (status) {
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            default -> "HTTP " + status;
        };
    }

    private String json(Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
