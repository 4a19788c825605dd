package io.sanctionsradar.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanctionsradar.infra.DevTokens;
import io.sanctionsradar.infra.testing.WebhookReceiver;
import io.sanctionsradar.system.RunningSystem.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.sanctionsradar.system.RunningSystem.Service.DESIGNATION;
import static io.sanctionsradar.system.RunningSystem.Service.NOTIFICATION;
import static io.sanctionsradar.system.RunningSystem.Service.SCREENING;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The paths users care about, through the three packaged services on a real broker and database: a designation,
 * a countermeasure and a list import become screenable and reach a subscribed webhook; a monitored party alerts
 * when a matching designation arrives and the alert clears when it is delisted; an analyst's link joins two
 * listings into one subject on screening and reaches a webhook; the packaged services refuse a request without a
 * token they can verify, and one whose roles do not admit it.
 */
class SystemIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Path ROOT = Path.of("..");
    private static final Path DATA = Path.of(System.getProperty("sanctions.data.dir", "../../shared/data"));

    private static RunningSystem system;
    private static WebhookReceiver receiver;
    private static String secret;
    /** The file the UN list source is synced from (an operator's own file: URL). */
    private static Path unList;

    @BeforeAll
    static void startTheSystemAndSubscribe() throws Exception {
        unList = Files.createTempFile("un-list-", ".xml");
        Files.copy(ROOT.resolve("designation-service/src/test/resources/lists/un/consolidated.xml"), unList,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        system = RunningSystem.start(Map.of(DESIGNATION, List.of(
                "-Dlist-sources.sources.UN-SC-CONSOLIDATED.urls=" + unList.toUri())));
        receiver = new WebhookReceiver();
        Answer subscription = system.post(NOTIFICATION, "/api/v1/subscriptions", """
                {"url": "%s", "description": "system test",
                 "eventTypes": ["sanctions.entity.listed", "sanctions.entity.delisted",
                                "sanctions.countermeasure.imposed", "screening.match.found", "screening.match.cleared"],
                 "filter": {"programs": ["GLOMAG", "CN-COUNTERMEASURES"]}}
                """.formatted(receiver.url()));
        assertEquals(201, subscription.status(), subscription.text());
        secret = subscription.body().path("secret").asText();
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void a_designation_is_screenable_and_reaches_the_webhook_signed() throws Exception {
        String id = created(system.post(DESIGNATION, "/api/v1/designations",
                demo("designations/01-ofac-wang-junzheng.json")));

        JsonNode match = awaitMatch("王君正", id);
        assertEquals("US-OFAC", match.path("authority").asText());
        assertEquals("31492", match.path("sourceId").asText());

        WebhookReceiver.Received webhook = awaitWebhook(id, "sanctions.entity.listed");
        assertTrue(webhook.signedWith(secret), "a valid Standard Webhooks signature");
        JsonNode event = RunningSystem.JSON.readTree(webhook.body());
        assertEquals(id, event.path("subject").asText());
        assertEquals("WANG Junzheng", event.path("data").path("subject").path("name").asText());
    }

    @Test
    void chinas_2021_countermeasure_is_screenable_with_its_authority_and_measures_and_reaches_the_webhook()
            throws Exception {
        String id = created(system.post(DESIGNATION, "/api/v1/countermeasures",
                demo("countermeasures/01-reinhard-butikofer.json")));

        JsonNode match = awaitMatch("Reinhard Butikofer", id);
        assertEquals("CN-MFA", match.path("authority").asText());
        assertEquals(Set.of("ENTRY_BAN", "FINANCIAL_DEALINGS_BAN"), measureTypes(match));

        WebhookReceiver.Received webhook = awaitWebhook(id, "sanctions.countermeasure.imposed");
        assertTrue(webhook.signedWith(secret));
        JsonNode data = RunningSystem.JSON.readTree(webhook.body()).path("data");
        assertEquals("COUNTERMEASURE", data.path("kind").asText());
        assertEquals("EU-COUNCIL", data.path("respondsTo").path(0).path("authority").asText());
    }

    @Test
    void the_imported_consolidated_screening_list_finds_xpcc_and_hikvision_with_their_measures() throws Exception {
        // the published list (14,160 rows), not a cut-down fixture: the import path at its real size
        Answer report = system.upload(DESIGNATION, "/api/v1/imports", Map.of("format", "us-csl-csv"),
                List.of(DATA.resolve("lists/us-csl-2022/consolidated.csv")));
        assertEquals(200, report.status(), report.text());
        assertTrue(report.body().path("listed").asInt() > 14_000, report.text());

        JsonNode xpcc = await().atMost(PATIENCE).until(() -> matches("XPCC"), m -> m.stream().anyMatch(
                x -> x.path("matchedName").asText().equals("XPCC")))
                .stream().filter(x -> x.path("matchedName").asText().equals("XPCC")).findFirst().orElseThrow();
        assertEquals("Xinjiang Production and Construction Corps (XPCC)", xpcc.path("name").asText());
        assertEquals(1.0, xpcc.path("score").asDouble());
        assertEquals("US-BIS", xpcc.path("authority").asText());
        assertEquals(Set.of("EXPORT_LICENSE_REQUIRED"), measureTypes(xpcc));

        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Set<String>> measuresByAuthority = new java.util.TreeMap<>();
            matches("Hikvision").forEach(m -> measuresByAuthority.computeIfAbsent(m.path("authority").asText(),
                    a -> new java.util.TreeSet<>()).addAll(measureTypes(m)));
            assertTrue(measuresByAuthority.getOrDefault("US-BIS", Set.of()).contains("EXPORT_LICENSE_REQUIRED"),
                    measuresByAuthority.toString());
            assertTrue(measuresByAuthority.getOrDefault("US-OFAC", Set.of()).contains("INVESTMENT_BAN"),
                    measuresByAuthority.toString());
        });
    }

    @Test
    void a_monitored_party_alerts_when_a_matching_designation_arrives_and_clears_when_it_is_delisted()
            throws Exception {
        Answer party = system.put(SCREENING, "/api/v1/monitored-parties/cust-7?portfolio=emea", """
                {"name": "Karakorum Rare Metals Trading", "type": "ORGANIZATION", "country": "PK"}""");
        assertTrue(party.status() == 201 || party.status() == 200, party.text());

        ObjectNode designation = (ObjectNode) RunningSystem.JSON.readTree(
                demo("designations/01-ofac-wang-junzheng.json"));
        designation.put("sourceId", "system-test-karakorum");
        ObjectNode subject = RunningSystem.JSON.createObjectNode().put("type", "ORGANIZATION")
                .put("name", "KARAKORUM RARE METALS TRADING");
        designation.set("subject", subject);
        String id = created(system.post(DESIGNATION, "/api/v1/designations", designation.toString()));

        WebhookReceiver.Received found = awaitWebhook(id, "screening.match.found");
        assertTrue(found.signedWith(secret));
        JsonNode alert = RunningSystem.JSON.readTree(found.body()).path("data");
        assertEquals("emea", alert.path("portfolio").asText());
        assertEquals("cust-7", alert.path("party").path("partyId").asText());
        assertEquals(id, alert.path("match").path("entryId").asText());
        assertEquals("WATCHLIST_CHANGE", alert.path("trigger").path("kind").asText());

        Answer delisted = system.post(DESIGNATION, "/api/v1/designations/" + id + "/delisting",
                "{\"reason\": \"system test\"}");
        assertTrue(delisted.status() / 100 == 2, delisted.text());
        WebhookReceiver.Received cleared = awaitWebhook(alert.path("alertId").asText(), "screening.match.cleared");
        assertEquals("DELISTED", RunningSystem.JSON.readTree(cleared.body()).path("data").path("reason").asText());
    }

    @Test
    void an_analysts_link_joins_the_ofac_and_canadian_listings_of_wang_junzheng_and_reaches_a_webhook()
            throws Exception {
        WebhookReceiver links = new WebhookReceiver();
        try (links) {
            Answer subscription = system.post(NOTIFICATION, "/api/v1/subscriptions",
                    "{\"url\": \"%s\", \"eventTypes\": [\"sanctions.subject.linked\"]}".formatted(links.url()));
            assertEquals(201, subscription.status(), subscription.text());
            String ofac = created(system.post(DESIGNATION, "/api/v1/designations",
                    withSourceId(demo("designations/01-ofac-wang-junzheng.json"), "system-test-link-ofac")));
            // Canada publishes no birth date, so the rules keep its listing apart from OFAC's
            String canada = created(system.post(DESIGNATION, "/api/v1/designations",
                    withSourceId(demo("designations/15-ca-wang-junzheng.json"), "system-test-link-ca")));
            awaitMatch("王君正", ofac);
            awaitMatch("王君正", canada);
            assertTrue(!subjectOf(ofac).toString().contains(canada), "apart before the link");

            Answer link = system.put(DESIGNATION, "/api/v1/subject-links", RunningSystem.JSON.createObjectNode()
                    .put("relation", "SAME_SUBJECT").put("comment", "same official, same position in both notices")
                    .set("designationIds", RunningSystem.JSON.createArrayNode().add(canada).add(ofac)).toString());
            assertEquals(200, link.status(), link.text());

            JsonNode subject = await().atMost(PATIENCE).until(() -> subjectOf(ofac),
                    s -> s.toString().contains(canada));
            Answer joined = system.get(SCREENING, "/api/v1/subjects/" + subject.path("subjectId").asText());
            assertEquals(200, joined.status(), joined.text());
            List<String> reasons = new ArrayList<>();
            joined.body().path("joins").forEach(j -> {
                if (j.path("entryId").asText().equals(canada) || j.path("joinedTo").asText().equals(canada)) {
                    reasons.add(j.path("reason").asText());
                }
            });
            // Canada's listing can only be joined by the link (who bonds to whom depends on the random ids)
            assertFalse(reasons.isEmpty(), joined.text());
            assertEquals(Set.of("ANALYST_LINK"), Set.copyOf(reasons), joined.text());

            String pair = String.join("+", link.body().path("designationIds").get(0).asText(),
                    link.body().path("designationIds").get(1).asText());
            WebhookReceiver.Received webhook = await().atMost(PATIENCE).until(() -> links.about(pair).stream()
                    .findFirst().orElse(null), java.util.Objects::nonNull);
            assertEquals(pair, RunningSystem.JSON.readTree(webhook.body()).path("subject").asText());
        }
    }

    @Test
    void a_refused_list_sync_keeps_the_list_and_reaches_a_subscribed_webhook() throws Exception {
        WebhookReceiver operators = new WebhookReceiver();
        try (operators) {
            Answer subscription = system.post(NOTIFICATION, "/api/v1/subscriptions",
                    "{\"url\": \"%s\", \"eventTypes\": [\"sanctions.list.sync-failed\"]}".formatted(operators.url()));
            assertEquals(201, subscription.status(), subscription.text());
            Answer first = system.post(DESIGNATION, "/api/v1/list-sources/UN-SC-CONSOLIDATED/sync", "");
            assertEquals("IMPORTED", first.body().path("outcome").asText(), first.text());
            long served = first.body().path("report").path("listed").asLong();

            Files.writeString(unList, "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>"); // a download cut short
            Answer refused = system.post(DESIGNATION, "/api/v1/list-sources/UN-SC-CONSOLIDATED/sync", "");
            assertEquals("REFUSED", refused.body().path("outcome").asText(), refused.text());
            Answer source = system.get(DESIGNATION, "/api/v1/list-sources/UN-SC-CONSOLIDATED");
            assertEquals(served, source.body().path("activeEntries").asLong(), source.text());

            String importId = refused.body().path("importId").asText();
            WebhookReceiver.Received webhook = await().atMost(PATIENCE).until(() -> operators.received().stream()
                    .filter(r -> r.body().contains(importId)).findFirst().orElse(null), java.util.Objects::nonNull);
            JsonNode event = RunningSystem.JSON.readTree(webhook.body());
            assertEquals("sanctions.list.sync-failed", event.path("type").asText());
            assertEquals("UN-SC-CONSOLIDATED", event.path("subject").asText());
            assertEquals(served, event.path("data").path("activeEntries").asLong(), webhook.body());
        }
    }

    @Test
    void each_packaged_service_answers_401_without_a_verifiable_token_and_403_to_the_wrong_role() throws Exception {
        String foreign = "Bearer " + DevTokens.in(Path.of("target", "system", "foreign-keys"))
                .mint("intruder", RunningSystem.ALL_ROLES, List.of("*"), Duration.ofHours(1));
        Map<RunningSystem.Service, String> reads = Map.of(DESIGNATION, "/api/v1/designations?size=1",
                SCREENING, "/api/v1/watchlist/status", NOTIFICATION, "/api/v1/subscriptions");
        for (Map.Entry<RunningSystem.Service, String> read : reads.entrySet()) {
            for (String authorization : new String[] {null, foreign}) {
                Answer refused = system.get(read.getKey(), read.getValue(), authorization);
                assertEquals(401, refused.status(), read + " " + refused.text());
                // "Bearer", or with a foreign token: Bearer error="invalid_token" (RFC 6750)
                assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                        read + " " + refused.headers().map());
                assertProblem(refused);
            }
        }

        // a valid token whose roles do not admit the request: a screener recording a designation, an auditor
        // screening, a screener subscribing a webhook
        String screener = RunningSystem.token(List.of("screener"));
        String auditor = RunningSystem.token(List.of("auditor"));
        Answer designation = system.post(DESIGNATION, "/api/v1/designations",
                demo("designations/02-ofac-chen-mingguo.json"), screener);
        Answer screening = system.post(SCREENING, "/api/v1/screenings", "{\"name\": \"XPCC\"}", auditor);
        Answer subscription = system.post(NOTIFICATION, "/api/v1/subscriptions",
                "{\"url\": \"%s\", \"eventTypes\": [\"sanctions.entity.listed\"]}".formatted(receiver.url()),
                screener);
        for (Answer forbidden : List.of(designation, screening, subscription)) {
            assertEquals(403, forbidden.status(), forbidden.text());
            assertProblem(forbidden);
        }
        // and the role that reads is admitted where it reads
        assertEquals(200, system.get(SCREENING, "/api/v1/watchlist/status", auditor).status());
    }

    private static void assertProblem(Answer answer) {
        assertTrue(answer.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"),
                answer.headers().map().toString());
        assertEquals(answer.status(), answer.body().path("status").asInt(), answer.text());
    }

    private static String demo(String file) throws Exception {
        return Files.readString(ROOT.resolve("scripts/demo").resolve(file));
    }

    private static String withSourceId(String draft, String sourceId) throws Exception {
        return ((ObjectNode) RunningSystem.JSON.readTree(draft)).put("sourceId", sourceId).toString();
    }

    /** The subject of a screening for Wang Junzheng's name that holds this listing. */
    private static JsonNode subjectOf(String entryId) throws Exception {
        Answer answer = system.post(SCREENING, "/api/v1/screenings", "{\"name\": \"王君正\"}");
        assertEquals(200, answer.status(), answer.text());
        for (JsonNode subject : answer.body().path("subjects")) {
            if (subject.path("listings").toString().contains(entryId)) {
                return subject;
            }
        }
        return RunningSystem.JSON.createObjectNode();
    }

    private static String created(Answer answer) {
        assertEquals(201, answer.status(), answer.text());
        String id = answer.body().path("designationId").asText();
        assertTrue(!id.isEmpty(), answer.text());
        return id;
    }

    private static List<JsonNode> matches(String name) throws Exception {
        Answer answer = system.post(SCREENING, "/api/v1/screenings", RunningSystem.JSON.createObjectNode()
                .put("name", name).toString());
        assertEquals(200, answer.status(), answer.text());
        List<JsonNode> matches = new ArrayList<>();
        answer.body().path("matches").forEach(matches::add);
        return matches;
    }

    private static JsonNode awaitMatch(String name, String entryId) {
        return await().atMost(PATIENCE).until(() -> matches(name).stream()
                .filter(m -> m.path("entryId").asText().equals(entryId)).findFirst().orElse(null),
                java.util.Objects::nonNull);
    }

    private static Set<String> measureTypes(JsonNode match) {
        Set<String> types = new java.util.TreeSet<>();
        match.path("measures").forEach(m -> types.add(m.path("type").asText()));
        return types;
    }

    /** The first webhook of this type whose body mentions the text. */
    private static WebhookReceiver.Received awaitWebhook(String about, String type) {
        return await().atMost(PATIENCE).until(() -> receiver.about(about).stream()
                .filter(r -> r.body().contains("\"type\":\"" + type + "\"")).findFirst().orElse(null),
                java.util.Objects::nonNull);
    }
}
