package io.sanctionsradar.console.pages;

import io.quarkus.oidc.OidcSession;
import io.sanctionsradar.console.signin.Viewer;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

import java.net.URI;

/** The front door: each role lands on the page of its daily work. */
@Path("/")
public class Home {

    @Inject
    Viewer viewer;
    @Inject
    OidcSession session;
    @Inject
    Template signedOut;

    @GET
    public Response land() {
        String page = viewer.can("screener") || viewer.can("auditor") ? "/alerts"
                : viewer.can("subscriptions-admin") ? "/webhooks" : "/lists";
        return Response.seeOther(URI.create(page)).build();
    }

    @GET
    @Path("signed-out")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance signedOut() {
        return signedOut.instance();
    }

    /** Ends the console session and forgets its tokens; the next page asks the identity provider again. */
    @POST
    @Path("sign-out")
    @Blocking
    public Response signOut() {
        session.logout().await().indefinitely();
        return Response.seeOther(URI.create("/signed-out")).build();
    }
}
