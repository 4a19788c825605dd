package io.sanctionsradar.designation.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header row of a spreadsheet list, found among its first rows by the columns a parser reads (title rows may
 * come first). Column names are compared cleaned and without case. A row naming any of the columns is the header
 * and must name them all; no such row within the first rows means the file is some other sheet.
 */
final class HeaderRow {

    private final List<String> columns;
    private final int within;
    private Map<String, Integer> found;
    private int width;

    HeaderRow(List<String> columns, int within) {
        this.columns = columns;
        this.within = within;
    }

    boolean found() {
        return found != null;
    }

    /** Takes a row read before the header: the header if it names a column, else a title row. */
    void offer(int line, List<String> cells) {
        Map<String, Integer> named = new HashMap<>();
        int last = 0;
        for (int i = 0; i < cells.size(); i++) {
            String name = key(cells.get(i));
            if (!name.isEmpty()) {
                named.putIfAbsent(name, i);
                last = i + 1;
            }
        }
        if (columns.stream().anyMatch(c -> named.containsKey(key(c)))) {
            List<String> missing = columns.stream().filter(c -> !named.containsKey(key(c))).toList();
            if (!missing.isEmpty()) {
                throw new MalformedListException("the header lacks " + missing, line);
            }
            found = named;
            width = last;
        } else if (line >= within) {
            throw new MalformedListException("no header row naming " + columns + " in the first " + within + " rows",
                    line);
        }
    }

    /** Refuses a file that ended before its header. */
    void require() {
        if (found == null) {
            throw new MalformedListException("no header row naming " + columns, null);
        }
    }

    /** The index of a column, null if the header does not name it. */
    Integer index(String column) {
        return found.get(key(column));
    }

    /** Columns up to the header's last named one: a value beyond it is a column the parser does not know. */
    int width() {
        return width;
    }

    private static String key(String cell) {
        return ListFiles.clean(cell).toLowerCase(Locale.ROOT);
    }
}
