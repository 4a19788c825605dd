package io.sanctionsradar.support.messaging;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates a service's topic with its partitions and settings (retention, compaction) at start and, if Kafka was
 * down then, before the first publish: brokers do not create topics on first use, and their defaults would not
 * keep events as long as the contract says. An existing topic is left as it is.
 */
public final class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);
    private static final long CREATE_TIMEOUT_SECONDS = 30;

    private final Map<String, Object> adminSettings;
    private final NewTopic topic;
    private volatile boolean ready;

    /** {@code kafkaConfig}: the connector's settings; {@code topicConfig}: e.g. cleanup.policy, retention.ms. */
    public TopicProvisioner(Map<String, Object> kafkaConfig, String name, int partitions,
                            Map<String, String> topicConfig) {
        this.adminSettings = KafkaAdminSettings.of(kafkaConfig);
        this.topic = new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(topicConfig);
    }

    public String name() {
        return topic.name();
    }

    /** At start: a broker that is down is no reason not to start, the relay tries again before it publishes. */
    public void tryToCreate() {
        try {
            ensureCreated();
        } catch (IllegalStateException e) {
            LOG.warnf("%s; the relay retries before it publishes", e.getMessage());
        }
    }

    /** Creates the topic unless it exists; throws {@link IllegalStateException} if the broker cannot tell. */
    public void ensureCreated() {
        if (ready) {
            return;
        }
        try (AdminClient admin = AdminClient.create(adminSettings)) {
            admin.createTopics(List.of(topic)).all().get(CREATE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic.name(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("cannot create topic " + topic.name(), e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + topic.name(), e);
        }
        ready = true;
    }
}
