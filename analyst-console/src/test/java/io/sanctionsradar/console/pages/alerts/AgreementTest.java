package io.sanctionsradar.console.pages.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_birth_year_agrees_with_a_listed_month_and_a_country_with_a_nationality() throws Exception {
        List<Agreement.Fact> facts = Agreement.of(json("{\"birthDate\": \"1963\", \"country\": \"CN\"}"),
                json("{\"birthDates\": [\"1963-05\"], \"nationalities\": [\"CN\"]}"));
        assertEquals(Agreement.Verdict.AGREES, facts.get(0).verdict());
        assertEquals("1963-05", facts.get(0).listed());
        assertEquals(Agreement.Verdict.AGREES, facts.get(1).verdict());
    }

    @Test
    void another_year_or_country_differs_and_a_silent_side_is_unknown() throws Exception {
        List<Agreement.Fact> facts = Agreement.of(json("{\"birthDate\": \"1971-02-03\", \"country\": \"PK\"}"),
                json("{\"birthDates\": [\"1963-05\"], \"addresses\": [{\"country\": \"CN\"}]}"));
        assertEquals(Agreement.Verdict.DIFFERS, facts.get(0).verdict());
        assertEquals(Agreement.Verdict.DIFFERS, facts.get(1).verdict());
        assertEquals("CN", facts.get(1).listed());
        List<Agreement.Fact> silent = Agreement.of(json("{}"), json("{\"birthDates\": [\"1963\"]}"));
        assertEquals(Agreement.Verdict.UNKNOWN, silent.get(0).verdict());
        assertEquals(Agreement.Verdict.UNKNOWN, silent.get(1).verdict());
    }

    @Test
    void identifiers_agree_on_the_same_digits_and_differ_on_a_listed_document_of_the_same_kind() throws Exception {
        JsonNode listed = json("{\"identifiers\": [{\"kind\": \"Passport\", \"number\": \"AB-123 456\"},"
                + " {\"kind\": \"National ID No.\", \"number\": \"99\"}]}");
        List<Agreement.Fact> facts = Agreement.of(json("{\"identifiers\": [{\"type\": \"PASSPORT\", \"value\": "
                + "\"ab123456\"}, {\"type\": \"NATIONAL_ID\", \"value\": \"12\"}, {\"type\": \"IMO\", "
                + "\"value\": \"9074729\"}]}"), listed);
        assertEquals(Agreement.Verdict.AGREES, facts.get(2).verdict());
        assertEquals(Agreement.Verdict.DIFFERS, facts.get(3).verdict());
        assertEquals("National ID No. 99", facts.get(3).listed());
        assertEquals(Agreement.Verdict.UNKNOWN, facts.get(4).verdict());
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
