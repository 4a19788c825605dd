package io.sanctionsradar.infra.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Arrays;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture rules every service follows, stated once: each service's ArchitectureTest extends this and adds
 * its own layers. A service is named by its package below {@code io.sanctionsradar}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the classes are read once for all the rules
public abstract class ServiceArchitectureTest {

    private static final List<String> SERVICES = List.of("designation", "screening", "notification");

    private final String service;
    protected final JavaClasses classes;

    /** Checks the service's own classes, without tests and without the packages in {@code leftOut}. */
    protected ServiceArchitectureTest(String service, String... leftOut) {
        List<String> skipped = Arrays.stream(leftOut).map(p -> "/io/sanctionsradar/" + service + "/" + p + "/")
                .toList();
        this.service = service;
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> skipped.stream().noneMatch(location::contains))
                .importPackages("io.sanctionsradar." + service);
    }

    @Test
    void no_two_packages_depend_on_each_other() {
        slices().matching("io.sanctionsradar." + service + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    // the services meet through Kafka and HTTP only
    @Test
    void no_other_service_is_used() {
        String[] others = SERVICES.stream().filter(s -> !s.equals(service)).map(s -> "io.sanctionsradar." + s + "..")
                .toArray(String[]::new);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(others).check(classes);
    }

    // service and domain code refuses with io.sanctionsradar.support.errors; JAX-RS exceptions are the edge's
    @Test
    void only_the_api_uses_jax_rs_exceptions() {
        noClasses().that().resideOutsideOfPackage("..api..")
                .should().dependOnClassesThat().areAssignableTo("jakarta.ws.rs.WebApplicationException")
                .check(classes);
    }
}
