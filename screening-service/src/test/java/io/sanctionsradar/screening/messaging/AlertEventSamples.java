package io.sanctionsradar.screening.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.sanctionsradar.matching.MatchingEngine;

import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;

/** screening.alerts payloads as the alert writer stores them in alert_outbox, and their published JSON Schemas. */
public final class AlertEventSamples {

    static final String FOUND = "screening.match.found";
    static final String CLEARED = "screening.match.cleared";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_BASE = "https://sanctions-radar.io/schemas/events/";
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(SCHEMA_BASE,
                    Path.of("..", "schemas", "events").toAbsolutePath().normalize().toUri().toString())));
    // draft 2020-12 makes "format" an annotation by default; the tests hold ids and times to it
    private static final SchemaValidatorsConfig STRICT_FORMATS = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private AlertEventSamples() {
    }

    /** A hit of a person on an OFAC listing, found when the listing arrived; every optional field present. */
    static ObjectNode found(UUID alertId, String portfolio, String partyId, UUID entryId) {
        ObjectNode found = JSON.createObjectNode();
        found.put("alertId", alertId.toString());
        found.put("portfolio", portfolio);
        found.putObject("party").put("partyId", partyId).put("name", "Chen Mingguo").put("type", "PERSON")
                .put("birthDate", "1966-10").put("country", "CN").put("version", 1);
        ObjectNode match = found.putObject("match");
        match.put("entryId", entryId.toString());
        match.put("entryVersion", 1);
        match.put("source", "US-OFAC-SDN");
        match.put("sourceId", "36210");
        match.put("name", "CHEN, Mingguo");
        match.put("matchedName", "CHEN, Mingguo");
        match.put("score", 1.0);
        match.put("subjectType", "PERSON");
        match.put("authority", "US-OFAC");
        match.putArray("programs").add("GLOMAG");
        match.putArray("measures").addObject().put("type", "ASSET_FREEZE");
        match.put("status", "ACTIVE");
        match.put("listedOn", "2021-03-22");
        match.putObject("explanation").put("summary", "exact match on the listed name").put("nameScore", 1.0);
        trigger(found, entryId);
        found.put("watchlistVersion", "3f9a0c1e5b7d2a4c6e8f0a1b3c5d7e9f");
        found.put("algorithm", MatchingEngine.ALGORITHM);
        found.put("threshold", 0.85);
        found.put("foundAt", "2026-01-15T10:00:00.123456Z");
        return found;
    }

    /** The same alert cleared by the delisting of its entry. */
    static ObjectNode cleared(UUID alertId, String portfolio, String partyId, UUID entryId) {
        ObjectNode cleared = JSON.createObjectNode();
        cleared.put("alertId", alertId.toString());
        cleared.put("portfolio", portfolio);
        cleared.put("partyId", partyId);
        cleared.put("partyVersion", 1);
        cleared.put("entryId", entryId.toString());
        cleared.put("entryVersion", 1);
        cleared.put("reason", "DELISTED");
        trigger(cleared, entryId).put("eventType", "sanctions.entity.delisted").put("designationVersion", 2);
        cleared.put("foundAt", "2026-01-15T10:00:00.123456Z");
        cleared.put("clearedAt", "2026-02-01T08:30:00Z");
        return cleared;
    }

    private static ObjectNode trigger(ObjectNode event, UUID entryId) {
        return event.putObject("trigger").put("kind", "WATCHLIST_CHANGE").put("eventId", UUID.randomUUID().toString())
                .put("eventType", "sanctions.entity.listed").put("designationId", entryId.toString())
                .put("designationVersion", 1);
    }

    public static Set<ValidationMessage> violations(String type, String json) {
        JsonSchema schema = SCHEMAS.getSchema(SchemaLocation.of(SCHEMA_BASE + type + ".schema.json"), STRICT_FORMATS);
        return schema.validate(json, InputFormat.JSON);
    }
}
