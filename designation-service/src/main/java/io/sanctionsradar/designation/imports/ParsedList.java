package io.sanctionsradar.designation.imports;

import java.util.List;
import java.util.Set;

/**
 * What a parser made of a list file: the entries to import and the records it had to reject. Most files hold the
 * whole list, and an entry they lack is delisted; a delta ({@code removed} not null) holds only what changed: its
 * entries are listed or amended, the ids in {@code removed} delisted, and every other entry is left alone.
 */
public record ParsedList(String sourceList, List<ListEntry> entries, List<Rejection> rejections, Set<String> removed) {

    /** The whole list. */
    public ParsedList(String sourceList, List<ListEntry> entries, List<Rejection> rejections) {
        this(sourceList, entries, rejections, null);
    }

    static ParsedList delta(String sourceList, List<ListEntry> entries, List<Rejection> rejections,
                            Set<String> removed) {
        return new ParsedList(sourceList, entries, rejections, Set.copyOf(removed));
    }

    public boolean delta() {
        return removed != null;
    }
}
