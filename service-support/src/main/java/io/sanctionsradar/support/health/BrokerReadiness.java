package io.sanctionsradar.support.health;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sanctionsradar.support.messaging.KafkaAdminSettings;
import io.smallrye.common.annotation.Identifier;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Readiness of the Kafka broker, answered at once from the last probe: a describeCluster with a one-second
 * timeout, sent every second in the background. Asking the broker inside the probe (Quarkus' own Kafka check)
 * leaves {@code /q/health/ready} without an answer for as long as the broker is gone.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    // a probe result older than this means the prober itself is stuck: say so rather than repeat old news
    static final Duration STALE_AFTER = Duration.ofSeconds(5);
    // the name Quarkus' own check had, so probes and dashboards that look for it still find it
    private static final String NAME = "Kafka connection health check";

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    Vertx vertx;

    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile Probe last = new Probe(false, "not probed yet", Instant.now());
    private Admin admin;
    private long timer = -1;

    record Probe(boolean up, String detail, Instant at) {
    }

    void start(@Observes StartupEvent started) {
        admin = Admin.create(adminConfig());
        probe();
        timer = vertx.setPeriodic(PROBE_INTERVAL.toMillis(), id -> probe());
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (admin != null) {
            admin.close(Duration.ZERO);
        }
    }

    @Override
    public HealthCheckResponse call() {
        Probe probe = last;
        boolean fresh = Duration.between(probe.at(), Instant.now()).compareTo(STALE_AFTER) < 0;
        String detail = fresh ? probe.detail() : "no probe result since " + probe.at();
        return HealthCheckResponse.named(NAME).status(fresh && probe.up())
                .withData("broker", detail).withData("checkedAt", probe.at().toString()).build();
    }

    /** Non-blocking: the admin client's own thread completes it; one probe at a time. */
    private void probe() {
        if (!probing.compareAndSet(false, true)) {
            return;
        }
        admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) PROBE_TIMEOUT.toMillis())).nodes()
                .whenComplete((nodes, failure) -> {
                    last = failure == null && !nodes.isEmpty()
                            ? new Probe(true, nodes.size() + " node(s)", Instant.now())
                            : new Probe(false, failure == null ? "no nodes" : failure.toString(), Instant.now());
                    probing.set(false);
                });
    }

    private Map<String, Object> adminConfig() {
        Map<String, Object> config = KafkaAdminSettings.of(kafkaConfig);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "broker-readiness");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, (int) PROBE_INTERVAL.toMillis());
        return config;
    }
}
