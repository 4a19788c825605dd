package io.sanctionsradar.support.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Holds every request body to its limit, as problem+json 413: a JSON body to {@code api.max-json-body-size}, any
 * other (multipart list uploads, CSV books and batches) to {@code quarkus.http.limits.max-body-size}. A body whose
 * Content-Length is over is refused before it is read; a JSON or form body without one (chunked) is read here,
 * counting the bytes as they arrive, and refused as soon as it grows past the limit. Other chunked bodies (CSV) are
 * streamed by their endpoint, whose reader stops at the general limit.
 */
@ApplicationScoped
public class RequestBodyLimits {

    private static final String REFUSED = RequestBodyLimits.class.getName() + ".refused";

    @ConfigProperty(name = "api.max-json-body-size")
    MemorySize maxJsonBodySize;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    @ConfigProperty(name = "quarkus.http.body.uploads-directory", defaultValue = "${java.io.tmpdir}/uploads")
    String uploadsDirectory;

    @Inject
    ObjectMapper mapper;

    void install(@Observes Router router) {
        long jsonLimit = maxJsonBodySize.asLongValue();
        long bodyLimit = maxBodySize.asLongValue();
        BodyHandler jsonReader = BodyHandler.create(false).setBodyLimit(jsonLimit);
        BodyHandler formReader = BodyHandler.create(uploadsDirectory).setBodyLimit(bodyLimit)
                .setDeleteUploadedFilesOnEnd(true);
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String media = mediaType(context);
            boolean json = media.startsWith("application/json") || media.contains("+json");
            long limit = json ? jsonLimit : bodyLimit;
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                if (length.matches("\\d{1,18}") && Long.parseLong(length) > limit) {
                    refuse(context, limit);
                } else {
                    context.next();
                }
            } else if (json) {
                jsonReader.handle(context);
            } else if (media.startsWith("multipart/form-data") || media.startsWith("application/x-www-form-urlencoded")) {
                formReader.handle(context);
            } else {
                context.next();
            }
        });
        // the body readers above fail the request with 413 once past the limit
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.get(REFUSED) != null) {
                return; // the connection closing under the rest of a refused body: nothing went wrong
            }
            if (context.statusCode() == 413 && !context.response().ended()) {
                refuse(context, mediaType(context).contains("json") ? jsonLimit : bodyLimit);
            } else {
                context.next();
            }
        });
    }

    private void refuse(RoutingContext context, long limit) {
        Problem problem = new Problem("about:blank", "Content Too Large", 413,
                "The request body is larger than this endpoint accepts: at most " + limit + " bytes",
                context.request().path(), List.of(new Problem.FieldError("body", "at most " + limit + " bytes")));
        context.put(REFUSED, limit);
        // the rest of the body is not read: the connection closes once the answer is out
        context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(done -> context.request().connection().close())
                .end(json(problem));
    }

    private String json(Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mediaType(RoutingContext context) {
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        return type == null ? "" : type.toLowerCase(Locale.ROOT);
    }
}
