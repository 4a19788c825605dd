package io.sanctionsradar.designation.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies for tests, as mutable maps so that a test can break exactly one field. */
final class Drafts {

    private Drafts() {
    }

    /** OFAC's Global Magnitsky designation of Wang Junzheng, with a fresh source id so tests never collide. */
    static Map<String, Object> wangJunzheng() {
        Map<String, Object> subject = new HashMap<>(Map.of(
                "type", "PERSON",
                "name", "WANG, Junzheng",
                "aliases", new ArrayList<>(List.of(Map.of("name", "王君正", "kind", "AKA", "script", "Hani"))),
                "birthDates", List.of("1963-06"),
                "placesOfBirth", List.of("Linyi, Shandong, China"),
                "nationalities", List.of("CN")));
        Map<String, Object> draft = new HashMap<>();
        draft.put("authority", "US-OFAC");
        draft.put("programs", List.of("GLOMAG"));
        draft.put("listedOn", "2021-03-22");
        draft.put("sourceList", "US-OFAC-SDN");
        draft.put("sourceId", "test-" + UUID.randomUUID());
        draft.put("sourceReference", "86 FR 16822");
        draft.put("measures", List.of(Map.of("type", "ASSET_FREEZE")));
        draft.put("subject", subject);
        return draft;
    }

    /** China's countermeasure against Adrian Zenz, answering the EU's listings of 22 March 2021. */
    static Map<String, Object> countermeasureOnZenz() {
        Map<String, Object> draft = new HashMap<>();
        draft.put("authority", "CN-MFA");
        draft.put("programs", List.of("CN-COUNTERMEASURES"));
        draft.put("legalBasis", "Announcement of the Ministry of Foreign Affairs, 22 March 2021");
        draft.put("listedOn", "2021-03-22");
        draft.put("sourceList", "CN-MFA");
        draft.put("sourceId", "test-" + UUID.randomUUID());
        draft.put("measures", List.of(
                Map.of("type", "ENTRY_BAN", "scope", "Mainland China, Hong Kong and Macao"),
                Map.of("type", "FINANCIAL_DEALINGS_BAN")));
        draft.put("subject", Map.of("type", "PERSON", "name", "Adrian Zenz", "nationalities", List.of("DE")));
        draft.put("respondsTo", List.of(Map.of("authority", "EU-COUNCIL", "actionDate", "2021-03-22",
                "description", "EU Global Human Rights Sanctions Regime listings")));
        return draft;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> subjectOf(Map<String, Object> draft) {
        return (Map<String, Object>) draft.get("subject");
    }
}
