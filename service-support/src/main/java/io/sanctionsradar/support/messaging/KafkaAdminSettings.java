package io.sanctionsradar.support.messaging;

import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.HashMap;
import java.util.Map;

/** The admin client's share of the Kafka connector's settings. */
public final class KafkaAdminSettings {

    private KafkaAdminSettings() {
    }

    /** Only what an admin client understands (bootstrap servers, security …), so that it logs no warnings. */
    public static Map<String, Object> of(Map<String, Object> kafkaConfig) {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        return config;
    }
}
