package io.sanctionsradar.designation.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** What changed between two versions of a document, leaf by leaf ("subject.aliases[1].name"). */
public final class Changes {

    /** Bookkeeping that changes with every version and says nothing about the designation itself. */
    private static final Set<String> IGNORED = Set.of("version", "recordedAt");

    /** One changed leaf; {@code from} is null for an added value, {@code to} for a removed one. */
    public record Change(String field, JsonNode from, JsonNode to) {
    }

    private Changes() {
    }

    /**
     * The changed leaves, sorted by field; none for a first version ({@code before} null): its state is the whole
     * record, and diffing it against nothing would only list every leaf at a cost.
     */
    public static List<Change> between(ObjectMapper json, Object before, Object after) {
        if (before == null) {
            return List.of();
        }
        Map<String, JsonNode> from = leaves(json.valueToTree(before));
        Map<String, JsonNode> to = leaves(json.valueToTree(after));
        Set<String> fields = new TreeSet<>(from.keySet());
        fields.addAll(to.keySet());
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            if (!IGNORED.contains(field) && !Objects.equals(from.get(field), to.get(field))) {
                changes.add(new Change(field, from.get(field), to.get(field)));
            }
        }
        return changes;
    }

    private static Map<String, JsonNode> leaves(JsonNode root) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        collect("", root, leaves);
        return leaves;
    }

    private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject() && !node.isEmpty()) {
            node.fields().forEachRemaining(f -> collect(path.isEmpty() ? f.getKey() : path + "." + f.getKey(),
                    f.getValue(), leaves));
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), leaves);
            }
        } else if (!node.isNull() && !(node.isContainerNode() && node.isEmpty())) {
            leaves.put(path, node);
        }
    }
}
