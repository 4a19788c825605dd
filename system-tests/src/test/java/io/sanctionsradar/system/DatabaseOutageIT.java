package io.sanctionsradar.system;

import io.sanctionsradar.infra.testing.TestInfrastructure;
import io.sanctionsradar.system.RunningSystem.Service;
import io.sanctionsradar.system.RunningSystem.Timed;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.sanctionsradar.system.RunningSystem.Service.DESIGNATION;
import static io.sanctionsradar.system.RunningSystem.Service.NOTIFICATION;
import static io.sanctionsradar.system.RunningSystem.Service.SCREENING;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL stopped under the three running services: every endpoint that needs the database answers 503
 * problem+json with Retry-After at once (a screening too: no answer without its receipt), and they all work
 * again once it is back.
 */
class DatabaseOutageIT {

    // the pool gives up on a connection after 1 s; the rest is slack for a busy build machine
    private static final Duration QUICK = Duration.ofMillis(1_500);
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    record Call(Service service, String method, String path, String json) {
    }

    private static final List<Call> CALLS = List.of(
            new Call(DESIGNATION, "GET", "/api/v1/designations?size=1", null),
            new Call(DESIGNATION, "POST", "/api/v1/designations", """
                    {"authority": "US-OFAC", "programs": ["GLOMAG"], "listedOn": "2026-11-23",
                     "sourceList": "SYSTEM-TEST", "sourceId": "%s", "measures": [{"type": "ASSET_FREEZE"}],
                     "subject": {"type": "ORGANIZATION", "name": "Database Outage Trading"}}"""),
            new Call(SCREENING, "POST", "/api/v1/screenings", """
                    {"name": "Database Outage Trading"}"""),
            new Call(SCREENING, "GET", "/api/v1/monitored-parties?portfolio=emea", null),
            new Call(NOTIFICATION, "GET", "/api/v1/subscriptions", null));

    @Test
    void endpoints_that_need_the_database_answer_503_at_once_while_it_is_down_and_recover() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        try (RunningSystem system = RunningSystem.start()) {
            // each endpoint once while all is well, so what is timed below is the outage, not a cold start
            assertAllSucceed(system);
            infra.stopPostgres();
            List<String> slow = new ArrayList<>();
            try {
                for (Call call : CALLS) {
                    Timed answer = send(system, call);
                    System.out.printf("%s %s %s: %d in %d ms%n", call.service().module, call.method(), call.path(),
                            answer.status(), answer.took().toMillis());
                    assertEquals(503, answer.status(), call + " answered " + answer.body());
                    assertEquals("application/problem+json",
                            answer.headers().firstValue("content-type").orElse(""), call.toString());
                    assertEquals("5", answer.headers().firstValue("retry-after").orElse(""), call.toString());
                    assertEquals(503, answer.body().path("status").asInt(), call.toString());
                    if (answer.took().compareTo(QUICK) > 0) {
                        slow.add(call + ": " + answer.took().toMillis() + " ms");
                    }
                }
            } finally {
                infra.startPostgres();
            }
            assertEquals(List.of(), slow, "answers slower than " + QUICK.toMillis() + " ms");
            // the pools reconnect by themselves: no restart
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertAllSucceed(system));
        }
    }

    private static void assertAllSucceed(RunningSystem system) throws Exception {
        for (Call call : CALLS) {
            int status = send(system, call).status();
            assertTrue(status == 200 || status == 201, call + " answered " + status);
        }
    }

    private static Timed send(RunningSystem system, Call call) throws Exception {
        return call.method().equals("GET") ? system.timed(call.service(), call.path(), PATIENCE)
                : system.timedPost(call.service(), call.path(), call.json().formatted(UUID.randomUUID()), PATIENCE);
    }
}
