package io.sanctionsradar.console.pages.designations;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What changed from one version of a designation to the next, field by field: each value added, removed or changed,
 * named by its path ({@code subject.aliases[2].name}). Lists are compared position by position, as the service
 * keeps them in the order the list publishes them.
 */
public final class VersionDiff {

    /** Bookkeeping that changes with every version and says nothing about the designation itself. */
    static final Set<String> BOOKKEEPING = Set.of("version", "recordedAt");

    public enum Kind { ADDED, REMOVED, CHANGED }

    /** One difference; {@code before} is empty for an added value, {@code after} for a removed one. */
    public record Difference(Kind kind, String path, String before, String after) {
        public String css() {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private VersionDiff() {
    }

    public static List<Difference> between(JsonNode before, JsonNode after) {
        List<Difference> differences = new ArrayList<>();
        compare("", before, after, differences);
        return differences;
    }

    private static void compare(String path, JsonNode before, JsonNode after, List<Difference> differences) {
        if (BOOKKEEPING.contains(path) || absent(before) && absent(after)) {
            return;
        }
        if (absent(before)) {
            differences.add(new Difference(Kind.ADDED, path, "", shown(after)));
        } else if (absent(after)) {
            differences.add(new Difference(Kind.REMOVED, path, shown(before), ""));
        } else if (before.isObject() && after.isObject()) {
            Set<String> fields = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(fields::add);
            after.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                compare(path.isEmpty() ? field : path + "." + field, before.get(field), after.get(field), differences);
            }
        } else if (before.isArray() && after.isArray()) {
            for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                compare(path + "[" + i + "]", before.get(i), after.get(i), differences);
            }
        } else if (!before.equals(after)) {
            differences.add(new Difference(Kind.CHANGED, path, shown(before), shown(after)));
        }
    }

    /** Missing, null and empty read alike: a list the service leaves empty in one version and out in the next. */
    private static boolean absent(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return true;
        }
        if (!node.isContainerNode()) {
            return false;
        }
        for (JsonNode member : node) {
            if (!absent(member)) {
                return false;
            }
        }
        return true;
    }

    private static String shown(JsonNode node) {
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
