package io.sanctionsradar.designation.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** outbox_depth{topic="sanctions.designations"}: the designation events stored and not yet on the topic. */
@QuarkusTest
class OutboxDepthTest {

    @Inject
    OutboxRelay relay;

    @Inject
    Outbox outbox;

    @Inject
    OutboxDepth outboxDepth;

    @Inject
    MeterRegistry registry;

    @AfterEach
    void relayRuns() {
        relay.resume();
    }

    @Test
    void the_depth_counts_events_waiting_for_the_relay_and_falls_to_zero_once_they_are_published() {
        relay.pause();
        for (int i = 0; i < 3; i++) {
            String designationId = UUID.randomUUID().toString();
            QuarkusTransaction.requiringNew().run(() ->
                    outbox.append("Designation", designationId, "sanctions.entity.listed", "{}"));
        }

        assertTrue(depth() >= 3, "the three events wait: " + depth());
        assertEquals(outboxDepth.unpublished(), depth());

        relay.resume();
        relay.wake();
        await().atMost(Duration.ofSeconds(30)).until(() -> depth() == 0);
    }

    private double depth() {
        return registry.get("outbox.depth").tag("topic", "sanctions.designations").gauge().value();
    }
}
