package io.sanctionsradar.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanctionsradar.system.RunningSystem.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static io.sanctionsradar.system.RunningSystem.Service.DESIGNATION;
import static io.sanctionsradar.system.RunningSystem.Service.SCREENING;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The analyst console in headless Chromium against the whole packaged system, loaded with the March 2021 demo
 * story and two customer books: people of each role sign in through the development sign-in and do their work.
 */
class ConsoleIT {

    private static final Path DEMO = Path.of("..", "scripts", "demo");
    private static RunningSystem system;
    private static RunningConsole console;

    @BeforeAll
    static void startTheSystemWithTheDemoAndTwoBooks() throws Exception {
        assumeTrue(Browser.available(), "Chromium and ChromeDriver from Debian (.ci/run installs them)");
        system = RunningSystem.start();
        console = RunningConsole.start(system);
        for (String kind : List.of("designations", "countermeasures")) {
            try (Stream<Path> files = Files.list(DEMO.resolve(kind))) {
                for (Path file : files.sorted().toList()) {
                    Answer answer = system.post(DESIGNATION, "/api/v1/" + kind, Files.readString(file));
                    assertEquals(201, answer.status(), file + ": " + answer.text());
                }
            }
        }
        party("emea", "cust-wang", "{\"name\": \"Wang Junzheng\", \"type\": \"PERSON\", \"birthDate\": \"1963\","
                + " \"country\": \"CN\"}");
        party("apac", "cust-chen", "{\"name\": \"Chen Mingguo\", \"type\": \"PERSON\"}");
        await().atMost(Duration.ofSeconds(60)).until(() -> openAlerts("emea") > 0 && openAlerts("apac") > 0);
    }

