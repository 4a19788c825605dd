package io.sanctionsradar.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanctionsradar.infra.testing.WebhookReceiver;
import io.sanctionsradar.system.RunningSystem.Answer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static io.sanctionsradar.system.RunningSystem.Service.DESIGNATION;
import static io.sanctionsradar.system.RunningSystem.Service.NOTIFICATION;
import static io.sanctionsradar.system.RunningSystem.Service.SCREENING;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * screening-service and notification-service killed (as a crash would) while designations keep being recorded,
 * then started again: every designation becomes screenable and reaches the webhook, each under one webhook-id.
 */
class CrashRecoveryIT {

    private static final int DESIGNATIONS = 150;

    @Test
    void no_event_is_lost_and_no_webhook_is_duplicated_across_a_crash_of_both_consumers() throws Exception {
        try (RunningSystem system = RunningSystem.start(); WebhookReceiver receiver = new WebhookReceiver()) {
            Answer subscription = system.post(NOTIFICATION, "/api/v1/subscriptions", """
                    {"url": "%s", "eventTypes": ["sanctions.entity.listed"],
                     "filter": {"programs": ["GLOMAG"]}}""".formatted(receiver.url()));
            assertEquals(201, subscription.status(), subscription.text());
            String secret = subscription.body().path("secret").asText();

            List<String> ids = Collections.synchronizedList(new ArrayList<>());
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            Thread recorder = new Thread(() -> record(system, ids, failures), "designation-recorder");
            recorder.start();
            // mid-stream: designations recorded and webhooks arriving, many more to come
            await().atMost(Duration.ofSeconds(60)).until(() -> ids.size() >= 20 && !receiver.received().isEmpty()
                    || !failures.isEmpty());
            system.kill(SCREENING);
            system.kill(NOTIFICATION);
            int recordedWhileUp = ids.size();
            Thread.sleep(3_000);
            system.restart(SCREENING);
            system.restart(NOTIFICATION);
            recorder.join();

            assertEquals(List.of(), failures);
            assertEquals(DESIGNATIONS, ids.size());
            assertTrue(recordedWhileUp > 0 && recordedWhileUp < DESIGNATIONS,
                    "the crash happened mid-stream: " + recordedWhileUp + " recorded before it");

            await().atMost(Duration.ofSeconds(120)).until(() -> ids.stream().allMatch(id ->
                    !receiver.about(id).isEmpty()));
            // a delivery the killed instance claimed stays PENDING until its claim runs out and it is sent again:
            // once nothing is PENDING, nothing is waiting or in flight, and any resend has arrived
            String subscriptionId = subscription.body().path("id").asText();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Answer pending = system.get(NOTIFICATION,
                        "/api/v1/subscriptions/" + subscriptionId + "/deliveries?status=PENDING");
                assertEquals(200, pending.status(), pending.text());
                assertEquals(0, pending.body().path("items").size(), pending.text());
            });
            Map<String, Set<String>> webhookIdsByDesignation = new ConcurrentHashMap<>();
            for (String id : ids) {
                List<WebhookReceiver.Received> received = receiver.about(id);
                received.forEach(r -> assertTrue(r.signedWith(secret), "signed: " + id));
                webhookIdsByDesignation.put(id, received.stream().map(WebhookReceiver.Received::webhookId)
                        .collect(Collectors.toSet()));
            }
            List<String> duplicated = webhookIdsByDesignation.entrySet().stream()
                    .filter(e -> e.getValue().size() != 1).map(Map.Entry::getKey).toList();
            assertEquals(List.of(), duplicated, "events that reached the receiver under two webhook-ids");
            Set<String> allWebhookIds = new HashSet<>();
            webhookIdsByDesignation.values().forEach(allWebhookIds::addAll);
            assertEquals(DESIGNATIONS, allWebhookIds.size());

            // the broker may hold other tests' designations too: every one of ours must be in the watchlist
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode status = system.get(SCREENING, "/api/v1/watchlist/status").body();
                assertEquals(0, status.path("consumerLag").asInt(), status.toString());
                assertTrue(status.path("entries").asInt() >= DESIGNATIONS, status.toString());
            });
            for (String id : ids) {
                assertEquals(200, system.get(SCREENING, "/api/v1/watchlist/entries/" + id).status(), id);
            }
        }
    }

    /** Records the designations one after the other at about 25 a second; designation-service stays up. */
    private static void record(RunningSystem system, List<String> ids, List<String> failures) {
        for (int i = 0; i < DESIGNATIONS; i++) {
            try {
                Answer answer = system.post(DESIGNATION, "/api/v1/designations", """
                        {"authority": "US-OFAC", "programs": ["GLOMAG"], "legalBasis": "system test",
                         "listedOn": "2026-11-23", "sourceList": "SYSTEM-TEST", "sourceId": "crash-%d",
                         "measures": [{"type": "ASSET_FREEZE"}],
                         "subject": {"type": "ORGANIZATION", "name": "Crash Recovery Trading %d"}}""".formatted(i, i));
                if (answer.status() == 201) {
                    ids.add(answer.body().path("designationId").asText());
                } else {
                    failures.add(answer.status() + " " + answer.text());
                    return;
                }
                Thread.sleep(40);
            } catch (Exception e) {
                failures.add(e.toString());
                return;
            }
        }
    }
}
