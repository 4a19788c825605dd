package io.sanctionsradar.support.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;

/**
 * Holds every request body to its limit, as problem+json 413: a JSON body to {@code api.max-json-body-size}, any
 * other (multipart list uploads, CSV books and batches) to {@code quarkus.http.limits.max-body-size}. A body whose
 * Content-Length is over is refused before it is read; a JSON or form body without one (chunked) is read here,
 * counting the bytes as they arrive, and refused as soon as it grows past the limit. Other chunked bodies (CSV) are
 * streamed by their endpoint, whose reader stops at the general limit. An HTTP/2 body without a length is left to
 * that reader too (the general limit), since a body read here cannot be handed on to RESTEasy under HTTP/2.
 */
@ApplicationScoped
public class RequestBodyLimits {

    @ConfigProperty(name = "api.max-json-body-size")
    MemorySize maxJsonBodySize;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    @ConfigProperty(name = "quarkus.http.body.uploads-directory", defaultValue = "${java.io.tmpdir}/uploads")
    String uploadsDirectory;

    @Inject
    HttpProblems problems;

    void install(@Observes Router router) {
        long jsonLimit = maxJsonBodySize.asLongValue();
        long bodyLimit = maxBodySize.asLongValue();
        // these fail the request with 413 once past the limit, which HttpProblems answers
        BodyHandler jsonReader = BodyHandler.create(false).setBodyLimit(jsonLimit);
        BodyHandler formReader = BodyHandler.create(uploadsDirectory).setBodyLimit(bodyLimit)
                .setDeleteUploadedFilesOnEnd(true);
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String media = mediaType(context);
            boolean json = media.startsWith("application/json") || media.contains("+json");
            long limit = json ? jsonLimit : bodyLimit;
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            HttpProblems.limit(context, limit);
            if (length != null) {
                if (length.matches("\\d{1,18}") && Long.parseLong(length) > limit) {
                    problems.refuse(context, 413, "The request body is larger than this endpoint accepts: at most "
                            + limit + " bytes", "body", "at most " + limit + " bytes");
                } else {
                    context.next();
                }
            } else if (context.request().version() == HttpVersion.HTTP_2) {
                // RESTEasy pauses the request it is given, which HTTP/2 refuses once a reader here has ended it
                context.next();
            } else if (json) {
                jsonReader.handle(context);
            } else if (media.startsWith("multipart/form-data") || media.startsWith("application/x-www-form-urlencoded")) {
                formReader.handle(context);
            } else {
                context.next();
            }
        });
    }

    private static String mediaType(RoutingContext context) {
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        return type == null ? "" : type.toLowerCase(Locale.ROOT);
    }
}
