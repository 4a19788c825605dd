package io.sanctionsradar.matching.identify;

import io.sanctionsradar.matching.Identifier;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Listed identifiers by key (canonical type and value) to the entries that carry them. Writes must be exclusive, as
 * for the name index; reads may run concurrently.
 */
public final class IdentifierIndex {

    private final Map<String, Set<String>> entriesByKey = new HashMap<>();
    private final Map<String, List<String>> keysByEntry = new HashMap<>();

    /** Indexes the entry's identifiers, replacing those it had. */
    public void put(String entryId, List<Identifier> identifiers) {
        remove(entryId);
        if (identifiers.isEmpty()) {
            return;
        }
        List<String> keys = identifiers.stream().map(Identifier::key).distinct().toList();
        keysByEntry.put(entryId, keys);
        for (String key : keys) {
            entriesByKey.computeIfAbsent(key, k -> new TreeSet<>()).add(entryId);
        }
    }

    public void remove(String entryId) {
        List<String> keys = keysByEntry.remove(entryId);
        if (keys == null) {
            return;
        }
        for (String key : keys) {
            Set<String> entries = entriesByKey.get(key);
            entries.remove(entryId);
            if (entries.isEmpty()) {
                entriesByKey.remove(key);
            }
        }
    }

    public void clear() {
        entriesByKey.clear();
        keysByEntry.clear();
    }

    /**
     * The entries holding an identifier with the key of one of these, sorted by id (the same order on every replica);
     * countries are not compared here.
     */
    public Set<String> entriesWithKeysOf(List<Identifier> identifiers) {
        Set<String> out = new TreeSet<>();
        for (Identifier identifier : identifiers) {
            out.addAll(entriesByKey.getOrDefault(identifier.key(), Set.of()));
        }
        return out;
    }
}
