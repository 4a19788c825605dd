package io.sanctionsradar.designation.imports;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One FollowTheMoney entity as OpenSanctions exports it: {@code id}, {@code schema}, {@code caption} (the name
 * OpenSanctions displays it by), {@code properties} (every property a list of strings; a reference to another entity
 * is that entity's id) and the {@code datasets} it comes from. Only what the import reads is kept.
 */
record FtmEntity(int line, String id, String schema, String caption, Map<String, List<String>> properties,
                 List<String> datasets) {

    /** The schemata whose entities can be designated. */
    static final Set<String> SUBJECT_SCHEMATA = Set.of("Person", "Organization", "Company", "LegalEntity", "Vessel");

    /** The values of a property, trimmed, blanks dropped; empty when the entity has none. */
    List<String> values(String property) {
        return properties.getOrDefault(property, List.of());
    }

    /** The first value of a property, or null. */
    String first(String property) {
        List<String> values = values(property);
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * Reads one entity object.
     *
     * @throws MalformedListException if it lacks an id or a schema, or a property is not a list of strings
     */
    static FtmEntity of(JsonNode node, int line) {
        if (node == null || !node.isObject()) {
            throw new MalformedListException("an entity is a JSON object", line);
        }
        String id = text(node.get("id"));
        String schema = text(node.get("schema"));
        if (id == null || schema == null) {
            throw new MalformedListException("an entity has an \"id\" and a \"schema\"", line);
        }
        Map<String, List<String>> properties = new LinkedHashMap<>();
        JsonNode props = node.path("properties");
        if (!props.isMissingNode() && !props.isObject()) {
            throw new MalformedListException("the \"properties\" of " + id + " are not an object", line);
        }
        props.fields().forEachRemaining(p -> properties.put(p.getKey(),
                strings(p.getValue(), id + "." + p.getKey(), line)));
        return new FtmEntity(line, id, schema, text(node.get("caption")), properties,
                strings(node.path("datasets"), id + ".datasets", line));
    }

    /** Only the id of a deleted entity is known. */
    static String idOf(JsonNode node, int line) {
        String id = node == null ? null : text(node.get("id"));
        if (id == null) {
            throw new MalformedListException("a deleted entity has an \"id\"", line);
        }
        return id;
    }

    private static List<String> strings(JsonNode array, String what, int line) {
        if (array.isMissingNode() || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new MalformedListException(what + " is not a list of strings", line);
        }
        List<String> values = new ArrayList<>(array.size());
        for (JsonNode value : array) {
            if (!value.isTextual()) {
                throw new MalformedListException(what + " is not a list of strings", line);
            }
            String v = value.asText().strip();
            if (!v.isEmpty()) {
                values.add(v);
            }
        }
        return values;
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText().strip() : null;
    }
}
