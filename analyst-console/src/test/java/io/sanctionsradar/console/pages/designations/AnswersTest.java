package io.sanctionsradar.console.pages.designations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode euWang = json("{'designationId':'eu-1','authority':'EU-COUNCIL','listedOn':'2021-03-22'}");

    @Test
    void a_countermeasure_naming_the_action_of_that_authority_and_day_answers_it() {
        assertTrue(Answers.answers(json("{'respondsTo':[{'authority':'EU-COUNCIL','actionDate':'2021-03-22'}]}"),
                euWang));
    }

    @Test
    void a_countermeasure_naming_it_by_id_answers_it() {
        assertTrue(Answers.answers(json("{'respondsTo':[{'authority':'US-OFAC','actionDate':'2020-07-09'},"
                + "{'designationId':'eu-1'}]}"), euWang));
    }

    @Test
    void another_day_another_authority_or_nothing_named_does_not() {
        assertFalse(Answers.answers(json("{'respondsTo':[{'authority':'EU-COUNCIL','actionDate':'2021-03-23'}]}"),
                euWang));
        assertFalse(Answers.answers(json("{'respondsTo':[{'authority':'UK-FCDO','actionDate':'2021-03-22'}]}"),
                euWang));
        assertFalse(Answers.answers(json("{'respondsTo':[{'designationId':'eu-2'}]}"), euWang));
        assertFalse(Answers.answers(json("{}"), euWang));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
