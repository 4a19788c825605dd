package io.sanctionsradar.screening;

import io.sanctionsradar.infra.testing.KafkaTestClient;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test that publishes designation events: a broker client, and the topic as designation-service creates it. */
public abstract class DesignationTopicTest {

    protected KafkaTestClient kafka;

    @BeforeEach
    void designationServiceHasCreatedItsTopic() {
        kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        kafka.createCompactedTopic(TestEvents.TOPIC, 3);
    }

    @AfterEach
    void closeTheBrokerClient() {
        kafka.close();
    }
}
