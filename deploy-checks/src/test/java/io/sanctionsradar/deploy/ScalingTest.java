package io.sanctionsradar.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How each application scales, as values.yaml and the README say. */
class ScalingTest {

    @Test
    void screeningInstancesShareOneDatabaseAndKeepTheirWatchlistsThereUnderTheirPodNames() {
        Rendered rendered = Rendered.production();
        StatefulSet screening = rendered.named(StatefulSet.class, Chart.RELEASE + "-screening-service").orElseThrow();
        Container container = rendered.containerOf("screening-service");

        assertEquals(3, screening.getSpec().getReplicas());
        assertEquals("screening", variable(container, "DB_NAME").getValue());
        assertEquals("metadata.name",
                variable(container, "SCREENING_INSTANCE_ID").getValueFrom().getFieldRef().getFieldPath());
        assertTrue(container.getEnv().stream().noneMatch(v -> v.getValue() != null && v.getValue().contains("$(")),
                "no variable is built from another per pod");
    }

    @Test
    void anyScreeningInstanceAnswersMonitoringAndTheConsole() {
        Rendered rendered = Rendered.production();
        String consoleCalls = rendered.environment(rendered.containerOf("analyst-console")).get("SCREENING_URL");

        assertTrue(rendered.named(Service.class, Chart.RELEASE + "-screening-service-monitoring").isEmpty(),
                "no Service pins monitoring to one instance: the book is shared out over the instances");
        assertEquals("http://" + Chart.RELEASE + "-screening-service:8082", consoleCalls);
        assertEquals(Chart.RELEASE + "-screening-service", rendered.serviceOf("screening-service").getMetadata().getName());
    }

    @Test
    void severalConsolesPinEachClientToOnePod() {
        Service one = Rendered.defaults().serviceOf("analyst-console");
        Service two = Rendered.production().serviceOf("analyst-console");

        assertNull(one.getSpec().getSessionAffinity());
        assertEquals("ClientIP", two.getSpec().getSessionAffinity());
        assertTrue(two.getSpec().getSessionAffinityConfig().getClientIP().getTimeoutSeconds() >= 3600);
    }

    @Test
    void sharedDatabaseServicesScaleAsDeploymentsWithoutLosingAReadyPod() {
        Rendered rendered = Rendered.production();
        for (String app : new String[]{"designation-service", "notification-service", "analyst-console"}) {
            Deployment deployment = rendered.named(Deployment.class, Chart.RELEASE + "-" + app).orElseThrow();

            assertEquals(2, deployment.getSpec().getReplicas(), app);
            assertEquals(0, deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal(),
                    app);
        }
    }

    @Test
    void theDatabaseCreatedBeforeStartIsTheOneTheServiceUses() {
        Rendered rendered = Rendered.defaults();
        for (String app : ProducedTopics.SERVICES) {
            var pod = rendered.podOf(app).getSpec();
            Container creates = pod.getInitContainers().stream().filter(c -> c.getName().equals("create-database"))
                    .findFirst().orElseThrow(() -> new AssertionError(app + " creates no database"));

            assertEquals(variable(rendered.containerOf(app), "DB_NAME").getValue(),
                    variable(creates, "DB_NAME").getValue(), app);
            assertEquals(rendered.environment(rendered.containerOf(app)).get("DB_HOST"),
                    variable(creates, "PGHOST").getValue(), app);
        }
        Rendered managed = Rendered.with(null, Map.of("postgresql.createDatabases", false));
        assertTrue(managed.podOf("designation-service").getSpec().getInitContainers().isEmpty());
    }

    private static EnvVar variable(Container container, String name) {
        return container.getEnv().stream().filter(v -> v.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
    }
}
