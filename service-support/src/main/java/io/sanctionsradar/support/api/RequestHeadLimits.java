package io.sanctionsradar.support.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Comparator;
import java.util.Map;

/**
 * Holds the request line to {@code api.max-request-line-length} (414) and the headers to {@code api.max-header-size}
 * (431), answered as problem+json naming the part at fault. Vert.x refuses what is over
 * {@code quarkus.http.limits.max-initial-line-length} and {@code max-header-size} itself, before any route and with
 * an empty body (quarkusio/quarkus#55082), so those are set above ours: a backstop that ordinary clients never meet.
 */
@ApplicationScoped
public class RequestHeadLimits {

    @ConfigProperty(name = "api.max-request-line-length", defaultValue = "4096")
    int maxRequestLineLength;

    @ConfigProperty(name = "api.max-header-size", defaultValue = "20K")
    MemorySize maxHeaderSize;

    @Inject
    HttpProblems problems;

    void install(@Observes Router router) {
        long headerLimit = maxHeaderSize.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            HttpServerRequest request = context.request();
            // as on the wire: "GET /path?query HTTP/1.1"
            int lineLength = request.method().name().length() + request.uri().length() + " HTTP/1.1".length() + 1;
            if (lineLength > maxRequestLineLength) {
                problems.refuse(context, 414, "The request line has " + lineLength + " bytes; this service accepts at "
                        + "most " + maxRequestLineLength, "uri", "at most " + maxRequestLineLength + " bytes with "
                        + "the method and version: send long queries in a body");
            } else if (headerBytes(request) > headerLimit) {
                refuseHeaders(context, headerLimit);
            } else {
                context.next();
            }
        });
    }

    private void refuseHeaders(RoutingContext context, long limit) {
        Map.Entry<String, String> largest = context.request().headers().entries().stream()
                .max(Comparator.comparingInt(header -> header.getValue().length())).orElseThrow();
        problems.refuse(context, 431, "The request headers have " + headerBytes(context.request())
                        + " bytes; this service accepts at most " + limit, "headers." + largest.getKey(),
                "the largest header, " + largest.getValue().length() + " bytes");
    }

    /** Each header line as on the wire: "Name: value" and its line break. */
    private static long headerBytes(HttpServerRequest request) {
        return request.headers().entries().stream()
                .mapToLong(header -> header.getKey().length() + header.getValue().length() + 4).sum();
    }
}
