package io.sanctionsradar.console.pages.parties;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class PartyFormTest {

    @Test
    void identifier_lines_become_identifiers_with_an_optional_issuing_country() {
        PartyForm form = new PartyForm("cust-1", "Chen Mingguo", "PERSON", "", "",
                "PASSPORT:AB1234567/ru\r\n\n  IMO: 9074729 \nCRYPTO_ADDRESS:bc1q:xyz");

        assertEquals(List.of(Map.of("type", "PASSPORT", "value", "AB1234567", "country", "RU"),
                Map.of("type", "IMO", "value", "9074729"),
                Map.of("type", "CRYPTO_ADDRESS", "value", "bc1q:xyz")), form.identifierList());
        assertNull(form.identifiersProblem());
    }

    @Test
    void a_line_without_type_and_value_is_named_by_its_number() {
        PartyForm form = new PartyForm("cust-1", "X", "", "", "", "IMO:9074729\nAB1234567");

        assertEquals("line 2: write TYPE:VALUE or TYPE:VALUE/CC, such as PASSPORT:AB1234567/RU",
                form.identifiersProblem());
    }

    @Test
    void blank_fields_are_left_out_of_the_body() {
        Map<String, Object> body = new PartyForm("cust-1", " Hikvision ", "ORGANIZATION", " ", "", "").body();

        assertEquals(Map.of("name", "Hikvision", "type", "ORGANIZATION", "identifiers", List.of()), body);
        assertFalse(body.containsKey("birthDate"));
    }

    @Test
    void a_stored_party_fills_the_form_with_one_identifier_a_line() throws Exception {
        PartyForm form = PartyForm.of(new ObjectMapper().readTree("""
                {"partyId": "cust-42", "name": "Hikvision", "type": "ORGANIZATION", "country": "CN",
                 "identifiers": [{"type": "REGISTRATION", "value": "913300", "country": "CN"},
                                 {"type": "BIC", "value": "HIKVCNBJ", "country": null}]}"""));

        assertEquals(new PartyForm("cust-42", "Hikvision", "ORGANIZATION", "", "CN",
                "REGISTRATION:913300/CN\nBIC:HIKVCNBJ"), form);
    }
}
