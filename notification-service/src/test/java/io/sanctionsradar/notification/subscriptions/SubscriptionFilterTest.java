package io.sanctionsradar.notification.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    private static final String DESIGNATION = """
            {"authority": "US-OFAC", "programs": ["RUSSIA-EO14024", "CYBER2"],
             "subject": {"type": "ORGANIZATION", "nationalities": ["RU"], "citizenships": [],
                         "addresses": [{"city": "Minsk", "country": "BY"}, {"city": "?"}],
                         "vessel": {"flag": "PA"}}}""";

    @Test
    void designation_facts_come_from_authority_programmes_subject_type_and_every_country() throws Exception {
        EventFacts facts = EventFacts.ofDesignation(json(DESIGNATION));
        assertEquals("US-OFAC", facts.authority());
        assertEquals(Set.of("RUSSIA-EO14024", "CYBER2"), facts.programs());
        assertEquals("ORGANIZATION", facts.subjectType());
        assertEquals(Set.of("RU", "BY", "PA"), facts.countries());
        assertEquals(null, facts.portfolio());
    }

    @Test
    void each_filter_list_must_be_met_and_an_empty_one_passes_everything() throws Exception {
        EventFacts facts = EventFacts.ofDesignation(json(DESIGNATION));
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
        EventFacts found = EventFacts.ofMatchFound(json("""
                {"portfolio": "retail", "party": {"partyId": "c-1", "country": "CN"},
                 "match": {"authority": "US-BIS", "programs": ["ENTITY-LIST"], "subjectType": "ORGANIZATION"}}"""));
        SubscriptionFilter retail = new SubscriptionFilter(null, null, null, null, List.of("retail"));
        assertTrue(retail.matches(found));
        assertFalse(new SubscriptionFilter(null, null, null, null, List.of("corporate")).matches(found));
        assertFalse(retail.matches(EventFacts.ofDesignation(json(DESIGNATION))));
        assertTrue(new SubscriptionFilter(List.of("US-BIS"), null, null, List.of("CN"), null).matches(found));
    }

    @Test
    void a_cleared_alert_is_filtered_by_the_facts_of_the_alert_it_clears() throws Exception {
        EventFacts found = EventFacts.ofMatchFound(json("""
                {"portfolio": "retail", "party": {"country": "CN"},
                 "match": {"authority": "US-BIS", "programs": ["ENTITY-LIST"], "subjectType": "ORGANIZATION"}}"""));
        JsonNode cleared = json("{\"portfolio\": \"retail\", \"reason\": \"DELISTED\"}");
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
