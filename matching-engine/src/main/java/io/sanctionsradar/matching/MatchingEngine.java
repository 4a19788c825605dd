package io.sanctionsradar.matching;

import io.sanctionsradar.matching.Explanation.IdentifierMatch;
import io.sanctionsradar.matching.explain.Explainer;
import io.sanctionsradar.matching.explain.IdentifierEvidence;
import io.sanctionsradar.matching.identify.IdentifierIndex;
import io.sanctionsradar.matching.index.CandidateIndex;
import io.sanctionsradar.matching.index.EntryRecord;
import io.sanctionsradar.matching.index.IntList;
import io.sanctionsradar.matching.index.KnownStrings;
import io.sanctionsradar.matching.index.LocalityOrder;
import io.sanctionsradar.matching.index.NameRecord;
import io.sanctionsradar.matching.index.PreparedName;
import io.sanctionsradar.matching.normalize.NameNormalizer;
import io.sanctionsradar.matching.normalize.GluedWords;
import io.sanctionsradar.matching.normalize.NameTokens;
import io.sanctionsradar.matching.normalize.Reusable;
import io.sanctionsradar.matching.retrieve.CandidateSearch;
import io.sanctionsradar.matching.retrieve.Candidates;
import io.sanctionsradar.matching.retrieve.QueryPlan;
import io.sanctionsradar.matching.retrieve.ScreeningDirection;
import io.sanctionsradar.matching.score.RankedEntry;
import io.sanctionsradar.matching.score.Ranker;
import io.sanctionsradar.matching.score.SecondarySignals;
import io.sanctionsradar.matching.score.SimSources;
import io.sanctionsradar.matching.tuning.Tuning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Name-matching engine facade: an in-memory index of watchlist names and a scorer.
 *
 * <p>Thread-safety: {@link #screen} may run concurrently with other {@code screen} calls; writes
 * ({@link #upsert}, {@link #remove}, {@link #replaceAll}) must be exclusive (the caller's read-write lock).
 * Name-sized scratch buffers are {@link Reusable}: taken by a query, given back when it is answered.
 */
public final class MatchingEngine {

    /** Name and version of the algorithm; changes whenever scores for the same input can change. */
    public static final String ALGORITHM = "sanctions-radar-name-match/2.0";

    /** Score at or above which a name is reported as a hit (why 0.78: {@link Tuning#DEFAULT_THRESHOLD}). */
    public static final double DEFAULT_THRESHOLD = Tuning.DEFAULT_THRESHOLD;

    private final CandidateIndex index = new CandidateIndex();
    private final IdentifierIndex identifiers = new IdentifierIndex();
    private final CandidateSearch search;
    /** Whether the queries or the indexed names are the screened side (see {@link #reverse()}). */
    private final ScreeningDirection direction;

    public MatchingEngine() {
        this(Tuning.PARALLEL_BOUNDS_FROM, ScreeningDirection.FORWARD);
    }

    /** For unit tests in this package: an engine that bounds on two threads from this many touched names. */
    MatchingEngine(int parallelBoundsFrom) {
        this(parallelBoundsFrom, ScreeningDirection.FORWARD);
    }

    private MatchingEngine(int parallelBoundsFrom, ScreeningDirection direction) {
        this.search = new CandidateSearch(index, parallelBoundsFrom);
        this.direction = direction;
    }

    /**
     * An engine for the other direction ({@link ScreeningDirection#REVERSE}): it holds the names that get screened
     * (monitored parties) and is searched with listed names, weighing, aligning and looking titles up as a forward
     * screening of each indexed name would, so that, with the same token statistics, it never scores a pair below
     * the forward screening (ReverseSearchTest): the two differ only by the book's statistics.
     */
    public static MatchingEngine reverse() {
        return new MatchingEngine(Tuning.PARALLEL_BOUNDS_FROM, ScreeningDirection.REVERSE);
    }

    /** Adds the entry, or replaces the entry with the same id. */
    public void upsert(WatchlistEntry entry) {
        identifiers.put(entry.entryId(), entry.identifiers());
        if (index.updateIfSameNames(entry)) {
            return; // same names: nothing to re-index, only the entry's other attributes change
        }
        index.put(entry, index.prepareReusingVocabulary(entry));
    }

    public void remove(String entryId) {
        identifiers.remove(entryId);
        index.remove(entryId);
    }

    /**
     * Rebuilds the index from scratch; names are normalized in parallel, then inserted sequentially in
     * {@link LocalityOrder}. An entry listed twice counts as its last occurrence, as if each replaced the one before.
     */
    public void replaceAll(Collection<WatchlistEntry> entries) {
        Map<String, WatchlistEntry> last = new LinkedHashMap<>();
        for (WatchlistEntry entry : entries) {
            last.remove(entry.entryId());
            last.put(entry.entryId(), entry);
        }
        List<WatchlistEntry> list = new ArrayList<>(last.values());
        List<List<PreparedName>> prepared = list.parallelStream().map(CandidateIndex::prepare).toList();
        index.clear();
        identifiers.clear();
        for (WatchlistEntry entry : list) {
            identifiers.put(entry.entryId(), entry.identifiers());
        }
        for (int i : LocalityOrder.of(prepared)) {
            index.put(list.get(i), prepared.get(i));
        }
    }

    /** Number of entries. */
    public int size() {
        return index.size();
    }

    /** Number of distinct indexed names (after normalization) across entries. */
    public int nameCount() {
        return index.liveNames();
    }

    /**
     * Best-first matches with score ≥ threshold, at most one per entry (its best name), at most {@code limit}. Entries
     * holding an identifier equal to one of the query's come first, scored 1.0, whatever their names.
     *
     * @param entryFilter entries for which this returns false are skipped (null = all)
     */
    public List<Match> screen(Query query, double threshold, int limit, Predicate<String> entryFilter) {
        return withIdentifierMatches(query, screenNames(query, threshold, limit, entryFilter), limit, entryFilter,
                null);
    }

    private List<Match> screenNames(Query query, double threshold, int limit, Predicate<String> entryFilter) {
        return withPlan(query, limit, null, plan -> {
            Candidates c = search.candidates(plan, threshold, Math.max(Tuning.MAX_CANDIDATES, limit));
            QueryPlan.SimSource sims = SimSources.indexed(plan, index);
            return explained(plan, sims, rank(plan, c, sims, threshold, limit, entryFilter));
        });
    }

    /**
     * The ids of the entries {@link #screen} matches, in its order, without their explanations: for a caller that
     * only needs to know which entries match (the monitoring reverse pass, where a common name matches thousands).
     */
    public List<String> screenIds(Query query, double threshold, int limit, Predicate<String> entryFilter) {
        List<String> byName = withPlan(query, limit, null, plan -> {
            Candidates c = search.candidates(plan, threshold, Math.max(Tuning.MAX_CANDIDATES, limit));
            return rank(plan, c, SimSources.indexed(plan, index), threshold, limit, entryFilter).stream()
                    .map(RankedEntry::entryId).toList();
        });
        Map<String, List<IdentifierMatch>> hits = identifierHits(query, limit, entryFilter, null);
        if (hits.isEmpty()) {
            return byName;
        }
        List<String> out = new ArrayList<>(hits.keySet());
        byName.stream().filter(id -> !hits.containsKey(id)).forEach(out::add);
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    public List<Match> screen(Query query) {
        return screen(query, DEFAULT_THRESHOLD, 10, null);
    }

    /** What a match through a name of this kind has added to its score (a weak alias: a negative amount). */
    public static double nameKindAdjustment(NameKind kind) {
        return SecondarySignals.nameKindAdjustment(kind);
    }

    /**
     * Names with equal keys are searched alike: the same normalized tokens, token classes, adjacency and script, so
     * {@link #screenIds} answers the same for either with the same other query attributes ("DROUKDEL, Abdelmalek" and
     * "Droukdel Abdelmalek"). Lets a caller with many aliases search each distinct one once.
     */
    public static String searchKey(String name) {
        NameTokens t = NameNormalizer.normalize(name == null ? "" : name);
        return t + "|" + Arrays.toString(t.classes()) + Arrays.toString(t.joinsNext()) + t.transliterated() + t.abjad();
    }

    /**
     * A name's identity: its normalized words in sorted order, titles left out, so the ways lists write one name
     * ("WANG, Junzheng", "Junzheng Wang") agree; equal keys are the same written name, not yet the same person.
     */
    public static String identityKey(String name) {
        NameTokens t = NameNormalizer.normalize(name == null ? "" : name);
        List<String> words = new ArrayList<>(t.tokens().length);
        for (int i = 0; i < t.tokens().length; i++) {
            if (t.classes()[i] != NameTokens.TITLE) {
                words.add(t.tokens()[i]);
            }
        }
        words.sort(null);
        return String.join(" ", words);
    }

    /**
     * Screens the query against these entries only, scoring their names exactly as {@link #screen} does (same
     * similarity lookups, same scorer): checking known candidates costs the query's lookups and a few names, not a
     * search, and its plan only holds the strings of those names.
     */
    public List<Match> screenEntries(Query query, double threshold, int limit, Collection<String> entryIds,
                                     Predicate<String> entryFilter) {
        return withIdentifierMatches(query, screenEntryNames(query, threshold, limit, entryIds, entryFilter), limit,
                entryFilter, entryIds);
    }

    private List<Match> screenEntryNames(Query query, double threshold, int limit, Collection<String> entryIds,
                                         Predicate<String> entryFilter) {
        if (limit <= 0 || entryIds.isEmpty() || query == null) {
            return List.of();
        }
        IntList ids = new IntList(8);
        List<KnownStrings> own = new ArrayList<>(1);
        for (String entryId : entryIds) {
            EntryRecord entry = index.entry(entryId);
            if (entry != null && typeAllowed(query, entry)) {
                for (int id : entry.nameIds) {
                    ids.add(id);
                }
                own.add(index.strings(entry));
            }
        }
        if (own.isEmpty()) {
            return List.of();
        }
        // most checks concern one entry, whose strings are kept; several are merged once
        KnownStrings strings = own.size() == 1 ? own.get(0) : index.stringsOf(CandidateIndex.distinctOf(
                own.stream().flatMapToInt(o -> Arrays.stream(o.ids())).toArray()));
        return withPlan(query, limit, strings, plan -> {
            QueryPlan.SimSource sims = SimSources.indexed(plan, index);
            // names that cannot reach the threshold are not aligned: a listing of dozens of aliases, thousands of parties
            Candidates c = search.checkBounds(plan, ids.toArray());
            return explained(plan, sims, rank(plan, c, sims, threshold, limit, entryFilter));
        });
    }

    /** Test oracle: scores every indexed name with directly computed token similarities, no blocking. */
    List<Match> screenExhaustively(Query query, double threshold, int limit, Predicate<String> entryFilter) {
        return withPlan(query, limit, null, plan -> {
            int[] ids = new int[index.nameCapacity()];
            int count = 0;
            for (int id = 0; id < index.nameCapacity(); id++) {
                NameRecord n = index.name(id);
                if (n != null && typeAllowed(plan.query, n.entry)) {
                    ids[count++] = id;
                }
            }
            QueryPlan.SimSource sims = SimSources.direct(plan, index);
            return explained(plan, sims,
                    Ranker.rank(index, plan, ids, null, count, sims, threshold, limit, entryFilter));
        });
    }

    /**
     * For unit tests in this package: a search's candidate names with their bounds, "name id:bound", best first, after
     * how many names were bounded from their tokens (a credit bound too high only shows there).
     */
    List<String> boundsForTest(Query query, double threshold) {
        return withPlan(query, 1, null, plan -> {
            Candidates c = search.candidates(plan, threshold, Integer.MAX_VALUE);
            List<String> out = new ArrayList<>(c.count() + 1);
            out.add("bounded from their tokens: " + c.exactBounds());
            for (int i = 0; i < c.count(); i++) {
                out.add(c.ids()[i] + ":" + c.bounds()[i]);
            }
            return out;
        });
    }

    /** For unit tests in this package: the index behind the facade. */
    CandidateIndex indexForTest() {
        return index;
    }

    // ---------------------------------------------------------------- identifiers

    /**
     * The name matches with the entries that hold one of the query's identifiers first, scored 1.0 and explained by
     * the identifiers that agree (and their best name's alignment when the query has a name).
     *
     * @param onlyEntries when not null, identifier matches among these entries only
     */
    private List<Match> withIdentifierMatches(Query query, List<Match> byName, int limit,
                                              Predicate<String> entryFilter, Collection<String> onlyEntries) {
        Map<String, List<IdentifierMatch>> hits = identifierHits(query, limit, entryFilter, onlyEntries);
        if (hits.isEmpty()) {
            return byName;
        }
        Map<String, Match> named = new LinkedHashMap<>();
        byName.forEach(m -> named.put(m.entryId(), m));
        List<Match> out = new ArrayList<>(hits.size() + byName.size());
        hits.forEach((entryId, evidence) -> out.add(IdentifierEvidence.identified(entryId,
                named.containsKey(entryId) ? named.get(entryId) : bestName(query, entryId),
                index.entry(entryId).entry, evidence)));
        byName.stream().filter(m -> !hits.containsKey(m.entryId())).forEach(out::add);
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    /** The entry's best-aligned name for the query at any score, or null when the query has no name to align. */
    private Match bestName(Query query, String entryId) {
        List<Match> best = screenEntryNames(query, 0, 1, List.of(entryId), null);
        return best.isEmpty() ? null : best.get(0);
    }

    /** Entries (by id, sorted) holding an identifier the same as one of the query's, with the pairs that agree. */
    private Map<String, List<IdentifierMatch>> identifierHits(Query query, int limit, Predicate<String> entryFilter,
                                                              Collection<String> onlyEntries) {
        if (query == null || query.identifiers().isEmpty() || limit <= 0) {
            return Map.of();
        }
        Map<String, List<IdentifierMatch>> hits = new LinkedHashMap<>();
        for (String entryId : identifiers.entriesWithKeysOf(query.identifiers())) {
            EntryRecord record = index.entry(entryId);
            if (record == null || !typeAllowed(query, record) || onlyEntries != null && !onlyEntries.contains(entryId)
                    || entryFilter != null && !entryFilter.test(entryId)) {
                continue;
            }
            List<IdentifierMatch> evidence = IdentifierEvidence.agreeing(query.identifiers(),
                    record.entry.identifiers());
            if (!evidence.isEmpty()) {
                hits.put(entryId, evidence);
            }
        }
        return hits;
    }

    // ---------------------------------------------------------------- query pipeline

    /**
     * Runs a query pipeline on the query's plan (for these vocabulary strings only when not null, see
     * {@link QueryPlan}), releasing the plan afterwards; no matches without a positive limit or without any name
     * token in the query.
     */
    private <T> List<T> withPlan(Query query, int limit, KnownStrings onlyStrings,
                                 Function<QueryPlan, List<T>> pipeline) {
        if (limit <= 0) {
            return List.of();
        }
        if (query == null || query.name() == null) {
            return List.of();
        }
        NameTokens written = NameNormalizer.normalize(query.name());
        // a listed name is never cut: the list writes it as it is
        NameTokens tokens = direction == ScreeningDirection.FORWARD ? GluedWords.split(written, this::listedWord)
                : written;
        if (tokens.isEmpty()) {
            return List.of();
        }
        int[] rows = rowTables.take();
        if (rows.length < index.vocabularySize()) {
            rows = new int[index.vocabularySize() + 4096];
        }
        QueryPlan plan = new QueryPlan(query, tokens, tokens != written, index, rows, onlyStrings, direction);
        List<T> answer = pipeline.apply(plan);
        rowTables.give(plan.release()); // not after a failure: its marks may not all be cleared
        return answer;
    }

    /** True when some listed name holds the word as a token of its own. */
    private boolean listedWord(String word) {
        return index.stats.documentFrequency(index.vocabularyId(word)) > 0;
    }

    /** Vocabulary-sized lookups of the query plans (see {@link QueryPlan#release}). */
    private final Reusable<int[]> rowTables = new Reusable<>(() -> new int[0]);

    /**
     * The query's subject type filter (an entry of unknown type, a party that does not say, passes it; listed
     * entries always have one). Every path filters before ranking: {@link CandidateSearch} while reading
     * postings ({@link CandidateIndex#otherType(int, SubjectType)}), {@link #screenEntries} and {@link #screenExhaustively} while
     * collecting name ids.
     */
    private static boolean typeAllowed(Query query, EntryRecord entry) {
        return !CandidateIndex.otherType(query.type(), entry.entry.type());
    }

    private List<RankedEntry> rank(QueryPlan plan, Candidates c, QueryPlan.SimSource sims, double threshold, int limit,
                                   Predicate<String> entryFilter) {
        return Ranker.rank(index, plan, c.ids(), c.bounds(), c.count(), sims, threshold, limit, entryFilter);
    }

    private List<Match> explained(QueryPlan plan, QueryPlan.SimSource sims, List<RankedEntry> ranked) {
        return Explainer.explained(plan, sims, ranked, index.stats);
    }
}
