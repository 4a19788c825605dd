package io.sanctionsradar.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each application's pods, probes, resources, environment, Service and disruption budget, in both renderings. */
class WorkloadsTest {

    private static final Pattern DEFAULT_PORT = Pattern.compile("\\$\\{HTTP_PORT:(\\d+)}");
    private static final Set<String> SECRET_SETTINGS = Set.of(
            "DB_USER", "DB_PASSWORD", "WEBHOOKS_SECRET_KEY", "OIDC_CLIENT_SECRET");

    static Stream<Rendered> renderings() {
        return Stream.of(Rendered.defaults(), Rendered.production());
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void probesAskTheQuarkusHealthEndpointsOnThePortTheServiceListensOn(Rendered rendered) {
        for (String app : Rendered.APPS) {
            Container container = rendered.containerOf(app);
            int listensOn = Integer.parseInt(rendered.environment(container).get("HTTP_PORT"));
            ContainerPort http = container.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError(app + " names no http port"));

            assertEquals(defaultPort(app), listensOn, () -> rendered + ": " + app + " HTTP_PORT");
            assertEquals(listensOn, http.getContainerPort(), () -> rendered + ": " + app + " containerPort");
            assertProbe("/q/health/started", container.getStartupProbe().getHttpGet(), app);
            assertProbe("/q/health/live", container.getLivenessProbe().getHttpGet(), app);
            assertProbe("/q/health/ready", container.getReadinessProbe().getHttpGet(), app);
            // the startup probe must outlast the 15-30 s start, with room for a slow database
            int startupSeconds = container.getStartupProbe().getPeriodSeconds()
                    * container.getStartupProbe().getFailureThreshold();
            assertTrue(startupSeconds >= 90, () -> app + " gets only " + startupSeconds + " s to start");
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void everyContainerHasResourcesAndRunsUnprivilegedOnAReadOnlyRoot(Rendered rendered) {
        for (String app : Rendered.APPS) {
            PodSpec pod = rendered.podOf(app).getSpec();
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), app);
            assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), app);
            for (Container container : Stream.concat(pod.getInitContainers().stream(),
                    pod.getContainers().stream()).toList()) {
                String name = app + "/" + container.getName();
                var resources = container.getResources();
                assertNotNull(resources.getRequests().get("cpu"), () -> rendered + ": " + name + " cpu request");
                assertNotNull(resources.getRequests().get("memory"), () -> rendered + ": " + name + " memory");
                assertNotNull(resources.getLimits().get("memory"), () -> rendered + ": " + name + " memory limit");
                assertEquals(Boolean.TRUE, container.getSecurityContext().getReadOnlyRootFilesystem(), name);
                assertEquals(Boolean.FALSE, container.getSecurityContext().getAllowPrivilegeEscalation(), name);
                assertEquals(List.of("ALL"), container.getSecurityContext().getCapabilities().getDrop(), name);
            }
            Container service = rendered.containerOf(app);
            String tmpVolume = service.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                    .findFirst().orElseThrow(() -> new AssertionError(app + " has no writable /tmp")).getName();
            Volume tmp = pod.getVolumes().stream().filter(v -> v.getName().equals(tmpVolume)).findFirst().orElseThrow();
            assertNotNull(tmp.getEmptyDir(), () -> app + "'s /tmp is not an emptyDir");
            assertNotNull(tmp.getEmptyDir().getSizeLimit(), () -> app + "'s /tmp has no size limit");
            assertTrue(rendered.environment(service).get("JAVA_OPTS").contains("-XX:MaxRAMPercentage="),
                    () -> app + "'s heap does not follow its memory limit");
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void everyVariableSetIsOneTheApplicationReads(Rendered rendered) {
        for (String app : Rendered.APPS) {
            Container container = rendered.containerOf(app);
            Set<String> reads = ServiceSettings.of(app).environmentVariables();
            for (String name : rendered.environment(container).keySet()) {
                assertTrue(reads.contains(name),
                        () -> rendered + ": " + app + " reads no variable " + name);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void theServicesGetTheirInfrastructureAndIdentityProviderAndSecretsFromTheSecret(Rendered rendered) {
        List<String> infrastructure = List.of("KAFKA_BOOTSTRAP_SERVERS", "DB_HOST", "DB_PORT", "DB_NAME", "DB_USER",
                "DB_PASSWORD", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER");
        for (String service : ProducedTopics.SERVICES) {
            assertSets(rendered, service, infrastructure);
        }
        assertSets(rendered, "notification-service", List.of("WEBHOOKS_SECRET_KEY"));
        assertSets(rendered, "analyst-console", List.of("DESIGNATION_URL", "SCREENING_URL", "NOTIFICATION_URL",
                "OIDC_AUTH_SERVER_URL", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"));

        Set<String> secretsAvailable = new HashSet<>(rendered.all(Secret.class).stream()
                .map(s -> s.getMetadata().getName()).toList());
        secretsAvailable.add("sanctions-radar-credentials"); // existingSecret of the production values
        for (String app : Rendered.APPS) {
            for (EnvVar variable : rendered.containerOf(app).getEnv()) {
                boolean secret = SECRET_SETTINGS.contains(variable.getName());
                var reference = variable.getValueFrom() == null ? null : variable.getValueFrom().getSecretKeyRef();
                assertEquals(secret, reference != null, () -> rendered + ": " + app + " " + variable.getName());
                if (secret) {
                    assertTrue(secretsAvailable.contains(reference.getName()),
                            () -> rendered + ": " + variable.getName() + " from a Secret not there: " + reference);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void eachApplicationHasAServiceToItsPortAndADisruptionBudget(Rendered rendered) {
        for (String app : Rendered.APPS) {
            PodTemplateSpec pod = rendered.podOf(app);
            Service service = rendered.serviceOf(app);
            assertTrue(selects(service.getSpec().getSelector(), pod), () -> rendered + ": Service of " + app);
            assertEquals(defaultPort(app), service.getSpec().getPorts().get(0).getPort());
            assertEquals("http", service.getSpec().getPorts().get(0).getTargetPort().getStrVal());

            List<PodDisruptionBudget> budgets = rendered.all(PodDisruptionBudget.class).stream()
                    .filter(b -> selects(b.getSpec().getSelector().getMatchLabels(), pod)).toList();
            assertEquals(1, budgets.size(), () -> rendered + ": disruption budgets of " + app);
            assertEquals(1, budgets.get(0).getSpec().getMaxUnavailable().getIntVal(), app);
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void theConsoleCallsTheServicesAtTheirServices(Rendered rendered) {
        Map<String, String> console = rendered.environment(rendered.containerOf("analyst-console"));

        assertCalls(rendered, console.get("DESIGNATION_URL"), "designation-service");
        assertCalls(rendered, console.get("SCREENING_URL"), "screening-service");
        assertCalls(rendered, console.get("NOTIFICATION_URL"), "notification-service");
    }

    private static void assertCalls(Rendered rendered, String url, String app) {
        Matcher address = Pattern.compile("http://([a-z0-9-]+):(\\d+)").matcher(url);
        assertTrue(address.matches(), url);
        Service service = rendered.named(Service.class, address.group(1))
                .orElseThrow(() -> new AssertionError(rendered + ": the console calls no Service: " + url));
        assertTrue(selects(service.getSpec().getSelector(), rendered.podOf(app)), url);
        assertEquals(Integer.parseInt(address.group(2)), service.getSpec().getPorts().get(0).getPort(), url);
    }

    private static void assertSets(Rendered rendered, String app, List<String> names) {
        Set<String> set = rendered.environment(rendered.containerOf(app)).keySet();
        for (String name : names) {
            assertTrue(set.contains(name), () -> rendered + ": " + app + " gets no " + name);
        }
    }

    private static void assertProbe(String path, HTTPGetAction probe, String app) {
        assertEquals(path, probe.getPath(), app);
        assertEquals("http", probe.getPort().getStrVal(), app);
    }

    /** Whether the selector picks pods of this template (the StatefulSet controller adds each pod's own name). */
    static boolean selects(Map<String, String> selector, PodTemplateSpec pod) {
        Map<String, String> templateLabels = new HashMap<>(selector);
        templateLabels.remove("statefulset.kubernetes.io/pod-name");
        return !templateLabels.isEmpty()
                && pod.getMetadata().getLabels().entrySet().containsAll(templateLabels.entrySet());
    }

    private static int defaultPort(String app) {
        Matcher port = DEFAULT_PORT.matcher(ServiceSettings.of(app).value("quarkus.http.port"));
        assertTrue(port.matches(), app + " reads its port from HTTP_PORT");
        return Integer.parseInt(port.group(1));
    }
}
