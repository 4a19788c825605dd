package io.sanctionsradar.matching.index;

import io.sanctionsradar.matching.SubjectType;
import io.sanctionsradar.matching.normalize.NameTokens;

import java.util.Arrays;

/**
 * The indexed names by name id, a dense id reused once its name is removed. Beside the records, per id, the few
 * facts a search reads for tens of thousands of names, each in its own array so that a pass over names loads
 * only what it needs: the bound data, whether a token repeats, the legal-form count and the entry's type.
 */
final class NameTable {

    NameRecord[] names = new NameRecord[1024];
    /**
     * {@link NameRecord#boundData} by name id, beside the records rather than in them: bounding a common word's
     * tens of thousands of names in a large index then loads one array each, not a record and then its array.
     */
    int[][] boundData = new int[1024][];
    /**
     * One bit per name id: the name has some token twice ("Mohamed Ali Mohamed"); its postings hold it once, so
     * a bound summed over the postings read would count that token once where the alignment may use it twice.
     */
    long[] repeatsToken = new long[16];
    /** Per name id: its legal-form tokens (up to MAX_TOKENS), which any query legal form may half match. */
    byte[] legalForms = new byte[1024];
    /**
     * Per name id: its entry's subject type, ordinal + 1, or 0 when the entry does not say (a monitored party
     * may not): a search turns names of another type away at their first posting, one byte read.
     */
    byte[] types = new byte[1024];
    int nameHighWater;
    final IntList freeNameIds = new IntList();
    int liveNames;

    /** Adds a name of this entry with these token, pair and triple ids; answers its record. */
    NameRecord add(EntryRecord record, PreparedName p, int[] tokenIds, int[] compoundIds, int[] tripleIds,
                   SubjectType type) {
        NameTokens t = p.tokens();
        int id = allocateNameId();
        NameRecord name = new NameRecord(id, record, p.name(), t, tokenIds, compoundIds, tripleIds);
        names[id] = name;
        boundData[id] = name.boundData();
        if (CandidateIndex.distinctOf(tokenIds).length < tokenIds.length) {
            repeatsToken[id >>> 6] |= 1L << id;
        }
        int forms = 0;
        for (int j = 0; j < Math.min(t.size(), NameTokens.MAX_TOKENS); j++) {
            forms += t.classes()[j] == NameTokens.LEGAL_FORM ? 1 : 0;
        }
        legalForms[id] = (byte) forms;
        types[id] = typeCode(type);
        liveNames++;
        return name;
    }

    /** Frees a name id for reuse. */
    void release(int id) {
        names[id] = null;
        boundData[id] = null;
        repeatsToken[id >>> 6] &= ~(1L << id);
        legalForms[id] = 0;
        types[id] = 0;
        freeNameIds.add(id);
        liveNames--;
    }

    void setType(int id, SubjectType type) {
        types[id] = typeCode(type);
    }

    private static byte typeCode(SubjectType type) {
        return (byte) (type == null ? 0 : type.ordinal() + 1);
    }

    /** {@link #typeCode} back to the type. */
    private static final SubjectType[] TYPE_OF_CODE = new SubjectType[SubjectType.values().length + 1];

    static {
        for (SubjectType t : SubjectType.values()) {
            TYPE_OF_CODE[typeCode(t)] = t;
        }
    }

    /**
     * Whether a query of this type (null: any) turns an entry of that type away. An entry that does not say its
     * type is never turned away, as a party of unknown type is screened against every listing.
     */
    public static boolean otherType(SubjectType query, SubjectType entry) {
        return query != null && entry != null && query != entry;
    }

    /** {@link #otherType(SubjectType, SubjectType)} for the entry of this name id, from one byte. */
    boolean otherType(int id, SubjectType type) {
        return otherType(type, TYPE_OF_CODE[types[id]]);
    }

    private int allocateNameId() {
        if (!freeNameIds.isEmpty()) {
            return freeNameIds.removeLast();
        }
        if (nameHighWater == names.length) {
            names = Arrays.copyOf(names, names.length * 2);
            boundData = Arrays.copyOf(boundData, names.length);
            repeatsToken = Arrays.copyOf(repeatsToken, names.length >> 6);
            legalForms = Arrays.copyOf(legalForms, names.length);
            types = Arrays.copyOf(types, names.length);
        }
        return nameHighWater++;
    }

    void clear() {
        names = new NameRecord[1024];
        boundData = new int[1024][];
        repeatsToken = new long[16];
        legalForms = new byte[1024];
        types = new byte[1024];
        nameHighWater = 0;
        freeNameIds.clear();
        liveNames = 0;
    }
}
