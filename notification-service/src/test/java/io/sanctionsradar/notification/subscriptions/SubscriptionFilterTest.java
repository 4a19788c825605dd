package io.sanctionsradar.notification.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsradar.infra.testing.EventSchemas;
import io.sanctionsradar.notification.events.EventFacts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriptionFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    // a designation as designation-service publishes it (checked against its schema below)
    private static final String DESIGNATION = """
            {"designationId": "7d0c6f8e-0000-4000-8000-000000000001", "kind": "DESIGNATION", "version": 1,
             "status": "ACTIVE", "authority": "US-OFAC", "programs": ["RUSSIA-EO14024", "CYBER2"],
             "listedOn": "2026-11-20", "sourceList": "US-OFAC-SDN", "measures": [{"type": "ASSET_FREEZE"}],
             "recordedAt": "2026-11-23T10:00:00Z",
             "subject": {"type": "ORGANIZATION", "name": "Test Shipping LLC", "nationalities": ["RU"],
                         "citizenships": [], "addresses": [{"city": "Minsk", "country": "BY"}, {"city": "?"}],
                         "vessel": {"flag": "PA"}}}""";

    private static final String FOUND = """
            {"alertId": "7d0c6f8e-0000-4000-8000-000000000002", "portfolio": "retail",
             "party": {"partyId": "c-1", "name": "Acme Trading", "country": "CN", "version": 1},
             "match": {"entryId": "7d0c6f8e-0000-4000-8000-000000000003", "entryVersion": 1, "source": "US-BIS-EL",
              "name": "ACME TRADING", "matchedName": "ACME TRADING", "score": 0.97, "subjectType": "ORGANIZATION",
              "authority": "US-BIS", "programs": ["ENTITY-LIST"], "measures": [{"type": "EXPORT_LICENSE_REQUIRED"}],
              "status": "ACTIVE", "explanation": {}},
             "trigger": {"kind": "WATCHLIST_CHANGE"}, "watchlistVersion": "w1", "algorithm": "test",
             "threshold": 0.85, "foundAt": "2026-11-23T10:00:00Z"}""";

    private static final String CLEARED = """
            {"alertId": "7d0c6f8e-0000-4000-8000-000000000002", "portfolio": "retail", "partyId": "c-1",
             "partyVersion": 1, "entryId": "7d0c6f8e-0000-4000-8000-000000000003", "entryVersion": 1,
             "reason": "DELISTED", "trigger": {"kind": "WATCHLIST_CHANGE"}, "foundAt": "2026-11-23T10:00:00Z",
             "clearedAt": "2026-11-24T10:00:00Z"}""";

    /** An event of this type, refused unless its schema admits it: the consumer reads what producers send. */
    private static JsonNode event(String type, String text) throws Exception {
        return json(EventSchemas.valid(type, text));
    }

    @Test
    void designation_facts_come_from_authority_programmes_subject_type_and_every_country() throws Exception {
        EventFacts facts = EventFacts.ofDesignation(event("sanctions.entity.listed", DESIGNATION));
        assertEquals("US-OFAC", facts.authority());
        assertEquals(Set.of("RUSSIA-EO14024", "CYBER2"), facts.programs());
        assertEquals("ORGANIZATION", facts.subjectType());
        assertEquals(Set.of("RU", "BY", "PA"), facts.countries());
        assertEquals(null, facts.portfolio());
    }

    @Test
    void each_filter_list_must_be_met_and_an_empty_one_passes_everything() throws Exception {
        EventFacts facts = EventFacts.ofDesignation(event("sanctions.entity.listed", DESIGNATION));
        assertTrue(SubscriptionFilter.ANY.matches(facts));
        assertTrue(filter(List.of("US-OFAC", "EU-COUNCIL"), List.of(), List.of(), List.of()).matches(facts));
        assertFalse(filter(List.of("EU-COUNCIL"), List.of(), List.of(), List.of()).matches(facts));
        assertTrue(filter(List.of(), List.of("CYBER2"), List.of(), List.of()).matches(facts));
        assertFalse(filter(List.of(), List.of("GLOMAG"), List.of(), List.of()).matches(facts));
        assertTrue(filter(List.of(), List.of(), List.of("ORGANIZATION"), List.of("BY")).matches(facts));
        assertFalse(filter(List.of(), List.of(), List.of("PERSON"), List.of()).matches(facts));
        assertFalse(filter(List.of(), List.of(), List.of(), List.of("CN")).matches(facts));
        assertFalse(filter(List.of("US-OFAC"), List.of("CYBER2"), List.of("ORGANIZATION"), List.of("CN"))
                .matches(facts), "all lists must be met, not any");
    }

    @Test
    void a_portfolio_filter_passes_only_alerts_of_that_portfolio() throws Exception {
        EventFacts found = EventFacts.ofMatchFound(event("screening.match.found", FOUND));
        SubscriptionFilter retail = new SubscriptionFilter(null, null, null, null, List.of("retail"));
        assertTrue(retail.matches(found));
        assertFalse(new SubscriptionFilter(null, null, null, null, List.of("corporate")).matches(found));
        assertFalse(retail.matches(EventFacts.ofDesignation(event("sanctions.entity.listed", DESIGNATION))));
        assertTrue(new SubscriptionFilter(List.of("US-BIS"), null, null, List.of("CN"), null).matches(found));
    }

    @Test
    void a_cleared_alert_is_filtered_by_the_facts_of_the_alert_it_clears() throws Exception {
        EventFacts found = EventFacts.ofMatchFound(event("screening.match.found", FOUND));
        JsonNode cleared = event("screening.match.cleared", CLEARED);
        SubscriptionFilter bis = new SubscriptionFilter(List.of("US-BIS"), null, null, null, List.of("retail"));
        assertTrue(bis.matches(EventFacts.ofMatchCleared(cleared, found)));
        assertFalse(bis.matches(EventFacts.ofMatchCleared(cleared, null)), "unknown authority cannot pass");
        assertTrue(new SubscriptionFilter(null, null, null, null, List.of("retail"))
                .matches(EventFacts.ofMatchCleared(cleared, null)));
    }

    private static SubscriptionFilter filter(List<String> authorities, List<String> programs,
                                             List<String> subjectTypes, List<String> countries) {
        return new SubscriptionFilter(authorities, programs, subjectTypes, countries, List.of());
    }
}
