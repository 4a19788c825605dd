package io.sanctionsradar.support.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every /api/ request before it is matched to an endpoint, so a caller without a valid token learns
 * nothing else first: not that the body's type is wrong (415), nor that the path does not exist (404). A missing
 * token is refused as {@link UnauthorizedException}, a bad one as the authentication failure, both 401
 * problem+json through {@code ProblemMapper}; the endpoint's roles are checked after matching, as before.
 */
public class ApiAuthentication {

    @Inject
    CurrentIdentityAssociation identity;

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Uni<Void> authenticate(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return Uni.createFrom().voidItem();
        }
        return identity.getDeferredIdentity().onItem().transformToUni(caller -> caller.isAnonymous()
                ? Uni.createFrom().failure(new UnauthorizedException())
                : Uni.createFrom().voidItem());
    }
}
