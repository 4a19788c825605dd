package io.sanctionsradar.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sanctionsradar.console.services.ServiceProblem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A service's refusal that no form on the page could show beside a field: an error page with the service's own
 * title and detail, and its status (404 stays 404, 403 stays 403, an unreachable service is 502).
 */
@Provider
public class ProblemPages implements ExceptionMapper<ServiceProblem> {

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance problem(ServiceProblem problem);
    }

    @Override
    public Response toResponse(ServiceProblem problem) {
        return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.problem(problem)).build();
    }
}
