package io.sanctionsradar.support.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidUnicodeTest {

    record Alias(String name) {
    }

    record Party(String name, List<Alias> aliases, List<String> tags, String[] codes) {
    }

    private final ObjectMapper mapper = new ObjectMapper();

    {
        new ValidUnicode().customize(mapper);
    }

    @Test
    void finds_the_first_unpaired_surrogate() {
        assertEquals(-1, ValidUnicode.unpairedSurrogate("王君正 \uD842\uDFB7 é"));
        assertEquals(-1, ValidUnicode.unpairedSurrogate(""));
        assertEquals(0, ValidUnicode.unpairedSurrogate("\uD800x"));
        assertEquals(1, ValidUnicode.unpairedSurrogate("x\uDC00"));
        assertEquals(2, ValidUnicode.unpairedSurrogate("ab\uD800"));
        assertEquals(2, ValidUnicode.unpairedSurrogate("\uD842\uDFB7\uDFB7"));
        assertEquals(0, ValidUnicode.unpairedSurrogate("\uD800\uD800\uDC00"));
    }

    @Test
    void a_lone_surrogate_anywhere_is_refused_with_its_path() {
        assertEquals("name", pathOfRefusal("{\"name\": \"\\ud800x\"}"));
        assertEquals("aliases.[0].name", pathOfRefusal("{\"name\": \"ok\", \"aliases\": [{\"name\": \"\\udc00\"}]}"));
        assertEquals("tags.[1]", pathOfRefusal("{\"tags\": [\"ok\", \"a\\ud83d\"]}"));
        assertEquals("codes.[0]", pathOfRefusal("{\"codes\": [\"\\udfff\"]}"));
    }

    @Test
    void the_message_says_what_and_where_but_does_not_echo_the_value() {
        InvalidFormatException e = assertThrows(InvalidFormatException.class,
                () -> mapper.readValue("{\"name\": \"ab\\ud800\"}", Party.class));
        assertEquals("is not valid Unicode: an unpaired surrogate \\ud800 at character 2", e.getOriginalMessage());
    }

    @Test
    void valid_text_pairs_and_coercions_still_read() throws Exception {
        Party party = mapper.readValue("{\"name\": \"\\ud842\\udfb7 Wang\", \"aliases\": [{\"name\": 42}],"
                + " \"tags\": [\"é\"], \"codes\": null}", Party.class);
        assertEquals("\uD842\uDFB7 Wang", party.name());
        assertEquals("42", party.aliases().get(0).name());
        assertEquals(List.of("é"), party.tags());
        assertTrue(party.codes() == null);
    }

    private String pathOfRefusal(String json) {
        JsonMappingException e = assertThrows(InvalidFormatException.class, () -> mapper.readValue(json, Party.class));
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
