package io.sanctionsradar.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One rendering of the chart, and the ways the tests look things up in it. */
record Rendered(String label, List<HasMetadata> objects) {

    static final List<String> APPS = List.of(
            "designation-service", "screening-service", "notification-service", "analyst-console");

    static Rendered defaults() {
        return new Rendered("default values", Chart.render(Map.of()));
    }

    static Rendered production() {
        return new Rendered("ci/production-values.yaml", Chart.render(Chart.PRODUCTION_VALUES, Map.of()));
    }

    static Rendered with(Path valuesFile, Map<String, Object> overrides) {
        return new Rendered("overrides " + overrides, Chart.render(valuesFile, overrides));
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> Optional<T> named(Class<T> kind, String name) {
        return all(kind).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    /** The pod template of the app's Deployment or StatefulSet. */
    PodTemplateSpec podOf(String app) {
        List<PodTemplateSpec> pods = new ArrayList<>();
        all(Deployment.class).stream().filter(d -> isOf(d, app)).forEach(d -> pods.add(d.getSpec().getTemplate()));
        all(StatefulSet.class).stream().filter(s -> isOf(s, app)).forEach(s -> pods.add(s.getSpec().getTemplate()));
        if (pods.size() != 1) {
            throw new AssertionError(label + ": " + pods.size() + " workloads of " + app + ", expected 1");
        }
        return pods.get(0);
    }

    Container containerOf(String app) {
        return podOf(app).getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(app)).findFirst()
                .orElseThrow(() -> new AssertionError(label + ": no container named " + app));
    }

    Service serviceOf(String app) {
        return named(Service.class, Chart.RELEASE + "-" + app)
                .orElseThrow(() -> new AssertionError(label + ": no Service " + Chart.RELEASE + "-" + app));
    }

    /** The container's environment by name: its own env and the keys of the ConfigMaps it takes whole. */
    Map<String, String> environment(Container container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            String name = source.getConfigMapRef().getName();
            ConfigMap configMap = named(ConfigMap.class, name)
                    .orElseThrow(() -> new AssertionError(label + ": envFrom names no rendered ConfigMap " + name));
            environment.putAll(configMap.getData());
        }
        for (EnvVar variable : container.getEnv()) {
            environment.put(variable.getName(), variable.getValue());
        }
        return environment;
    }

    static boolean isOf(HasMetadata object, String app) {
        return app.equals(object.getMetadata().getLabels().get("app.kubernetes.io/name"));
    }

    @Override
    public String toString() {
        return label;
    }
}
