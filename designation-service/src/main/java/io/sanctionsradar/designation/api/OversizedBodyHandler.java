package io.sanctionsradar.designation.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body larger than {@code quarkus.http.limits.max-body-size} as problem+json when its Content-Length
 * says so up front; the HTTP layer's own refusal (for chunked bodies) has no body at all.
 */
@ApplicationScoped
public class OversizedBodyHandler {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > limit) {
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
