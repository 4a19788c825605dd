package io.sanctionsradar.console.pages.designations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsradar.console.pages.designations.VersionDiff.Difference;
import io.sanctionsradar.console.pages.designations.VersionDiff.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VersionDiffTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void an_alias_added_at_the_end_is_one_addition_at_its_path() throws Exception {
        JsonNode before = json("{'subject':{'aliases':[{'name':'王君正'},{'name':'Wang Jun-zheng'}]}}");
        JsonNode after = json("{'subject':{'aliases':[{'name':'王君正'},{'name':'Wang Jun-zheng'},{'name':'Wang J.'}]}}");

        assertEquals(List.of(new Difference(Kind.ADDED, "subject.aliases[2]", "", "{\"name\":\"Wang J.\"}")),
                VersionDiff.between(before, after));
    }

    @Test
    void a_changed_leaf_names_its_path_and_both_values() throws Exception {
        JsonNode before = json("{'subject':{'aliases':[{'name':'A'},{'name':'B'},{'name':'C','script':'Latn'}]}}");
        JsonNode after = json("{'subject':{'aliases':[{'name':'A'},{'name':'B'},{'name':'D','script':'Latn'}]}}");

        assertEquals(List.of(new Difference(Kind.CHANGED, "subject.aliases[2].name", "C", "D")),
                VersionDiff.between(before, after));
    }

    @Test
    void removed_fields_and_list_items_are_removals() throws Exception {
        JsonNode before = json("{'legalBasis':'E.O. 13818','programs':['GLOMAG','CMIC']}");
        JsonNode after = json("{'programs':['GLOMAG']}");

        assertEquals(List.of(new Difference(Kind.REMOVED, "legalBasis", "E.O. 13818", ""),
                new Difference(Kind.REMOVED, "programs[1]", "CMIC", "")), VersionDiff.between(before, after));
    }

    @Test
    void a_delisting_shows_the_new_status_and_its_day_but_not_the_bookkeeping() throws Exception {
        JsonNode before = json("{'version':1,'recordedAt':'2021-03-22T10:00:00Z','status':'ACTIVE','delistedOn':null}");
        JsonNode after = json("{'version':2,'recordedAt':'2024-01-05T10:00:00Z','status':'DELISTED',"
                + "'delistedOn':'2024-01-05'}");

        assertEquals(List.of(new Difference(Kind.CHANGED, "status", "ACTIVE", "DELISTED"),
                new Difference(Kind.ADDED, "delistedOn", "", "2024-01-05")), VersionDiff.between(before, after));
    }

    @Test
    void missing_null_and_empty_are_no_difference() throws Exception {
        JsonNode before = json("{'respondsTo':[],'subject':{'identifiers':[],'remarks':null}}");
        JsonNode after = json("{'subject':{}}");

        assertEquals(List.of(), VersionDiff.between(before, after));
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }
}
