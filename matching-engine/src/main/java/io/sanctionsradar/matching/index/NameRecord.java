package io.sanctionsradar.matching.index;

import io.sanctionsradar.matching.EntryName;
import io.sanctionsradar.matching.normalize.NameTokens;

/** One indexed name of an entry. */
public final class NameRecord {
    public final int id;
    public final EntryRecord entry;
    public final EntryName name;
    public final NameTokens tokens;
    public final int[] tokenIds;
    /** vocabulary id of tokens[j] + tokens[j+1], or -1 where those two may not be joined */
    public final int[] compoundIds;
    /** vocabulary id of tokens[j..j+2] joined ("abd al jalil"), or -1 */
    public final int[] tripleIds;

    NameRecord(int id, EntryRecord entry, EntryName name, NameTokens tokens, int[] tokenIds, int[] compoundIds,
               int[] tripleIds) {
        this.id = id;
        this.entry = entry;
        this.name = name;
        this.tokens = tokens;
        this.tokenIds = tokenIds;
        this.compoundIds = compoundIds;
        this.tripleIds = tripleIds;
    }

    /**
     * Per token (at most MAX_TOKENS): id, joined-pair id, joined-triple id (-1 when absent or past the
     * end), class | first letter << 8; one array so bounding a candidate touches one object, not six.
     */
    int[] boundData() {
        int m = Math.min(tokens.size(), NameTokens.MAX_TOKENS);
        int[] flat = new int[m * 4];
        for (int j = 0; j < m; j++) {
            flat[4 * j] = tokenIds[j];
            flat[4 * j + 1] = j + 2 <= m ? compoundIds[j] : -1;
            flat[4 * j + 2] = j + 3 <= m ? tripleIds[j] : -1;
            flat[4 * j + 3] = tokens.classes()[j] & 0xFF | tokens.tokens()[j].charAt(0) << 8;
        }
        return flat;
    }
}
