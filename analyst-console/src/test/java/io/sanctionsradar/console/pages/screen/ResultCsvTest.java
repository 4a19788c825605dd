package io.sanctionsradar.console.pages.screen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ResultCsvTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_matched_record_is_one_row_per_match_with_its_receipt() throws Exception {
        JsonNode item = JSON.readTree("""
                {"line": 3, "reference": "c-1", "result": {"screeningId": "s-1", "query": {"name": "王君正", "type": "PERSON"},
                 "matches": [
                  {"entryId": "e-1", "name": "WANG Junzheng", "matchedName": "WANG Junzheng", "score": 1.0,
                   "authority": "US-OFAC", "source": "US-TREASURY-20210322", "programs": ["GLOMAG"]},
                  {"entryId": "e-2", "name": "WANG, Junzheng", "matchedName": "Wang J.", "score": 0.91,
                   "authority": "EU-COUNCIL", "source": "EU-FSF", "programs": ["EU-GHRSR", "EU-X"]}]}}""");

        assertEquals(List.of(
                "3,c-1,王君正,PERSON,,,MATCH,1.0,e-1,WANG Junzheng,WANG Junzheng,US-OFAC,US-TREASURY-20210322,GLOMAG,s-1,",
                "3,c-1,王君正,PERSON,,,MATCH,0.91,e-2,\"WANG, Junzheng\",Wang J.,EU-COUNCIL,EU-FSF,EU-GHRSR EU-X,s-1,"),
                ResultCsv.rows(item));
    }

    @Test
    void a_record_without_matches_is_one_row_with_its_receipt() throws Exception {
        JsonNode item = JSON.readTree("""
                {"line": 4, "reference": "c-2", "result": {"screeningId": "s-2", "query": {"name": "Nobody", "country": "DE"},
                 "matches": []}}""");

        assertEquals(List.of("4,c-2,Nobody,,,DE,NO_MATCH,,,,,,,,s-2,"), ResultCsv.rows(item));
    }

    @Test
    void a_rejected_record_says_why() throws Exception {
        JsonNode item = JSON.readTree("""
                {"line": 5, "reference": "c-3", "errors": [{"field": "birthDate", "message": "must be a date"},
                 {"field": "type", "message": "unknown \\"ROBOT\\""}]}""");

        assertEquals(List.of("5,c-3,,,,,REJECTED,,,,,,,,,\"birthDate: must be a date; type: unknown \"\"ROBOT\"\"\""),
                ResultCsv.rows(item));
    }

    @Test
    void a_text_a_spreadsheet_would_run_as_a_formula_is_defused_but_numbers_are_not() {
        assertEquals("'=cmd|calc", ResultCsv.field("=cmd|calc"));
        assertEquals("'@SUM(A1)", ResultCsv.field("@SUM(A1)"));
        assertEquals("-0.15", ResultCsv.field("-0.15"));
        assertEquals("\"a\nb\"", ResultCsv.field("a\nb"));
    }
}
