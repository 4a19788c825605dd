package io.sanctionsradar.matching.index;

import io.sanctionsradar.matching.EntryName;
import io.sanctionsradar.matching.NameKind;
import io.sanctionsradar.matching.SubjectType;
import io.sanctionsradar.matching.WatchlistEntry;
import io.sanctionsradar.matching.normalize.NameNormalizer;
import io.sanctionsradar.matching.normalize.NameTokens;
import io.sanctionsradar.matching.normalize.Reusable;
import io.sanctionsradar.matching.normalize.TokenFeatures;
import io.sanctionsradar.matching.retrieve.SimMap;
import io.sanctionsradar.matching.score.EditDistance;
import io.sanctionsradar.matching.score.NameScorer;
import io.sanctionsradar.matching.score.SimCode;
import io.sanctionsradar.matching.score.TokenSimilarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The watchlist in searchable form: a vocabulary of normalized tokens (and of adjacent-token compounds, for
 * joined/split spellings) with posting lists of names, plus blocking keys over the vocabulary: variant group,
 * romanization fold key, Double Metaphone code, consonant skeleton and a deletion neighbourhood (for typos).
 * A query token is resolved against the vocabulary (tens of thousands of strings), never against every name.
 *
 * <p>Not thread-safe for writes; reads may run concurrently once writes are excluded (the engine's contract).
 */
public final class CandidateIndex {

    /** One designation and the names it contributes. */
    public static final class EntryRecord {
        /** swapped in place by {@link #updateIfSameNames}: the index only depends on the names */
        public WatchlistEntry entry;
        public int[] nameIds = new int[0];
        int[] distinctTokens = new int[0];
        /** See {@link CandidateIndex#strings}: made on the first check, as a monitored party's entry is never checked */
        volatile Strings strings;

        EntryRecord(WatchlistEntry entry) {
            this.entry = entry;
        }
    }

    /** One indexed name of an entry. */
    public static final class NameRecord {
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
            int m = Math.min(tokens.size(), NameScorer.MAX_TOKENS);
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

    /**
     * A name normalized ahead of insertion, with the features of its tokens and joined forms: this is the
     * costly part of a build, done in parallel outside the index.
     */
    public record PreparedName(EntryName name, NameTokens tokens, TokenFeatures[] tokenFeatures,
                        TokenFeatures[] compoundFeatures, TokenFeatures[] tripleFeatures) {
        static PreparedName of(EntryName name, NameTokens t, Function<String, TokenFeatures> features) {
            int n = t.size();
            TokenFeatures[] tf = new TokenFeatures[n];
            TokenFeatures[] cf = new TokenFeatures[n];
            TokenFeatures[] trf = new TokenFeatures[n];
            for (int j = 0; j < n; j++) {
                tf[j] = features.apply(t.tokens()[j]);
                cf[j] = t.joinsNext()[j] ? features.apply(t.compound(j)) : null;
                trf[j] = t.joinsThree(j) ? features.apply(t.triple(j)) : null;
            }
            return new PreparedName(name, t, tf, cf, trf);
        }
    }

    // vocabulary
    private final Map<String, Integer> vocabularyIds = new HashMap<>();
    private TokenFeatures[] vocabulary = new TokenFeatures[1024];
    private IntList[] tokenPostings = new IntList[1024];
    private IntList[] compoundPostings = new IntList[1024]; // joined pairs and triples
    private boolean[] fuzzyIndexed = new boolean[1024];
    private int vocabularySize;

    // blocking keys over the vocabulary
    private final Map<String, IntList> byGroup = new HashMap<>();
    private final Map<String, IntList> byFold = new HashMap<>();
    private final Map<String, IntList> byMetaphone = new HashMap<>();
    private final Map<String, IntList> bySkeleton = new HashMap<>();
    /** deletion-neighbourhood keys -> single-token vocabulary ids (typo candidates) */
    private final DeletionIndex byDeletion = new DeletionIndex();

    // names and entries
    private NameRecord[] names = new NameRecord[1024];
    /**
     * {@link NameRecord#boundData} by name id, beside the records rather than in them: bounding a common word's
     * tens of thousands of names in a large index then loads one array each, not a record and then its array.
     */
    private int[][] boundData = new int[1024][];
    /**
     * One bit per name id: the name has some token twice ("Mohamed Ali Mohamed"); its postings hold it once, so
     * a bound summed over the postings read would count that token once where the alignment may use it twice.
     */
    private long[] repeatsToken = new long[16];
    /** Per name id: its legal-form tokens (up to MAX_TOKENS), which any query legal form may half match. */
    private byte[] legalForms = new byte[1024];
    /**
     * Per name id: its entry's subject type, ordinal + 1, or 0 when the entry does not say (a monitored party
     * may not): a search turns names of another type away at their first posting, one byte read.
     */
    private byte[] types = new byte[1024];
    private int nameHighWater;
    private final IntList freeNameIds = new IntList();
    private int liveNames;
    private final Map<String, EntryRecord> entries = new HashMap<>();

    public final TokenStatistics stats = new TokenStatistics();

    // ---------------------------------------------------------------- writes

    public static List<PreparedName> prepare(WatchlistEntry entry) {
        return prepare(entry, TokenFeatures::new);
    }

    /**
     * For a single upsert: strings already in the vocabulary reuse their features (their phonetic and fold
     * keys are most of the cost of preparing a name). Callers hold the write lock, so the read is safe.
     */
    public List<PreparedName> prepareReusingVocabulary(WatchlistEntry entry) {
        return prepare(entry, token -> {
            Integer id = vocabularyIds.get(token);
            return id != null ? vocabulary[id] : new TokenFeatures(token);
        });
    }

    private static List<PreparedName> prepare(WatchlistEntry entry, Function<String, TokenFeatures> features) {
        List<PreparedName> out = new ArrayList<>();
        Set<NameTokens> seen = new java.util.HashSet<>();
        List<EntryName> ordered = new ArrayList<>(entry.names());
        // primary names first, so that a duplicate alias never hides the primary spelling
        ordered.sort((a, b) -> Boolean.compare(a.kind() != NameKind.PRIMARY, b.kind() != NameKind.PRIMARY));
        for (EntryName n : ordered) {
            if (n == null || n.name() == null) {
                continue;
            }
            NameTokens t = NameNormalizer.normalize(n.name());
            if (!t.isEmpty() && seen.add(t)) {
                out.add(PreparedName.of(n, t, features));
            }
        }
        return out;
    }

    public void put(WatchlistEntry entry, List<PreparedName> prepared) {
        remove(entry.entryId());
        EntryRecord record = new EntryRecord(entry);
        int[] nameIds = new int[prepared.size()];
        Set<Integer> distinct = new LinkedHashSet<>();
        for (int k = 0; k < prepared.size(); k++) {
            PreparedName p = prepared.get(k);
            NameTokens t = p.tokens();
            int[] tokenIds = new int[t.size()];
            int[] compoundIds = new int[t.size()];
            int[] tripleIds = new int[t.size()];
            for (int j = 0; j < t.size(); j++) {
                tokenIds[j] = intern(p.tokenFeatures()[j]);
                indexDeletions(tokenIds[j]);
                distinct.add(tokenIds[j]);
                compoundIds[j] = p.compoundFeatures()[j] != null ? intern(p.compoundFeatures()[j]) : -1;
                tripleIds[j] = p.tripleFeatures()[j] != null ? intern(p.tripleFeatures()[j]) : -1;
            }
            int id = allocateNameId();
            NameRecord name = new NameRecord(id, record, p.name(), t, tokenIds, compoundIds, tripleIds);
            names[id] = name;
            boundData[id] = name.boundData();
            if (distinctOf(tokenIds).length < tokenIds.length) {
                repeatsToken[id >>> 6] |= 1L << id;
            }
            int forms = 0;
            for (int j = 0; j < Math.min(t.size(), NameScorer.MAX_TOKENS); j++) {
                forms += t.classes()[j] == NameTokens.LEGAL_FORM ? 1 : 0;
            }
            legalForms[id] = (byte) forms;
            types[id] = typeCode(entry.type());
            liveNames++;
            nameIds[k] = id;
            for (int tid : distinctOf(tokenIds)) {
                tokenPostings[tid].add(id);
            }
            for (int cid : distinctOf(concat(compoundIds, tripleIds))) {
                compoundPostings[cid].add(id);
            }
        }
        record.nameIds = nameIds;
        record.distinctTokens = distinct.stream().mapToInt(Integer::intValue).toArray();
        stats.ensureCapacity(vocabularySize);
        stats.addEntry(record.distinctTokens);
        entries.put(entry.entryId(), record);
    }

    /**
     * Replaces the attributes (type, dates, countries) of an indexed entry whose names are unchanged, without
     * re-indexing: the index is a function of the names alone, and most re-published designations keep them.
     */
    public boolean updateIfSameNames(WatchlistEntry entry) {
        EntryRecord record = entries.get(entry.entryId());
        if (record == null || !record.entry.names().equals(entry.names())) {
            return false;
        }
        record.entry = entry;
        for (int id : record.nameIds) {
            types[id] = typeCode(entry.type());
        }
        return true;
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
    public boolean otherType(int id, SubjectType type) {
        return otherType(type, TYPE_OF_CODE[types[id]]);
    }

    public boolean remove(String entryId) {
        EntryRecord record = entries.remove(entryId);
        if (record == null) {
            return false;
        }
        for (int id : record.nameIds) {
            NameRecord name = names[id];
            for (int tid : distinctOf(name.tokenIds)) {
                tokenPostings[tid].removeValue(id);
            }
            for (int cid : distinctOf(concat(name.compoundIds, name.tripleIds))) {
                compoundPostings[cid].removeValue(id);
            }
            names[id] = null;
            boundData[id] = null;
            repeatsToken[id >>> 6] &= ~(1L << id);
            legalForms[id] = 0;
            types[id] = 0;
            freeNameIds.add(id);
            liveNames--;
        }
        stats.removeEntry(record.distinctTokens);
        return true;
    }

    /** Drops everything, vocabulary included, so a rebuild does not carry stale tokens. */
    public void clear() {
        lookups.clear();
        joinedLookups.clear();
        vocabularyIds.clear();
        vocabulary = new TokenFeatures[1024];
        tokenPostings = new IntList[1024];
        compoundPostings = new IntList[1024];
        fuzzyIndexed = new boolean[1024];
        vocabularySize = 0;
        byGroup.clear();
        byFold.clear();
        byMetaphone.clear();
        bySkeleton.clear();
        byDeletion.clear();
        names = new NameRecord[1024];
        boundData = new int[1024][];
        repeatsToken = new long[16];
        legalForms = new byte[1024];
        types = new byte[1024];
        nameHighWater = 0;
        freeNameIds.clear();
        liveNames = 0;
        entries.clear();
        stats.clear();
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

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private int intern(TokenFeatures f) {
        String token = f.token;
        Integer existing = vocabularyIds.get(token);
        if (existing != null) {
            return existing;
        }
        int id = vocabularySize++;
        if (id == vocabulary.length) {
            int cap = vocabulary.length * 2;
            vocabulary = Arrays.copyOf(vocabulary, cap);
            tokenPostings = Arrays.copyOf(tokenPostings, cap);
            compoundPostings = Arrays.copyOf(compoundPostings, cap);
            fuzzyIndexed = Arrays.copyOf(fuzzyIndexed, cap);
        }
        vocabulary[id] = f;
        forgetLookups(); // a cached lookup could miss the new string
        tokenPostings[id] = new IntList(2);
        compoundPostings[id] = new IntList(1);
        vocabularyIds.put(token, id);
        if (f.group != null) {
            byGroup.computeIfAbsent(f.group, k -> new IntList(2)).add(id);
        }
        byFold.computeIfAbsent(f.fold, k -> new IntList(1)).add(id);
        if (f.metaphone != null) {
            byMetaphone.computeIfAbsent(f.metaphone, k -> new IntList(2)).add(id);
            if (f.metaphoneAlt != null) {
                byMetaphone.computeIfAbsent(f.metaphoneAlt, k -> new IntList(2)).add(id);
            }
        }
        if (f.skeleton.length() >= 2) {
            bySkeleton.computeIfAbsent(f.skeleton, k -> new IntList(2)).add(id);
        }
        return id;
    }

    /**
     * Deletion-indexes a string once it is used as a single token. Joined forms are left out: they are long
     * and the scorer only accepts exact or variant joined forms. The vocabulary only grows, so entries are
     * never removed from this index (a string whose names are gone has empty postings).
     */
    private void indexDeletions(int id) {
        if (fuzzyIndexed[id] || vocabulary[id].token.length() < TokenSimilarity.MIN_FUZZY_LENGTH - 1) {
            return;
        }
        fuzzyIndexed[id] = true;
        byDeletion.add(vocabulary[id].token, id);
        forgetLookups(); // a joined form now used alone: cached lookups could miss it within their edits
    }

    private void forgetLookups() {
        if (!lookups.isEmpty() || !joinedLookups.isEmpty()) {
            lookups.clear();
            joinedLookups.clear();
        }
    }

    /** These vocabulary ids, each once, in order, without the -1 of an absent joined form. */
    public static int[] distinctOf(int[] ids) {
        int[] copy = ids.clone();
        Arrays.sort(copy);
        int n = 0;
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] >= 0 && (n == 0 || copy[i] != copy[n - 1])) {
                copy[n++] = copy[i];
            }
        }
        return Arrays.copyOf(copy, n);
    }

    // ---------------------------------------------------------------- reads

    public int size() {
        return entries.size();
    }

    public int liveNames() {
        return liveNames;
    }

    public int nameCapacity() {
        return nameHighWater;
    }

    public int vocabularySize() {
        return vocabularySize;
    }

    public EntryRecord entry(String entryId) {
        return entries.get(entryId);
    }

    public NameRecord name(int id) {
        return names[id];
    }

    public int[] boundData(int id) {
        return boundData[id];
    }

    /**
     * Vocabulary strings that a query's words are compared with, each once and ascending, beside the keys
     * {@link #reachable} tests of each as ints (hashes of the token, variant group, fold, skeleton and both phonetic
     * codes; length, first letter, whether it has a group and phonetic codes), {@link #KEYS} per string: comparing a
     * word with them all, for each of thousands of parties, then scans a few kilobytes instead of following every
     * string's features.
     */
    public record Strings(int[] ids, int[] keys) {
    }

    private static final int KEYS = 8;
    private static final int GROUP = 1;
    private static final int PHONETIC = 2;

    public Strings stringsOf(int[] distinctIds) {
        int[] keys = new int[distinctIds.length * KEYS];
        for (int i = 0; i < distinctIds.length; i++) {
            TokenFeatures e = vocabulary[distinctIds[i]];
            int k = i * KEYS;
            keys[k] = e.token.hashCode();
            keys[k + 1] = e.group == null ? 0 : e.group.hashCode();
            keys[k + 2] = e.fold.hashCode();
            keys[k + 3] = e.skeleton.hashCode();
            keys[k + 4] = e.metaphone == null ? 0 : e.metaphone.hashCode();
            keys[k + 5] = e.metaphoneAlt == null ? 0 : e.metaphoneAlt.hashCode();
            keys[k + 6] = e.token.length();
            // not whether it is deletion-indexed: a joined form listed later as a word becomes so (read live)
            keys[k + 7] = (e.group != null ? GROUP : 0) | (e.metaphone != null ? PHONETIC : 0)
                    | e.token.charAt(0) << 16;
        }
        return new Strings(distinctIds, keys);
    }

    /**
     * The strings of an entry's names (tokens, joined pairs and triples), each once: what checking a query against
     * the entry compares its words with. Readers racing on the first check make equal ones.
     */
    public Strings strings(EntryRecord entry) {
        Strings strings = entry.strings;
        if (strings == null) {
            IntList all = new IntList(16);
            for (int id : entry.nameIds) {
                NameRecord name = names[id];
                for (int j = 0; j < name.tokenIds.length; j++) {
                    all.add(name.tokenIds[j]);
                    all.add(name.compoundIds[j]);
                    all.add(name.tripleIds[j]);
                }
            }
            entry.strings = strings = stringsOf(distinctOf(all.toArray()));
        }
        return strings;
    }

    /** Legal-form tokens of this name. */
    public int legalForms(int id) {
        return legalForms[id];
    }

    /** True when some token occurs twice in this name. */
    public boolean repeatsToken(int id) {
        return (repeatsToken[id >>> 6] & 1L << id) != 0;
    }

    public TokenFeatures features(int vocabularyId) {
        return vocabulary[vocabularyId];
    }

    public int vocabularyId(String token) {
        Integer id = vocabularyIds.get(token);
        return id == null ? -1 : id;
    }

    public IntList tokenPostings(int vocabularyId) {
        return tokenPostings[vocabularyId];
    }

    /** Names in which this string is two or three adjacent tokens written together. */
    public IntList compoundPostings(int vocabularyId) {
        return compoundPostings[vocabularyId];
    }

    /** A query string's features and its similar vocabulary strings. */
    public record Lookup(TokenFeatures features, SimMap sims) {
    }

    /**
     * Lookups of recent query strings: names repeat their words ("Mohammed", "Trading", "Ltd"), and finding
     * the similar vocabulary of a word is the costliest step of a query. Results only depend on the
     * vocabulary, which only grows between clears, so the cache is dropped whenever a new string is interned
     * (writes are exclusive, so no read can race the drop); it is bounded by dropping it when full.
     */
    private final ConcurrentHashMap<String, Lookup> lookups = new ConcurrentHashMap<>();
    /**
     * Joined forms apart: two adjacent words of a name are often seen once ("Jamal Haddad"), and a million
     * monitored parties would otherwise flush the words, which repeat, out of {@link #lookups} every few seconds.
     */
    private final ConcurrentHashMap<String, Lookup> joinedLookups = new ConcurrentHashMap<>();

    /** Cached query strings; 0 disables the cache (to measure the uncached path). */
    static final int LOOKUP_CACHE_SIZE = Integer.getInteger("sanctionsradar.matching.lookupCache", 50_000);

    /** {@link #similar(TokenFeatures, boolean, boolean)} of a query token, through the cache. */
    public Lookup similar(String token, boolean abjad, boolean exactOnly) {
        String key = wordKey(token, abjad, exactOnly);
        Lookup l = lookups.get(key);
        if (l == null) {
            TokenFeatures f = new TokenFeatures(token);
            l = remember(lookups, key, new Lookup(f, similar(f, abjad, exactOnly)));
        }
        return l;
    }

    /** {@link #similarSpelling(TokenFeatures, boolean)} of a joined query form, through the cache. */
    public Lookup similarSpelling(String joined, boolean abjad) {
        String key = joinedKey(joined, abjad);
        Lookup l = joinedLookups.get(key);
        if (l == null) {
            TokenFeatures f = TokenFeatures.ofJoinedForm(joined);
            l = remember(joinedLookups, key, new Lookup(f, similarSpelling(f, abjad)));
        }
        return l;
    }

    private static String wordKey(String token, boolean abjad, boolean exactOnly) {
        return (exactOnly ? "=" : abjad ? "~" : "-").concat(token);
    }

    private static String joinedKey(String joined, boolean abjad) {
        return (abjad ? "J" : "j").concat(joined);
    }

    /**
     * {@link #similar(String, boolean, boolean)} of a word of two letters or more, answered for these vocabulary
     * strings only (distinct): what that lookup would find of them, each tested against the same keys instead of
     * searching the vocabulary. Checking a party against one listing needs a few dozen strings, which every party
     * checked against it compares its words with (kept with the entry); a cached lookup of the word, which holds its
     * similar strings in the whole vocabulary (hundreds for "Muhammad"), is not consulted: probing it for each of
     * the listing's strings costs more than comparing.
     */
    public Lookup similarAmong(String token, boolean abjad, Strings strings) {
        int id = vocabularyId(token); // a word in the vocabulary has its features there: no phonetic code to derive
        return compared(id >= 0 ? vocabulary[id] : new TokenFeatures(token), abjad, strings, false);
    }

    /** {@link #similarSpelling(String, boolean)} answered for these vocabulary strings only, as above. */
    public Lookup similarSpellingAmong(String joined, boolean abjad, Strings strings) {
        return compared(TokenFeatures.ofJoinedForm(joined), abjad, strings, true);
    }

    /** The strings a word's lookup would reach by its keys, with their codes; spelled alike only for a joined form. */
    private Lookup compared(TokenFeatures q, boolean abjad, Strings strings, boolean joined) {
        SimMap out = new SimMap(8);
        WordKeys keys = new WordKeys(q, abjad);
        int[] ids = strings.ids();
        int[] k = strings.keys();
        for (int i = 0; i < ids.length; i++) {
            if (joined ? keys.spelledKey(k, i * KEYS, vocabulary, ids[i]) : reachable(keys, k, i * KEYS, ids[i])) {
                TokenFeatures e = vocabulary[ids[i]];
                int code = SimCode.of(TokenSimilarity.compare(q, e, abjad));
                code = joined ? NameScorer.spelledAlike(code) : code;
                if (code != 0) {
                    out.put(ids[i], code);
                }
            }
        }
        return new Lookup(q, out);
    }

    /**
     * True when {@link #similar(TokenFeatures, boolean, boolean)} of a word of two letters or more reaches this
     * vocabulary string (its keys at {@code at}) through one of its keys; the deletion neighbourhood reaches the
     * deletion-indexed strings within the tolerated edits, and only those (DeletionIndexTest). Ints are compared
     * first, strings only when those agree.
     */
    private boolean reachable(WordKeys q, int[] k, int at, int id) {
        int length = k[at + 6];
        int flags = k[at + 7];
        if (q.spelledKey(k, at, vocabulary, id)
                || length == 1 && (char) (flags >>> 16) == q.features.token.charAt(0)) {
            return true;
        }
        TokenFeatures f = q.features;
        if (f.metaphone != null && (flags & PHONETIC) != 0 && (q.metaphone == k[at + 4] || q.metaphone == k[at + 5]
                || f.metaphoneAlt != null && (q.metaphoneAlt == k[at + 4] || q.metaphoneAlt == k[at + 5]))
                && TokenSimilarity.phoneticEqual(f, vocabulary[id])) {
            return true;
        }
        int n = f.token.length();
        int edits = TokenSimilarity.maxEdits(Math.max(n, length));
        return n >= TokenSimilarity.MIN_FUZZY_LENGTH - 1 && edits > 0 && Math.abs(n - length) <= edits
                && fuzzyIndexed[id] && withinEdits(f.token, vocabulary[id].token);
    }

    /** A word's keys as {@link Strings} holds them, for comparing it with many strings. */
    private static final class WordKeys {
        final TokenFeatures features;
        final boolean abjad;
        final int token;
        final int group;
        final int fold;
        final int skeleton;
        final int metaphone;
        final int metaphoneAlt;

        WordKeys(TokenFeatures q, boolean abjad) {
            this.features = q;
            this.abjad = abjad && q.skeleton.length() >= 2;
            token = q.token.hashCode();
            group = q.group == null ? 0 : q.group.hashCode();
            fold = q.fold.hashCode();
            skeleton = q.skeleton.hashCode();
            metaphone = q.metaphone == null ? 0 : q.metaphone.hashCode();
            metaphoneAlt = q.metaphoneAlt == null ? 0 : q.metaphoneAlt.hashCode();
        }

        /**
         * Whether the string with these keys shares a key of {@link #similarSpelling(TokenFeatures, boolean)} with the
         * word: exact, variant group, fold, abjad skeleton.
         */
        boolean spelledKey(int[] k, int at, TokenFeatures[] vocabulary, int id) {
            TokenFeatures q = features;
            return token == k[at] && q.token.equals(vocabulary[id].token)
                    || q.group != null && (k[at + 7] & GROUP) != 0 && group == k[at + 1]
                    && q.group.equals(vocabulary[id].group)
                    || fold == k[at + 2] && q.fold.equals(vocabulary[id].fold)
                    || abjad && skeleton == k[at + 3] && q.skeleton.equals(vocabulary[id].skeleton);
        }
    }

    private static Lookup remember(Map<String, Lookup> cache, String key, Lookup l) {
        if (LOOKUP_CACHE_SIZE > 0) {
            if (cache.size() >= LOOKUP_CACHE_SIZE) {
                cache.clear();
            }
            cache.put(key, l);
        }
        return l;
    }

    /**
     * All vocabulary strings similar to q (any rule of {@link TokenSimilarity}), with their similarity codes.
     * Blocking keys make this exhaustive: exact, variant group, fold key, metaphone, skeleton and a deletion
     * neighbourhood that cannot miss a single-token string within the tolerated edit distance (joined forms are
     * only reached through the exact keys, matching what the scorer accepts for them).
     */
    public SimMap similar(TokenFeatures q, boolean abjad, boolean exactOnly) {
        SimMap out = new SimMap(32);
        int exact = vocabularyId(q.token);
        if (exact >= 0) {
            out.put(exact, SimCode.of(TokenSimilarity.Result.EXACT));
        }
        if (exactOnly) {
            return out;
        }
        if (q.token.length() > 1) {
            consider(q, abjad, vocabularyId(q.token.substring(0, 1)), out);
        }
        if (q.group != null) {
            considerAll(q, abjad, byGroup.get(q.group), out);
        }
        considerAll(q, abjad, byFold.get(q.fold), out);
        if (q.metaphone != null) {
            considerAll(q, abjad, byMetaphone.get(q.metaphone), out);
            if (q.metaphoneAlt != null) {
                considerAll(q, abjad, byMetaphone.get(q.metaphoneAlt), out);
            }
        }
        if (abjad && q.skeleton.length() >= 2) {
            considerAll(q, abjad, bySkeleton.get(q.skeleton), out);
        }
        if (q.token.length() >= TokenSimilarity.MIN_FUZZY_LENGTH - 1) {
            fuzzyCandidates(q, abjad, out);
        }
        return out;
    }

    /**
     * Vocabulary strings spelled alike (exact, listed variant, romanization fold, abjad skeleton): what a
     * joined query form ("hik"+"vision") may match; no typo tolerance on top of a join.
     */
    public SimMap similarSpelling(TokenFeatures q, boolean abjad) {
        SimMap out = new SimMap(8);
        int exact = vocabularyId(q.token);
        if (exact >= 0) {
            out.put(exact, SimCode.of(TokenSimilarity.Result.EXACT));
        }
        if (q.group != null) {
            considerAll(q, abjad, byGroup.get(q.group), out);
        }
        considerAll(q, abjad, byFold.get(q.fold), out);
        if (abjad && q.skeleton.length() >= 2) {
            considerAll(q, abjad, bySkeleton.get(q.skeleton), out);
        }
        SimMap alike = new SimMap(out.size());
        out.forEach((id, code) -> {
            if (NameScorer.spelledAlike(code) != 0) {
                alike.put(id, code);
            }
        });
        return alike;
    }

    private void considerAll(TokenFeatures q, boolean abjad, IntList ids, SimMap out) {
        if (ids == null) {
            return;
        }
        for (int i = 0; i < ids.size(); i++) {
            consider(q, abjad, ids.get(i), out);
        }
    }

    private void consider(TokenFeatures q, boolean abjad, int id, SimMap out) {
        if (id < 0 || out.containsKey(id)) {
            return;
        }
        int code = SimCode.of(TokenSimilarity.compare(q, vocabulary[id], abjad));
        if (code != 0) {
            out.put(id, code);
        }
    }

    /** Visited marks over the vocabulary, one set per running lookup (reads never resize shared state). */
    private static final class Marks {
        int[] seen = new int[0];
        int stamp;
    }

    private final Reusable<Marks> marksInUse = new Reusable<>(Marks::new);

    private void fuzzyCandidates(TokenFeatures q, boolean abjad, SimMap out) {
        Marks marks = marksInUse.take();
        if (marks.seen.length < vocabularySize) {
            marks.seen = new int[vocabularySize + 1024];
            marks.stamp = 0;
        }
        if (++marks.stamp == 0) { // wrapped: old marks could collide with the new stamp
            Arrays.fill(marks.seen, 0);
            marks.stamp = 1;
        }
        int stamp = marks.stamp;
        int[] seen = marks.seen;
        for (long key : DeletionIndex.keys(q.token, DeletionIndex.budget(q.token.length()))) {
            int v = byDeletion.find(key);
            if (v == DeletionIndex.ABSENT) {
                continue;
            }
            if (v >= 0) {
                verify(q, abjad, v, seen, stamp, out);
            } else {
                IntList l = byDeletion.list(v);
                for (int i = 0; i < l.size(); i++) {
                    verify(q, abjad, l.get(i), seen, stamp, out);
                }
            }
        }
        marksInUse.give(marks);
    }

    private void verify(TokenFeatures q, boolean abjad, int id, int[] seen, int stamp, SimMap out) {
        if (seen[id] == stamp) {
            return;
        }
        seen[id] = stamp;
        if (!out.containsKey(id) && withinEdits(q.token, vocabulary[id].token)) {
            consider(q, abjad, id, out);
        }
    }

    /**
     * Strings reached only through deletion keys can match by spelling distance alone (every other rule has its
     * own exact key, already read), so the distance is checked before the full comparison. This is the edit
     * rule the deletion index must never miss a pair of (DeletionIndexTest).
     */
    static boolean withinEdits(String q, String e) {
        int k = TokenSimilarity.maxEdits(Math.max(q.length(), e.length()));
        return k > 0 && EditDistance.damerauLevenshtein(q, e, k) <= k;
    }
}
