package io.sanctionsradar.designation;

import io.sanctionsradar.infra.testing.ServiceArchitectureTest;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("designation");
    }

    @Test
    void packages_depend_one_way_from_the_api_down_to_the_domain() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("api").definedBy("..designation.api..")
                .layer("imports").definedBy("..designation.imports..")
                .layer("service").definedBy("..designation.service..")
                .layer("messaging").definedBy("..designation.messaging..")
                .layer("persistence").definedBy("..designation.persistence..")
                .layer("domain").definedBy("..designation.domain..")
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("imports").mayOnlyBeAccessedByLayers("api")
                .whereLayer("service").mayOnlyBeAccessedByLayers("api", "imports")
                .whereLayer("messaging").mayOnlyBeAccessedByLayers("service")
                .whereLayer("persistence").mayOnlyBeAccessedByLayers("api", "imports", "service")
                .check(classes);
    }
}
