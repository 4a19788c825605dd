package io.sanctionsradar.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.sanctionsradar.infra.testing.LocalInfraTestResource;

/** Every @QuarkusTest of this module runs against the real broker and a fresh PostgreSQL database. */
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = {@ResourceArg(name = "database", value = "notification"),
                @ResourceArg(name = "incoming-channels", value = "designations,alerts")})
public final class RealInfrastructure {

    private RealInfrastructure() {
    }
}
