package io.sanctionsradar.screening;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.sanctionsradar.infra.testing.LocalInfraTestResource;

/**
 * Every @QuarkusTest of this module runs against the real broker and a fresh PostgreSQL database, with a parties topic
 * of its own.
 */
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = {@ResourceArg(name = "database", value = "screening"),
                @ResourceArg(name = "incoming-channels", value = "designations,party-shards")})
@QuarkusTestResource(FreshPartiesTopic.class)
public final class RealInfrastructure {

    private RealInfrastructure() {
    }
}
