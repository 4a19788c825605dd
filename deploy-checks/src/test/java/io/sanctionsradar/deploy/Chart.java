package io.sanctionsradar.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** deploy/helm/sanctions-radar, rendered and linted by Helm's own library (helm-java), as `helm template` would. */
final class Chart {

    static final String RELEASE = "radar";
    static final Path ROOT = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
    static final Path DIRECTORY = ROOT.resolve("deploy/helm/sanctions-radar");
    static final Path PRODUCTION_VALUES = DIRECTORY.resolve("ci/production-values.yaml");

    private Chart() {
    }

    /** The chart with its default values and the given overrides, as Kubernetes objects. */
    static List<HasMetadata> render(Map<String, Object> overrides) {
        return Manifests.parse(template(null, overrides));
    }

    /** The chart with a values file (and overrides), as Kubernetes objects. */
    static List<HasMetadata> render(Path valuesFile, Map<String, Object> overrides) {
        return Manifests.parse(template(valuesFile, overrides));
    }

    static String template(Path valuesFile, Map<String, Object> overrides) {
        if (!Files.isDirectory(DIRECTORY)) {
            throw new IllegalStateException("no chart at " + DIRECTORY);
        }
        TemplateCommand template = new Helm(DIRECTORY).template().withName(RELEASE).withNamespace("sanctions");
        if (valuesFile != null) {
            template = template.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, Object> override : overrides.entrySet()) {
            template = template.set(override.getKey(), override.getValue());
        }
        return template.call();
    }

    static LintResult lint() {
        return new Helm(DIRECTORY).lint().strict().call();
    }
}
