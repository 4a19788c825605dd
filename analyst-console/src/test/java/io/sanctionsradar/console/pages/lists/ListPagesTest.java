package io.sanctionsradar.console.pages.lists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void an_upload_is_found_in_the_history_by_its_counts() throws Exception {
        JsonNode answered = JSON.readTree("""
                {"source": "US-CSL", "listed": 3, "amended": 1, "delisted": 0, "unchanged": 7,
                 "rejected": [{"line": 4, "reason": "no _id"}]}""");
        JsonNode same = JSON.readTree("""
                {"listed": 3, "amended": 1, "delisted": 0, "unchanged": 7, "rejected": [{"line": 4}]}""");
        JsonNode other = JSON.readTree("""
                {"listed": 3, "amended": 1, "delisted": 0, "unchanged": 7, "rejected": []}""");

        assertTrue(ListPages.sameCounts(same, answered));
        assertFalse(ListPages.sameCounts(other, answered));
        assertFalse(ListPages.sameCounts(JSON.missingNode(), answered));
    }
}
