package io.sanctionsradar.console.web;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FieldErrorsTest {

    @Test
    void an_item_error_goes_next_to_the_input_of_the_whole_list_naming_the_item() {
        Map<String, String> byInput = FieldErrors.byInput(Map.of("identifiers[0].value", "must not be blank"));

        assertEquals(Map.of("identifiers", "item 1 (value): must not be blank"), byInput);
    }

    @Test
    void errors_of_several_items_of_one_list_are_joined() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("filter.countries[0]", "an ISO 3166 alpha-2 code such as RU");
        errors.put("filter.countries[2]", "an ISO 3166 alpha-2 code such as RU");

        assertEquals("item 1: an ISO 3166 alpha-2 code such as RU; item 3: an ISO 3166 alpha-2 code such as RU",
                FieldErrors.byInput(errors).get("filter.countries"));
    }

    @Test
    void a_plain_field_keeps_its_name_and_message() {
        assertEquals(Map.of("name", "must not be blank", "filter.portfolios", "applies to alerts only"),
                FieldErrors.byInput(Map.of("name", "must not be blank", "filter.portfolios", "applies to alerts only")));
    }

    @Test
    void a_line_of_an_uploaded_file_is_named_as_a_reader_says_it() {
        assertEquals("line 3, type", FieldErrors.where("[line 3].type"));
        assertEquals("line 12", FieldErrors.where("[line 12]"));
        assertEquals("(body)", FieldErrors.where("(body)"));
    }
}
