package io.sanctionsradar.support.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Refuses a JSON string that is not valid Unicode: an unpaired UTF-16 surrogate ("\ud800"), which a JSON escape can
 * carry but UTF-8 cannot, so it would be stored as "?". Registered on each service's ObjectMapper, it checks every
 * string of every JSON body at any depth; the refusal names the field's path (a 400 from {@link ProblemMapper}).
 */
@Singleton
public class ValidUnicode implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(module());
    }

    /** The module that replaces Jackson's string reading with the checked one. */
    public static SimpleModule module() {
        return new SimpleModule("valid-unicode").addDeserializer(String.class, new CheckedStrings());
    }

    /** Where the first unpaired surrogate of the text is, or -1 when it is valid Unicode. */
    public static int unpairedSurrogate(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a pair: one supplementary character
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Jackson's own string reading (coercions included), then the check. */
    static final class CheckedStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            int at = value == null ? -1 : unpairedSurrogate(value);
            if (at >= 0) {
                throw InvalidFormatException.from(parser, String.format("is not valid Unicode: an unpaired surrogate "
                        + "\\u%04x at character %d", (int) value.charAt(at), at), null, String.class);
            }
            return value;
        }
    }
}
