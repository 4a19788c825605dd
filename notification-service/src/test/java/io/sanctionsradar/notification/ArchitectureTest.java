package io.sanctionsradar.notification;

import io.sanctionsradar.infra.testing.ServiceArchitectureTest;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("notification");
    }

    @Test
    void packages_depend_one_way_from_the_edges_down_to_the_events() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("api").definedBy("..notification.api..")
                .layer("messaging").definedBy("..notification.messaging..")
                .layer("delivery").definedBy("..notification.delivery..")
                .layer("subscriptions").definedBy("..notification.subscriptions..")
                .layer("events").definedBy("..notification.events..")
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("messaging").mayNotBeAccessedByAnyLayer()
                .whereLayer("delivery").mayOnlyBeAccessedByLayers("api", "messaging")
                .whereLayer("subscriptions").mayOnlyBeAccessedByLayers("api", "messaging", "delivery")
                .check(classes);
    }
}
