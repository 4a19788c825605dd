package io.sanctionsradar.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanctionsradar.infra.testing.KafkaTestClient;
import io.sanctionsradar.infra.testing.TestInfrastructure;
import io.sanctionsradar.infra.testing.WebhookReceiver;
import io.sanctionsradar.system.RunningSystem.Answer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.sanctionsradar.system.RunningSystem.Service.DESIGNATION;
import static io.sanctionsradar.system.RunningSystem.Service.NOTIFICATION;
import static io.sanctionsradar.system.RunningSystem.Service.SCREENING;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * designation-service killed (SIGKILL) at the two gaps of its outbox relay: after a designation's commit but
 * before its event is published, and after the broker acknowledged the event but before it is marked published.
 * The first must lose nothing, the second repeats the event; both consumers take each designation once.
 */
class RelayCrashIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String HOLD_BEFORE_PUBLISH = "-Doutbox.crash-test.hold-before-publish=true";
    private static final String HOLD_BEFORE_MARKING = "-Doutbox.crash-test.hold-before-marking=true";

    @Test
    void a_relay_killed_in_either_gap_loses_no_event_and_its_repeat_is_absorbed() throws Exception {
        try (RunningSystem system = RunningSystem.start(Map.of(DESIGNATION, List.of(HOLD_BEFORE_PUBLISH)));
             WebhookReceiver receiver = new WebhookReceiver()) {
            assertEquals(201, system.post(NOTIFICATION, "/api/v1/subscriptions", """
                    {"url": "%s", "eventTypes": ["sanctions.entity.listed"]}""".formatted(receiver.url())).status());

            // gap 1: committed (the client has its 201), killed before the relay sends the event
            String first = record(system, "relay-crash-1");
            system.awaitLog(DESIGNATION, "crash test: holding before publish", PATIENCE);
            system.kill(DESIGNATION);

            // gap 2: started again, the relay sends that event, the broker acknowledges it, killed before marking it
            system.restart(DESIGNATION, HOLD_BEFORE_MARKING);
            system.awaitLog(DESIGNATION, "crash test: holding before marking", PATIENCE);
            system.kill(DESIGNATION);

            // started again as deployed: the unmarked event goes out a second time, and a new one once
            system.restart(DESIGNATION);
            String second = record(system, "relay-crash-2");

            Map<String, Integer> copies = copiesOnTheTopic(first, second);
            assertEquals(Map.of(first, 2, second, 1), copies, "records on sanctions.designations by designation id");

            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode status = system.get(SCREENING, "/api/v1/watchlist/status").body();
                assertEquals(0, status.path("consumerLag").asInt(), status.toString());
                assertEquals(2, status.path("entries").asInt(), status.toString());
            });
            for (String id : List.of(first, second)) {
                Answer entry = system.get(SCREENING, "/api/v1/watchlist/entries/" + id);
                assertEquals(200, entry.status(), id);
            }
            await().atMost(PATIENCE).until(() -> !receiver.about(first).isEmpty() && !receiver.about(second).isEmpty());
            Thread.sleep(3_000); // a webhook for the repeat, were one sent, arrives by now
            // one webhook per event; a delivery retried after a slow answer keeps its webhook-id and is not another
            assertEquals(1, webhookIds(receiver, first), "webhooks about the repeated event");
            assertEquals(1, webhookIds(receiver, second), "webhooks about the event sent once");
        }
    }

    private static String record(RunningSystem system, String sourceId) throws Exception {
        Answer answer = system.post(DESIGNATION, "/api/v1/designations", """
                {"authority": "US-OFAC", "programs": ["GLOMAG"], "listedOn": "2026-11-23",
                 "sourceList": "SYSTEM-TEST", "sourceId": "%s", "measures": [{"type": "ASSET_FREEZE"}],
                 "subject": {"type": "ORGANIZATION", "name": "Relay Crash Trading %s"}}""".formatted(sourceId, sourceId));
        assertEquals(201, answer.status(), answer.text());
        return answer.body().path("designationId").asText();
    }

    /** Reads the topic until the first designation's event came twice and the second's once. */
    private static Map<String, Integer> copiesOnTheTopic(String first, String second) {
        try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.get().kafkaBootstrapServers())) {
            List<ConsumerRecord<String, String>> records = kafka.readUntil("sanctions.designations", new java.util
                    .function.Predicate<>() {
                private int firsts;
                private int seconds;

                @Override
                public boolean test(ConsumerRecord<String, String> record) {
                    firsts += first.equals(record.key()) ? 1 : 0;
                    seconds += second.equals(record.key()) ? 1 : 0;
                    return firsts >= 2 && seconds >= 1;
                }
            }, PATIENCE);
            return Map.of(first, count(records, first), second, count(records, second));
        }
    }

    private static int count(List<ConsumerRecord<String, String>> records, String key) {
        return (int) records.stream().filter(record -> key.equals(record.key())).count();
    }

    private static long webhookIds(WebhookReceiver receiver, String about) {
        return receiver.about(about).stream().map(WebhookReceiver.Received::webhookId).distinct().count();
    }
}
