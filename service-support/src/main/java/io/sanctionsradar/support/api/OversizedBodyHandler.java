package io.sanctionsradar.support.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a JSON body larger than {@code api.max-json-body-size} as problem+json when its Content-Length says so
 * up front. Files (multipart list uploads, CSV books and batches) may be larger, up to
 * {@code quarkus.http.limits.max-body-size}, whose refusal by the HTTP layer has no body at all.
 */
@ApplicationScoped
public class OversizedBodyHandler {

    @ConfigProperty(name = "api.max-json-body-size")
    MemorySize maxJsonBodySize;

    void install(@Observes Router router) {
        long limit = maxJsonBodySize.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            String type = context.request().getHeader("Content-Type");
            String media = type == null ? "" : type.toLowerCase(java.util.Locale.ROOT);
            boolean json = media.startsWith("application/json") || media.contains("+json");
            if (json && length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > limit) {
                String body = """
                        {"type":"about:blank","title":"Content Too Large","status":413,\
                        "detail":"The request body has %s bytes; this service accepts at most %d","instance":"%s"}"""
                        .formatted(length, limit, context.request().path().replace("\"", ""));
                context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(body);
                return;
            }
            context.next();
        });
    }
}
