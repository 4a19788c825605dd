package io.sanctionsradar.console.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * Cross-site request forgery guard: a browser that sends a form or an htmx request to the console from another
 * site says so in {@code Sec-Fetch-Site} or {@code Origin}, and such a request is refused before it can act with
 * the viewer's session. Requests without either header (the OIDC back channel, scripts) are not a browser riding
 * on a cookie, and pass.
 */
public class SameOriginForms {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(preMatching = true)
    public Response guard(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod()) || sameOrigin(request.getHeaderString("Sec-Fetch-Site"),
                request.getHeaderString("Origin"), request.getUriInfo().getBaseUri())) {
            return null;
        }
        return Response.status(403).type("application/problem+json").entity(Map.of("title", "Forbidden",
                "status", 403, "detail", "a form of another site cannot act in the console",
                "errors", java.util.List.of(Map.of("field", "Origin", "message", "not this console")))).build();
    }

    static boolean sameOrigin(String fetchSite, String origin, URI self) {
        if (fetchSite != null) {
            return fetchSite.equals("same-origin") || fetchSite.equals("none");
        }
        if (origin == null) {
            return true;
        }
        try {
            URI from = URI.create(origin);
            return from.getScheme().equals(self.getScheme()) && from.getRawAuthority().equalsIgnoreCase(self.getRawAuthority());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
