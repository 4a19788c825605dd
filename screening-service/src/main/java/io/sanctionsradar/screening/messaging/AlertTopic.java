package io.sanctionsradar.screening.messaging;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates {@code screening.alerts} at start (and, if Kafka was down then, before the first publish) with
 * time-based retention long enough to keep alerts as compliance evidence: not compacted, since every alert of a
 * party matters, not only its latest. Brokers do not create topics on first use, and their default retention
 * (7 days) would be far too short. An existing topic is left as it is.
 */
@ApplicationScoped
public class AlertTopic {

    private static final Logger LOG = Logger.getLogger(AlertTopic.class);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "alerts.topic")
    String topic;

    @ConfigProperty(name = "alerts.topic-partitions")
    int partitions;

    @ConfigProperty(name = "alerts.topic-retention")
    Duration retention;

    private volatile boolean ready;

    void onStart(@Observes StartupEvent start) {
        try {
            ensureAlertTopic();
        } catch (IllegalStateException e) {
            LOG.warnf("%s; the alert relay retries before it publishes", e.getMessage());
        }
    }

    public void ensureAlertTopic() {
        if (ready) {
            return;
        }
        NewTopic newTopic = new NewTopic(topic, Optional.of(partitions), Optional.empty()).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis())));
        try (AdminClient admin = AdminClient.create(TopicOffsets.adminSettings(kafkaConfig))) {
            admin.createTopics(List.of(newTopic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic, e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + topic, e);
        }
        ready = true;
    }
}
