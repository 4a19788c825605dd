package io.sanctionsradar.deploy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema check the chart's tests rely on refuses what Kubernetes would. */
class StrictManifestsTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: radar-designation-service
            spec:
              selector:
                matchLabels: {app: designation}
              template:
                metadata:
                  labels: {app: designation}
                spec:
                  containers:
                    - name: designation-service
                      image: designation-service:0.1.0
                      %s:
                        httpGet: {path: /q/health/ready, port: http}
            """;

    @Test
    void aWellFormedDeploymentParses() {
        var objects = Manifests.parse(DEPLOYMENT.formatted("readinessProbe"));

        assertEquals(1, objects.size());
        Deployment deployment = assertInstanceOf(Deployment.class, objects.get(0));
        assertEquals("/q/health/ready", deployment.getSpec().getTemplate().getSpec().getContainers().get(0)
                .getReadinessProbe().getHttpGet().getPath());
    }

    @Test
    void aMisspeltFieldIsRefused() {
        var refused = assertThrows(IllegalArgumentException.class,
                () -> Manifests.parse(DEPLOYMENT.formatted("readinesProbe")));

        assertTrue(refused.getMessage().contains("readinesProbe"), refused::getMessage);
    }

    @Test
    void aKindTheChartDoesNotRenderIsRefused() {
        var refused = assertThrows(IllegalArgumentException.class, () -> Manifests.parse("""
                apiVersion: networking.k8s.io/v1
                kind: Ingres
                metadata: {name: console}
                """));

        assertTrue(refused.getMessage().contains("networking.k8s.io/v1/Ingres"), refused::getMessage);
    }
}
