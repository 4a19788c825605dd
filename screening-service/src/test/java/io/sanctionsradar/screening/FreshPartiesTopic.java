package io.sanctionsradar.screening;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;
import java.util.UUID;

/**
 * Each start of the application under test gets a {@code screening.parties} of its own: the monitoring shards are
 * rebuilt from that topic, and a shared one would bring back the parties of earlier starts, whose databases are gone.
 */
public class FreshPartiesTopic implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("parties.topic", "screening.parties." + UUID.randomUUID());
    }

    @Override
    public void stop() {
        // the topic goes with the broker
    }
}
