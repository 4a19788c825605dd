package io.sanctionsradar.deploy;

import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartTest {

    static Stream<Rendered> renderings() {
        return Stream.of(Rendered.defaults(), Rendered.production());
    }

    @Test
    void helmLintFindsNothingWrongInStrictMode() {
        LintResult lint = Chart.lint();

        assertFalse(lint.isFailed(), () -> "helm lint: " + lint.getMessages());
        assertTrue(lint.getMessages().stream().noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]")),
                () -> "helm lint: " + lint.getMessages());
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void everyRenderedDocumentFitsItsKubernetesModelOnceByName(Rendered rendered) {
        // Chart.render parses each document strictly: reaching here means every one fitted its model
        Set<String> names = new HashSet<>();
        for (HasMetadata object : rendered.objects()) {
            assertTrue(names.add(object.getKind() + "/" + object.getMetadata().getName()),
                    () -> rendered + ": two " + object.getKind() + " named " + object.getMetadata().getName());
        }
        assertTrue(names.size() >= 16, () -> rendered + " rendered only " + names);
    }
}