    @AfterAll
    static void stop() {
        if (console != null) {
            console.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void a_screener_of_emea_sees_only_emea_and_decides_an_alert_with_a_comment() throws Exception {
        try (Browser browser = new Browser(console.url(), "Europe/Berlin")) {
            browser.signIn("sam-screener", List.of("screener"), "emea");
            browser.open("/alerts");
            browser.await(By.cssSelector("#results table"));
            String queue = browser.text(By.id("results"));
            assertTrue(queue.contains("Wang Junzheng"), queue);
            assertFalse(queue.contains("Chen Mingguo"), "apac's party shows to an emea screener: " + queue);
            browser.screenshot("alerts-queue");

            browser.driver.findElement(By.linkText("Wang Junzheng")).click();
            browser.await(By.id("decide"));
            List<String> marked = browser.driver.findElements(By.cssSelector(".side mark")).stream()
                    .map(WebElement::getText).toList();
            assertTrue(marked.contains("Wang") && marked.contains("Junzheng"), "highlighted words: " + marked);
            String facts = browser.text(By.cssSelector("table"));
            assertTrue(facts.contains("Birth date") && facts.contains("AGREES"), facts);
            assertTrue(browser.text(By.tagName("footer")).contains("Europe/Berlin"), "times in the viewer's zone");
            browser.screenshot("alert");

            browser.driver.findElement(By.cssSelector("input[value=TRUE_MATCH]")).click();
            browser.driver.findElement(By.id("comment")).sendKeys("Same birth year and province; OFAC GLOMAG.");
            browser.driver.findElement(By.cssSelector("#decide button[value=stay]")).click();
            browser.await(By.cssSelector("h1 .badge.TRUE_MATCH"));
            assertFalse(browser.present(By.id("decide")), "a decided alert offers no second decision");
            assertTrue(browser.driver.getPageSource().contains("Same birth year and province"));
        }
        JsonNode decided = system.get(SCREENING, "/api/v1/alerts?portfolio=emea&status=TRUE_MATCH").body()
                .path("items");
        assertEquals(1, decided.size(), decided.toString());
        assertEquals("Same birth year and province; OFAC GLOMAG.",
                decided.path(0).path("disposition").path("comment").asText());
    }

    @Test
    void an_auditor_reads_an_alert_but_has_no_decide_button_and_no_screen_page() throws Exception {
        String alertId = system.get(SCREENING, "/api/v1/alerts?portfolio=apac").body()
                .path("items").path(0).path("alertId").asText();
        try (Browser browser = new Browser(console.url(), "UTC")) {
            browser.signIn("ada-auditor", List.of("auditor"), "*");
            browser.open("/alerts/" + alertId);
            assertTrue(browser.text(By.tagName("h1")).contains("Chen Mingguo"));
            assertFalse(browser.present(By.id("decide")), "an auditor must not see the decision form");
            assertFalse(browser.present(By.linkText("Screen")), "an auditor does not screen");
            assertTrue(browser.present(By.linkText("Audit")));
            browser.open("/parties/new");
            assertEquals("Forbidden", browser.text(By.tagName("h1")), "an auditor gets no form to add a party");
        }
    }

    @Test
    void a_screener_screens_a_name_in_chinese_script_and_gets_the_ofac_listing_with_a_receipt() throws Exception {
        try (Browser browser = new Browser(console.url(), "Asia/Shanghai")) {
            browser.signIn("sam-screener", List.of("screener"), "emea");
            browser.open("/screen");
            browser.await(By.id("name")).sendKeys("王君正");
            browser.driver.findElement(By.cssSelector("form.screen button[type=submit]")).click();
            String results = browser.text(By.id("results"));
            assertTrue(results.contains("US-OFAC") && results.contains("WANG Junzheng"), results);
            String receipt = browser.driver.findElement(By.cssSelector("#results a code")).getText();
            assertEquals(200, system.get(SCREENING, "/api/v1/screenings/" + receipt).status(),
                    "the receipt id shown is a stored receipt");
            browser.screenshot("screen");
        }
    }

    @Test
    void an_analyst_uploads_a_list_and_finds_it_in_the_import_history() throws Exception {
        Path list = Path.of("..", "designation-service", "src", "test", "resources", "lists", "ca-sema",
                "sema-lmes.xml").toAbsolutePath().normalize();
        try (Browser browser = new Browser(console.url(), "America/Toronto")) {
            browser.signIn("lee-analyst", List.of("analyst"), "");
            browser.open("/lists/upload");
            new org.openqa.selenium.support.ui.Select(browser.await(By.id("format"))).selectByValue("ca-sema-xml");
            browser.driver.findElement(By.id("file")).sendKeys(list.toString());
            browser.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            assertTrue(browser.text(By.tagName("h1")).contains("IMPORTED"), browser.driver.getPageSource());
            String importId = browser.driver.getCurrentUrl().replaceAll(".*/lists/imports/", "");
            assertEquals("UPLOAD", system.get(DESIGNATION, "/api/v1/imports/" + importId).body().path("trigger")
                    .asText(), "the upload leads to the import it recorded");
            browser.open("/lists/imports?list=CA-SEMA");
            String history = browser.text(By.tagName("table"));
            assertTrue(history.contains("lee-analyst") && history.contains("IMPORTED"), history);
            browser.open("/lists");
            assertTrue(browser.text(By.tagName("table")).contains("CA-SEMA"));
            browser.screenshot("lists");
        }
    }

    @Test
    void an_auditor_follows_chinas_countermeasure_to_the_eu_designation_it_answers_and_sees_its_versions()
            throws Exception {
        String euWang = amendTheEuListingOfWangJunzheng();
        try (Browser browser = new Browser(console.url(), "Europe/Brussels")) {
            browser.signIn("ada-auditor", List.of("auditor"), "*");
            browser.open("/designations?kind=COUNTERMEASURE&authority=CN-MFA");
            browser.await(By.linkText("Reinhard Bütikofer")).click();
            assertTrue(browser.text(By.tagName("h1")).contains("COUNTERMEASURE"));
            WebElement answers = browser.driver.findElement(By.xpath("//h2[@id='answers']/following-sibling::ul[1]"));
            assertTrue(answers.getText().contains("EU-COUNCIL"), answers.getText());
            answers.findElement(By.linkText("WANG Junzheng")).click();

            assertTrue(browser.text(By.tagName("h1")).contains("WANG Junzheng"));
            assertTrue(browser.driver.getCurrentUrl().endsWith("/designations/" + euWang), browser.driver.getCurrentUrl());
            String graph = browser.await(By.cssSelector("figure.graph svg")).getAttribute("aria-label");
            assertTrue(graph.contains("CN-MFA"), graph);
            String answeredBy = browser.text(By.xpath("//h2[@id='answered-by']/following-sibling::table[1]"));
            assertTrue(answeredBy.contains("Reinhard Bütikofer") && answeredBy.contains("Adrian Zenz"), answeredBy);
            String versions = browser.text(By.cssSelector("ol.timeline"));
            assertTrue(versions.contains("Version 2") && versions.contains("subject.aliases"), versions);
            browser.screenshot("designation");
            browser.scrollTo(By.cssSelector("figure.graph"));
            browser.screenshot("designation-graph");
        }
    }

    @Test
    void the_webhook_admin_subscribes_a_receiver_sees_the_secret_once_and_pings_it() throws Exception {
        try (Browser browser = new Browser(console.url(), "UTC");
             io.sanctionsradar.infra.testing.WebhookReceiver receiver = new io.sanctionsradar.infra.testing.WebhookReceiver()) {
            browser.signIn("wes-admin", List.of("subscriptions-admin"), "");
            assertFalse(browser.present(By.linkText("Alerts")), "the webhook admin has no alert queue");
            browser.open("/webhooks/new");
            browser.await(By.id("url")).sendKeys(receiver.url());
            browser.driver.findElement(By.id("description")).sendKeys("console test");
            browser.driver.findElement(By.cssSelector("input[name=eventTypes][value='screening.match.found']")).click();
            browser.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            String secret = browser.await(By.id("secret")).getAttribute("value");
            assertTrue(secret.startsWith("whsec_"), secret);

            browser.driver.findElement(By.linkText("Go to the subscription")).click();
            assertFalse(browser.driver.getPageSource().contains(secret), "the secret is shown only once");
            browser.driver.findElement(By.xpath("//button[text()='Send a test ping']")).click();
            assertTrue(browser.text(By.cssSelector("p[role=status]")).contains("DELIVERED"),
                    browser.text(By.cssSelector("p[role=status]")));
            await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.received().isEmpty());
            assertTrue(receiver.received().get(0).signedWith(secret), "the ping is signed with the secret shown");
        }
    }

    @Test
    void the_packaged_console_refuses_to_start_in_production_with_the_development_sign_in() throws Exception {
        Process refused = RunningConsole.launchInProductionWithDevSignIn();
        assertTrue(refused.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "still running");
        assertTrue(refused.exitValue() != 0);
        String log = new String(refused.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(log.contains("console.dev-sign-in.enabled=true in the production profile"), log);
    }

    /** A second version of the EU listing, with one more alias, so its page has a change to show. */
    private static String amendTheEuListingOfWangJunzheng() throws Exception {
        JsonNode found = system.get(DESIGNATION, "/api/v1/designations?authority=EU-COUNCIL&q=Wang%20Junzheng")
                .body().path("items").path(0);
        String id = found.path("designationId").asText();
        com.fasterxml.jackson.databind.node.ObjectNode draft = (com.fasterxml.jackson.databind.node.ObjectNode)
                RunningSystem.JSON.readTree(Files.readString(DEMO.resolve("designations/05-eu-wang-junzheng.json")));
        ((com.fasterxml.jackson.databind.node.ArrayNode) draft.with("subject").withArray("aliases"))
                .addObject().put("name", "Wang Jun Zheng").put("kind", "AKA");
        Answer amended = system.putIfMatch(DESIGNATION, "/api/v1/designations/" + id, draft.toString(), "\"1\"");
        assertEquals(200, amended.status(), amended.text());
        return id;
    }

    private static void party(String portfolio, String id, String json) throws Exception {
        Answer answer = system.put(SCREENING, "/api/v1/monitored-parties/" + id + "?portfolio=" + portfolio, json);
        assertTrue(answer.status() / 100 == 2, answer.text());
    }

    private static int openAlerts(String portfolio) throws Exception {
        return system.get(SCREENING, "/api/v1/alerts?status=OPEN&portfolio=" + portfolio).body().path("items").size();
    }
}
