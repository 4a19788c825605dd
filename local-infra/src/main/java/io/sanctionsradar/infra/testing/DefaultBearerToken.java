package io.sanctionsradar.infra.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Gives every RestAssured request of a @QuarkusTest a token with every role ({@link TestTokens#everything()}),
 * unless the request carries its own Authorization header: tests of refusal set theirs.
 */
public class DefaultBearerToken implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(AddToken.class::isInstance)) {
            RestAssured.filters(new AddToken(TestTokens.everything()));
        }
    }

    private record AddToken(String authorization) implements Filter {
        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                               FilterContext context) {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", authorization);
            }
            return context.next(request, response);
        }
    }
}
