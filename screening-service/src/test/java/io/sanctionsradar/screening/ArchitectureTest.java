package io.sanctionsradar.screening;

import io.sanctionsradar.infra.testing.ServiceArchitectureTest;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("screening");
    }

    // the engine's public surface is its root package; its stages are its own business
    @Test
    void only_the_matching_engine_facade_is_used() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.sanctionsradar.matching.*..").check(classes);
    }

    @Test
    void packages_depend_one_way_from_the_edges_down_to_the_watchlist() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("api").definedBy("..screening.api..")
                .layer("messaging").definedBy("..screening.messaging..")
                .layer("monitoring").definedBy("..screening.monitoring..")
                .layer("screenings").definedBy("..screening.screenings..")
                .layer("watchlist").definedBy("..screening.watchlist..")
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("messaging").mayOnlyBeAccessedByLayers("api", "monitoring") // wakes the alert relay
                .whereLayer("monitoring").mayOnlyBeAccessedByLayers("api")
                .whereLayer("screenings").mayOnlyBeAccessedByLayers("api", "monitoring")
                .whereLayer("watchlist").mayOnlyBeAccessedByLayers("api", "messaging", "monitoring", "screenings")
                .check(classes);
    }
}
