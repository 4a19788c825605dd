package io.sanctionsradar.infra.testing;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The published JSON Schemas of the events ({@code schemas/events}), for tests that write events by hand: a
 * consumer test feeds only what a producer may send, so producers and consumers cannot drift apart unnoticed.
 */
public final class EventSchemas {

    private static final String BASE = "https://sanctions-radar.io/schemas/events/";
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, directory().toUri().toString())));
    // draft 2020-12 makes "format" an annotation by default; test events are held to ids, dates and times
    private static final SchemaValidatorsConfig STRICT_FORMATS = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private EventSchemas() {
    }

    /** What is wrong with this event data for its CloudEvents type ({@code ce_type}); empty when it is valid. */
    public static List<String> violations(String type, String json) {
        if (!Files.exists(directory().resolve(type + ".schema.json"))) {
            return List.of("no schema for event type " + type + " in " + directory());
        }
        return SCHEMAS.getSchema(SchemaLocation.of(BASE + type + ".schema.json"), STRICT_FORMATS)
                .validate(json, InputFormat.JSON).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** The event data itself when it is valid for its type; refused with every violation when it is not. */
    public static String valid(String type, String json) {
        List<String> violations = violations(type, json);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("a " + type + " event that its schema refuses: " + violations
                    + "\n" + json);
        }
        return json;
    }

    /** schemas/events of the repository, found from the module the tests run in. */
    static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("schemas/events"))) {
                return dir.resolve("schemas/events");
            }
        }
        throw new IllegalStateException("no schemas/events above " + Path.of("").toAbsolutePath());
    }
}
