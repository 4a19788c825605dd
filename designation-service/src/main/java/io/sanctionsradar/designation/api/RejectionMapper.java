package io.sanctionsradar.designation.api;

import io.sanctionsradar.designation.service.RequestRejected;
import io.sanctionsradar.support.api.Problem;
import io.sanctionsradar.support.api.ProblemMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The domain's refusals as problem+json, with the status each kind of refusal means in HTTP. */
public class RejectionMapper {

    @ServerExceptionMapper
    public Response rejected(RequestRejected e, UriInfo uri) {
        int status = switch (e.reason()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case PRECONDITION_FAILED -> 412;
            case UNPROCESSABLE -> 422;
        };
        String title = switch (e.reason()) {
            case INVALID -> "Invalid request";
            case NOT_FOUND -> "Not Found";
            case CONFLICT -> "Conflict";
            case PRECONDITION_FAILED -> "Precondition Failed";
            case UNPROCESSABLE -> "Unprocessable request";
        };
        return ProblemMapper.problem(status, title, e.getMessage(), uri, e.fieldErrors().stream()
                .map(f -> new Problem.FieldError(f.field(), f.message())).toList());
    }
}
