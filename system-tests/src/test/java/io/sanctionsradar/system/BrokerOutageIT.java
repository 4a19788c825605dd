package io.sanctionsradar.system;

import io.sanctionsradar.infra.testing.TestInfrastructure;
import io.sanctionsradar.system.RunningSystem.Service;
import io.sanctionsradar.system.RunningSystem.Timed;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kafka stopped under the three running services: their readiness keeps answering within a second, DOWN for as
 * long as the broker is away, and UP again once it is back.
 */
class BrokerOutageIT {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    // more than the one second asked for, so that a slow answer is measured rather than cut off
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    @Test
    void readiness_answers_within_a_second_during_a_broker_outage_and_recovers() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        try (RunningSystem system = RunningSystem.start()) {
            infra.stopKafka();
            try {
                // a few seconds to notice the outage, then DOWN for the rest of it; every answer within a second
                awaitAllFast(system, 503, Duration.ofSeconds(10));
                holdAllFast(system, 503, Duration.ofSeconds(4));
            } finally {
                infra.startKafka();
            }
            awaitAllFast(system, 200, Duration.ofSeconds(60));
        }
    }

    /** Asks all three until each answers {@code expected}, within {@code until}; every answer takes < 1 s. */
    private static void awaitAllFast(RunningSystem system, int expected, Duration until) throws Exception {
        Instant deadline = Instant.now().plus(until);
        while (!allAnswerFast(system, expected)) {
            assertTrue(Instant.now().isBefore(deadline), "readiness of all three not " + expected + " within " + until);
            Thread.sleep(200);
        }
    }

    /** Asks all three again and again for {@code during}: each answers {@code expected}, within a second. */
    private static void holdAllFast(RunningSystem system, int expected, Duration during) throws Exception {
        Instant end = Instant.now().plus(during);
        while (Instant.now().isBefore(end)) {
            assertTrue(allAnswerFast(system, expected), "readiness of all three left " + expected);
            Thread.sleep(200);
        }
    }

    private static boolean allAnswerFast(RunningSystem system, int expected) throws Exception {
        boolean all = true;
        for (Service service : Service.values()) {
            Timed ready = system.timed(service, "/q/health/ready", PATIENCE);
            System.out.printf("%s /q/health/ready: %d in %d ms%n", service.module, ready.status(),
                    ready.took().toMillis());
            assertTrue(ready.took().compareTo(ONE_SECOND) < 0, service.module + " readiness answered "
                    + ready.status() + " after " + ready.took().toMillis() + " ms");
            all &= ready.status() == expected
                    && ready.body().path("status").asText().equals(expected == 200 ? "UP" : "DOWN");
        }
        return all;
    }
}
