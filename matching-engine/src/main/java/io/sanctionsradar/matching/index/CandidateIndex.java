package io.sanctionsradar.matching.index;

import io.sanctionsradar.matching.EntryName;
import io.sanctionsradar.matching.NameKind;
import io.sanctionsradar.matching.SubjectType;
import io.sanctionsradar.matching.WatchlistEntry;
import io.sanctionsradar.matching.normalize.NameNormalizer;
import io.sanctionsradar.matching.normalize.NameTokens;
import io.sanctionsradar.matching.normalize.TokenFeatures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private final Vocabulary vocab;
    private final NameTable names = new NameTable();
    private final SimilarStrings similar;
    private final AmongKnownStrings among;
    private final Map<String, EntryRecord> entries = new HashMap<>();

    public final TokenStatistics stats = new TokenStatistics();

    public CandidateIndex() {
        SimilarStrings[] lookups = new SimilarStrings[1];
        vocab = new Vocabulary(() -> lookups[0].forget());
        similar = lookups[0] = new SimilarStrings(vocab);
        among = new AmongKnownStrings(vocab);
    }

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
            Integer id = vocab.ids.get(token);
            return id != null ? vocab.features[id] : new TokenFeatures(token);
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
            nameIds[k] = putName(record, prepared.get(k), entry.type(), distinct).id;
        }
        record.nameIds = nameIds;
        record.distinctTokens = distinct.stream().mapToInt(Integer::intValue).toArray();
        stats.ensureCapacity(vocab.size);
        stats.addEntry(record.distinctTokens);
        entries.put(entry.entryId(), record);
    }

    /** Interns a name's strings, adds its record and its postings; collects its token ids into distinct. */
    private NameRecord putName(EntryRecord record, PreparedName p, SubjectType type, Set<Integer> distinct) {
        NameTokens t = p.tokens();
        int[] tokenIds = new int[t.size()];
        int[] compoundIds = new int[t.size()];
        int[] tripleIds = new int[t.size()];
        for (int j = 0; j < t.size(); j++) {
            tokenIds[j] = vocab.intern(p.tokenFeatures()[j]);
            vocab.indexDeletions(tokenIds[j]);
            distinct.add(tokenIds[j]);
            compoundIds[j] = p.compoundFeatures()[j] != null ? vocab.intern(p.compoundFeatures()[j]) : -1;
            tripleIds[j] = p.tripleFeatures()[j] != null ? vocab.intern(p.tripleFeatures()[j]) : -1;
            if (t.abjad()) {
                vocab.markAbjad(tokenIds[j]);
                vocab.markAbjad(compoundIds[j]);
                vocab.markAbjad(tripleIds[j]);
            }
        }
        NameRecord name = names.add(record, p, tokenIds, compoundIds, tripleIds, type);
        for (int tid : distinctOf(tokenIds)) {
            vocab.tokenPostings[tid].add(name.id);
        }
        for (int cid : distinctOf(concat(compoundIds, tripleIds))) {
            vocab.compoundPostings[cid].add(name.id);
        }
        return name;
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
            names.setType(id, entry.type());
        }
        return true;
    }

    /**
     * Whether a query of this type (null: any) turns an entry of that type away. An entry that does not say its
     * type is never turned away, as a party of unknown type is screened against every listing.
     */
    public static boolean otherType(SubjectType query, SubjectType entry) {
        return NameTable.otherType(query, entry);
    }

    /** {@link #otherType(SubjectType, SubjectType)} for the entry of this name id, from one byte. */
    public boolean otherType(int id, SubjectType type) {
        return names.otherType(id, type);
    }

    public boolean remove(String entryId) {
        EntryRecord record = entries.remove(entryId);
        if (record == null) {
            return false;
        }
        for (int id : record.nameIds) {
            NameRecord name = names.names[id];
            for (int tid : distinctOf(name.tokenIds)) {
                vocab.tokenPostings[tid].removeValue(id);
            }
            for (int cid : distinctOf(concat(name.compoundIds, name.tripleIds))) {
                vocab.compoundPostings[cid].removeValue(id);
            }
            names.release(id);
        }
        stats.removeEntry(record.distinctTokens);
        return true;
    }

    /** Drops everything, vocabulary included, so a rebuild does not carry stale tokens. */
    public void clear() {
        similar.forget();
        vocab.clear();
        names.clear();
        entries.clear();
        stats.clear();
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
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
        return names.liveNames;
    }

    public int nameCapacity() {
        return names.nameHighWater;
    }

    public int vocabularySize() {
        return vocab.size;
    }

    public EntryRecord entry(String entryId) {
        return entries.get(entryId);
    }

    public NameRecord name(int id) {
        return names.names[id];
    }

    /** {@link NameRecord#boundData} of a name id. */
    public int[] boundData(int id) {
        return names.boundData[id];
    }

    /** These vocabulary strings (distinct, ascending) with their keys, to compare query words with. */
    public KnownStrings stringsOf(int[] distinctIds) {
        return among.of(distinctIds);
    }

    /**
     * The strings of an entry's names (tokens, joined pairs and triples), each once: what checking a query against
     * the entry compares its words with. Readers racing on the first check make equal ones.
     */
    public KnownStrings strings(EntryRecord entry) {
        KnownStrings strings = entry.strings;
        if (strings == null) {
            IntList all = new IntList(16);
            for (int id : entry.nameIds) {
                NameRecord name = names.names[id];
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
        return names.legalForms[id];
    }

    /** True when some token occurs twice in this name. */
    public boolean repeatsToken(int id) {
        return (names.repeatsToken[id >>> 6] & 1L << id) != 0;
    }

    public TokenFeatures features(int vocabularyId) {
        return vocab.features[vocabularyId];
    }

    /** Whether some indexed name written in an abjad holds this string (see {@link TokenSimilarity#compare}). */
    public boolean abjadBorn(int vocabularyId) {
        return vocab.abjadBorn[vocabularyId];
    }

    public int vocabularyId(String token) {
        return vocab.id(token);
    }

    public IntList tokenPostings(int vocabularyId) {
        return vocab.tokenPostings[vocabularyId];
    }

    /** Names in which this string is two or three adjacent tokens written together. */
    public IntList compoundPostings(int vocabularyId) {
        return vocab.compoundPostings[vocabularyId];
    }

    /** All vocabulary strings similar to a query token (see {@link SimilarStrings}), through the cache. */
    public Lookup similar(String token, boolean abjad, boolean exactOnly) {
        return similar.similar(token, abjad, exactOnly);
    }

    /** Vocabulary strings spelled alike a joined query form, through the cache. */
    public Lookup similarSpelling(String joined, boolean abjad) {
        return similar.similarSpelling(joined, abjad);
    }

    /** {@link #similar(String, boolean, boolean)} answered for these known strings only. */
    public Lookup similarAmong(String token, boolean abjad, KnownStrings strings) {
        return among.similarAmong(token, abjad, strings);
    }

    /** {@link #similarSpelling(String, boolean)} answered for these known strings only. */
    public Lookup similarSpellingAmong(String joined, boolean abjad, KnownStrings strings) {
        return among.similarSpellingAmong(joined, abjad, strings);
    }
}
