package io.sanctionsradar.matching;

import io.sanctionsradar.matching.Explanation.Adjustment;
import io.sanctionsradar.matching.Explanation.MatchKind;
import io.sanctionsradar.matching.Explanation.TokenMatch;
import io.sanctionsradar.matching.Explanation.WeightedToken;
import io.sanctionsradar.matching.index.CandidateIndex.EntryRecord;
import io.sanctionsradar.matching.index.CandidateIndex.NameRecord;
import io.sanctionsradar.matching.index.CandidateIndex.PreparedName;
import io.sanctionsradar.matching.index.CandidateIndex;
import io.sanctionsradar.matching.index.IntList;
import io.sanctionsradar.matching.index.TokenStatistics;
import io.sanctionsradar.matching.normalize.NameNormalizer;
import io.sanctionsradar.matching.normalize.NameTokens;
import io.sanctionsradar.matching.normalize.Reusable;
import io.sanctionsradar.matching.normalize.TokenFeatures;
import io.sanctionsradar.matching.retrieve.QueryPlan;
import io.sanctionsradar.matching.retrieve.SimMap;
import io.sanctionsradar.matching.score.NameScorer;
import io.sanctionsradar.matching.score.SecondarySignals;
import io.sanctionsradar.matching.score.SimCode;
import io.sanctionsradar.matching.score.TokenSimilarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
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
    public static final String ALGORITHM = "sanctions-radar-name-match/1.2";

    /**
     * Score at or above which a name is reported as a hit. Measured on the labelled dev set (CSL 2022, 1,200
     * queries, QualityEvaluation; docs/benchmarks.md): false positives are 0 from 0.76 up; recall is 0.9975 up
     * to 0.76, 0.9962 at 0.78 and 0.9950 at 0.80, and falls faster after that (0.9838 at 0.82). 0.78 sits in
     * the range with no false positive and recall above 0.99, leaving margin on both sides for harder real
     * traffic (two typos, other scripts) and for near-miss non-listed names.
     */
    public static final double DEFAULT_THRESHOLD = 0.78;

    /**
     * Candidates fully scored per query, best upper bound first; a bound for pathological all-common queries. A
     * caller asking for more matches than this (the monitoring reverse pass) gets that many candidates scored.
     */
    static final int MAX_CANDIDATES = 1000;

    private final CandidateIndex index = new CandidateIndex();
    /** Touched names from which bounding is split between two threads ({@link #PARALLEL_BOUNDS_FROM}). */
    private final int parallelBoundsFrom;
    /** The indexed names are screened names, the queries listed ones (see {@link #reverse()}). */
    private final boolean reverse;

    public MatchingEngine() {
        this(PARALLEL_BOUNDS_FROM, false);
    }

    /** For unit tests in this package: an engine that bounds on two threads from this many touched names. */
    MatchingEngine(int parallelBoundsFrom) {
        this(parallelBoundsFrom, false);
    }

    private MatchingEngine(int parallelBoundsFrom, boolean reverse) {
        this.parallelBoundsFrom = parallelBoundsFrom;
        this.reverse = reverse;
    }

    /**
     * An engine for the other direction: it holds the names that get screened (monitored parties) and is searched
     * with listed names. It weighs the two sides as a forward screening of the indexed name would
     * ({@link QueryPlan#share}), aligns optimally ({@link QueryPlan#optimallyAligned}) and looks a listed title up as
     * a word ({@link QueryPlan#exactOnly}), so that, with the same token statistics, it never scores a pair below the
     * forward screening (ReverseSearchTest): the two differ only by the book's statistics.
     */
    public static MatchingEngine reverse() {
        return new MatchingEngine(PARALLEL_BOUNDS_FROM, true);
    }

    /** Adds the entry, or replaces the entry with the same id. */
    public void upsert(WatchlistEntry entry) {
        if (index.updateIfSameNames(entry)) {
            return; // same names: nothing to re-index, only the entry's other attributes change
        }
        index.put(entry, index.prepareReusingVocabulary(entry));
    }

    public void remove(String entryId) {
        index.remove(entryId);
    }

    /**
     * Rebuilds the index from scratch; names are normalized in parallel, then inserted sequentially in
     * {@link #localityOrder}. An entry listed twice counts as its last occurrence, as if each replaced the one before.
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
        for (int i : localityOrder(prepared)) {
            index.put(list.get(i), prepared.get(i));
        }
    }

    /**
     * Entries ordered by their primary name's words, each name's commonest word first: names that share a common word
     * then get neighbouring ids, so that reading its postings and bounding its names walks memory in order instead of
     * at random. In a book of a million parties that is a fifth of the reverse pass (docs/benchmarks.md).
     */
    private static Integer[] localityOrder(List<List<PreparedName>> prepared) {
        Map<String, Integer> frequency = new HashMap<>();
        for (List<PreparedName> names : prepared) {
            for (String word : primaryWords(names)) {
                frequency.merge(word, 1, Integer::sum);
            }
        }
        Comparator<String> commonestFirst = Comparator.comparingInt((String word) -> -frequency.get(word))
                .thenComparing(Comparator.naturalOrder());
        String[][] keys = new String[prepared.size()][];
        Integer[] order = new Integer[prepared.size()];
        for (int i = 0; i < order.length; i++) {
            keys[i] = primaryWords(prepared.get(i)).clone();
            Arrays.sort(keys[i], commonestFirst);
            order[i] = i;
        }
        Arrays.parallelSort(order, (a, b) -> Arrays.compare(keys[a], keys[b]));
        return order;
    }

    /** The words of an entry's primary name (prepared first), none for an entry without names. */
    private static String[] primaryWords(List<PreparedName> names) {
        return names.isEmpty() ? new String[0] : names.get(0).tokens().tokens();
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
     * Best-first matches with score ≥ threshold, at most one per entry (its best name), at most {@code limit}.
     *
     * @param entryFilter entries for which this returns false are skipped (null = all)
     */
    public List<Match> screen(Query query, double threshold, int limit, Predicate<String> entryFilter) {
        return withPlan(query, limit, null, plan -> {
            Candidates c = candidates(plan, threshold, Math.max(MAX_CANDIDATES, limit));
            QueryPlan.SimSource sims = indexedSims(plan);
            return explained(plan, sims, rank(plan, c.ids, c.bounds, c.count, sims, threshold, limit, entryFilter));
        });
    }

    /**
     * The ids of the entries {@link #screen} matches, in its order, without their explanations: for a caller that
     * only needs to know which entries match (the monitoring reverse pass, where a common name matches thousands).
     */
    public List<String> screenIds(Query query, double threshold, int limit, Predicate<String> entryFilter) {
        return withPlan(query, limit, null, plan -> {
            Candidates c = candidates(plan, threshold, Math.max(MAX_CANDIDATES, limit));
            return rank(plan, c.ids, c.bounds, c.count, indexedSims(plan), threshold, limit, entryFilter).stream()
                    .map(b -> b.name.entry.entry.entryId()).toList();
        });
    }

    public List<Match> screen(Query query) {
        return screen(query, DEFAULT_THRESHOLD, 10, null);
    }

    /** What a match through a name of this kind has added to its score (a weak alias: a negative amount). */
    public static double nameKindAdjustment(NameKind kind) {
        return kind == NameKind.WEAK ? SecondarySignals.WEAK_ALIAS : 0;
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
     * Screens the query against these entries only, scoring their names exactly as {@link #screen} does (same
     * similarity lookups, same scorer): checking known candidates costs the query's lookups and a few names, not a
     * search, and its plan only holds the strings of those names.
     */
    public List<Match> screenEntries(Query query, double threshold, int limit, Collection<String> entryIds,
                                     Predicate<String> entryFilter) {
        if (limit <= 0 || entryIds.isEmpty() || query == null) {
            return List.of();
        }
        IntList ids = new IntList(8);
        List<CandidateIndex.Strings> own = new ArrayList<>(1);
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
        CandidateIndex.Strings strings = own.size() == 1 ? own.get(0) : index.stringsOf(CandidateIndex.distinctOf(
                own.stream().flatMapToInt(o -> Arrays.stream(o.ids())).toArray()));
        return withPlan(query, limit, strings, plan -> {
            QueryPlan.SimSource sims = indexedSims(plan);
            // names that cannot reach the threshold are not aligned: a listing of dozens of aliases, thousands of parties
            Candidates c = checkBounds(plan, ids.toArray());
            return explained(plan, sims, rank(plan, c.ids, c.bounds, c.count, sims, threshold, limit, entryFilter));
        });
    }

    /**
     * The names of a check ({@link #screenEntries}), each with its {@link #upperBound}, best first: the query side
     * reaches the tokens similar to some string of the name (and the initials and legal forms, which match outside
     * those), the entry side each token at its best similarity.
     */
    private Candidates checkBounds(QueryPlan plan, int[] ids) {
        NameWeights totals = nameWeights(plan);
        long outside = initialTokens(plan) | legalFormTokens(plan);
        float[] entrySim = new float[NameScorer.MAX_TOKENS];
        float[] bounds = new float[ids.length];
        for (int k = 0; k < ids.length; k++) {
            int[] d = index.boundData(ids[k]);
            long reach = outside;
            for (int j = 0; j < d.length; j += 4) { // per token: its string, the pair and the triple it starts, meta
                for (int x = j; x < j + 3; x++) {
                    int row = d[x] < 0 ? -1 : plan.similarRow(d[x]);
                    reach |= row >= 0 ? plan.rowTokens(row) : 0;
                }
            }
            double queryReach = plan.size() > NameScorer.MAX_TOKENS ? plan.totalWeight : weightOf(plan, reach);
            bounds[k] = (float) Math.min(2.0, upperBound(plan, d, queryReach, totals.of(ids[k]), entrySim) + 1e-6);
        }
        return topByBound(new Bounded(ids, bounds, ids.length, 0), ids.length);
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
            QueryPlan.SimSource sims = directSims(plan);
            return explained(plan, sims, rank(plan, ids, null, count, sims, threshold, limit, entryFilter));
        });
    }

    /**
     * For unit tests in this package: a search's candidate names with their bounds, "name id:bound", best first, after
     * how many names were bounded from their tokens (a credit bound too high only shows there).
     */
    List<String> boundsForTest(Query query, double threshold) {
        return withPlan(query, 1, null, plan -> {
            Candidates c = candidates(plan, threshold, Integer.MAX_VALUE);
            List<String> out = new ArrayList<>(c.count + 1);
            out.add("bounded from their tokens: " + c.exactBounds);
            for (int i = 0; i < c.count; i++) {
                out.add(c.ids[i] + ":" + c.bounds[i]);
            }
            return out;
        });
    }

    /** For unit tests in this package: the index behind the facade. */
    CandidateIndex indexForTest() {
        return index;
    }

    // ---------------------------------------------------------------- query pipeline

    /**
     * Runs a query pipeline on the query's plan (for these vocabulary strings only when not null, see
     * {@link QueryPlan}), releasing the plan afterwards; no matches without a positive limit or without any name
     * token in the query.
     */
    private <T> List<T> withPlan(Query query, int limit, CandidateIndex.Strings onlyStrings,
                                 Function<QueryPlan, List<T>> pipeline) {
        if (limit <= 0) {
            return List.of();
        }
        if (query == null || query.name() == null) {
            return List.of();
        }
        NameTokens tokens = NameNormalizer.normalize(query.name());
        if (tokens.isEmpty()) {
            return List.of();
        }
        int[] rows = rowTables.take();
        if (rows.length < index.vocabularySize()) {
            rows = new int[index.vocabularySize() + 4096];
        }
        QueryPlan plan = new QueryPlan(query, tokens, index, rows, onlyStrings, reverse);
        List<T> answer = pipeline.apply(plan);
        rowTables.give(plan.release()); // not after a failure: its marks may not all be cleared
        return answer;
    }

    /** Vocabulary-sized lookups of the query plans (see {@link QueryPlan#release}). */
    private final Reusable<int[]> rowTables = new Reusable<>(() -> new int[0]);

    /**
     * The query's subject type filter (an entry of unknown type, a party that does not say, passes it; listed
     * entries always have one). Every path filters before {@link #rank}: {@link #candidates} while reading
     * postings ({@link CandidateIndex#otherType(int, SubjectType)}), {@link #screenEntries} and {@link #screenExhaustively} while
     * collecting name ids.
     */
    private static boolean typeAllowed(Query query, EntryRecord entry) {
        return !CandidateIndex.otherType(query.type(), entry.entry.type());
    }

    /** Scores are rounded to 4 decimals before the threshold test; bounds keep this much slack for it. */
    private static final double ROUNDING = 1e-4;

    /** Accumulators indexed by name id, one set per running query (reset after each query via the touched set). */
    private static final class Scratch {
        /** bit i: query token i is hit by some unit in this name; bit 63: name rejected by type */
        long[] covered = new long[0];
        /** the names touched, one bit per name id: read back in id order, memory order of the per-name arrays */
        long[] touched = new long[0];
        int touchedCount;
        /**
         * per name, two floats side by side (one cache line): at 2·id the entry weight the postings read could
         * explain at most, at 2·id + 1 the query weight (see {@link #creditBound})
         */
        float[] credit = new float[0];
        /**
         * The touched names gathered densely by the bound pass (see {@link #bound}), one slice per bounding thread:
         * their ids, covered masks, two credits side by side, entry totals, query reaches and tokens.
         */
        int[] gatheredIds = new int[0];
        long[] gatheredMasks = new long[0];
        float[] gatheredCredits = new float[0];
        float[] gatheredTotals = new float[0];
        double[] gatheredReaches = new double[0];
        int[][] gatheredTokens = new int[0][];

        void ensure(int capacity) {
            if (covered.length < capacity) {
                covered = new long[capacity + 1024];
                touched = new long[(covered.length >> 6) + 1];
                credit = new float[2 * covered.length];
            }
        }

        void ensureGathered(int touchedNames) {
            if (gatheredIds.length < touchedNames) {
                int n = touchedNames + touchedNames / 4;
                gatheredIds = new int[n];
                gatheredMasks = new long[n];
                gatheredCredits = new float[2 * n];
                gatheredTotals = new float[n];
                gatheredReaches = new double[n];
                gatheredTokens = new int[n][];
            }
        }
    }

    /**
     * Touched names from which bounding is split between the caller and one pool thread: only a very common
     * word in a large index (the monitoring book) touches this many, and then bounding is most of the query.
     */
    private static final int PARALLEL_BOUNDS_FROM = 16_384;

    private static final long REJECTED = Long.MIN_VALUE;

    private final Reusable<Scratch> scratches = new Reusable<>(Scratch::new);

    /** Names to score, best upper bound first. */
    private record Candidates(int[] ids, float[] bounds, int count, int exactBounds) {
    }

    /**
     * Candidate names from the postings of the query units' similar vocabulary strings. A name can only reach
     * the threshold if the query tokens it touches carry enough weight (see {@link #nameBound}), so the lists are
     * read heaviest unit first, each unit's rarest string first (see {@link Reading}), and reading stops once the
     * lists still unread could not lift an unseen name to the threshold: a "Ltd" or "Mohammed" posting list is only
     * read when the query has nothing rarer. Each
     * touched name is first bounded from the query tokens it can use, then, if that passes, from its own
     * tokens (see {@link #upperBound}); only names whose bound reaches the threshold are aligned.
     */
    private Candidates candidates(QueryPlan plan, double threshold, int maxCandidates) {
        int n = Math.min(plan.size(), NameScorer.MAX_TOKENS);
        double floor = threshold - plan.maxBonus - ROUNDING;
        long initials = initialTokens(plan);
        long slack = initials | legalFormTokens(plan); // tokens that can match outside the postings
        Reading reading = new Reading(plan);
        Scratch s = scratches.take();
        s.ensure(index.nameCapacity());
        SubjectType type = plan.query.type();
        // split spellings first: few postings, and a name found through one gets the exact bound below
        for (int u = 0; u < Math.min(n, plan.units); u++) {
            SimMap sims = plan.unitSims[u];
            for (int slot = 0; slot < sims.capacity(); slot++) {
                int vid = sims.keyAt(slot);
                if (vid >= 0) {
                    accumulate(index.compoundPostings(vid), 1L << plan.unitStart[u] | SPLIT, 0f, 0f, type, s);
                }
            }
        }
        double[] otherMax = new double[n];
        reading:
        for (int u : reading.unitOrder) {
            // per query token, the rarest string unread of the other units covering it (as of now: only loosens)
            Arrays.fill(otherMax, 0);
            long pending = 0;
            for (int v = 0; v < plan.units; v++) {
                double unread = reading.unreadMax(v);
                if (unread > 0) {
                    pending |= plan.unitTokens[v];
                    for (long m = v == u ? 0 : plan.unitTokens[v]; m != 0; m &= m - 1) {
                        int i = Long.numberOfTrailingZeros(m);
                        otherMax[i] = Math.max(otherMax[i], unread);
                    }
                }
            }
            double reachWeight = weightOf(plan, pending | slack);
            for (int[] rows = reading.unitRows[u]; reading.next[u] < rows.length; reading.next[u]++) {
                int row = rows[reading.next[u]];
                if (reading.read[row]) {
                    continue;
                }
                // a name first seen from here on, at the entry total where its bound is largest: E = W
                double explainable = explainable(plan, pending | slack, initials, slack, otherMax,
                        plan.unitTokens[u], reading.weight(row));
                if (nameBound(plan, reachWeight, explainable, explainable) < floor) {
                    break reading; // cannot reach the threshold
                }
                reading.read[row] = true;
                accumulate(index.tokenPostings(plan.rowVid(row)), plan.rowTokens(row), reading.credit(row),
                        reading.queryCredit(row), type, s);
            }
        }
        long pending = 0;
        for (int v = 0; v < plan.units; v++) {
            pending |= reading.unreadMax(v) > 0 ? plan.unitTokens[v] : 0;
        }
        long unread = pending | slack;
        // an initial outside its own postings (the letter itself) and the lists still unread abbreviates a word
        long abbreviating = initials & ~pending;
        // credits bound a name's entry side only if nothing in the query matches outside the postings but legal forms
        boolean byCredit = !plan.hasSingleLetter && plan.size() <= NameScorer.MAX_TOKENS;
        if (byCredit) {
            // the lists left unread may still hold tokens of the names touched: credit those, touching no new name
            for (int row = 0; row < reading.read.length; row++) {
                if (!reading.read[row]) {
                    creditTouched(index.tokenPostings(plan.rowVid(row)), reading.credit(row), reading.queryCredit(row), s);
                }
            }
            uncreditJoinedForms(plan, s);
        }
        NameWeights totals = nameWeights(plan);
        int words = (index.nameCapacity() + 63) >> 6;
        int count = s.touchedCount;
        s.touchedCount = 0;
        s.ensureGathered(count);
        Bounded kept;
        if (count < parallelBoundsFrom) {
            kept = bound(plan, s, totals, unread, abbreviating, byCredit, floor, 0, words, 0);
        } else {
            int half = 0; // the word where half of the touched names lie below
            int seen = 0;
            for (; half < words && seen < count / 2; half++) {
                seen += Long.bitCount(s.touched[half]);
            }
            int split = half;
            int below = seen;
            ForkJoinTask<Bounded> upper = ForkJoinPool.commonPool().submit(
                    () -> bound(plan, s, totals, unread, abbreviating, byCredit, floor, split, words, below));
            Bounded lower = bound(plan, s, totals, unread, abbreviating, byCredit, floor, 0, split, 0);
            kept = lower.append(upper.join());
        }
        scratches.give(s); // every mark cleared by bounding
        return topByBound(kept, maxCandidates);
    }

    /**
     * The order in which a query's posting lists (one per similar string: a row of its plan) are read: unit by unit,
     * heaviest unit first, and within a unit its strings rarest first (by the heaviest entry weight each can explain,
     * at least a class weight, as in {@link QueryPlan#tokenEntryWeight}). A string several units share is read once,
     * with the first of them. Reading can then stop inside a unit, before its common spellings.
     */
    private final class Reading {
        final QueryPlan plan;
        /** per row: its weight, rounded up to a float, as float bits */
        final int[] weightBits;
        final int[][] unitRows;
        final int[] unitOrder;
        final boolean[] read;
        /** per unit: its first row not yet passed */
        final int[] next;

        Reading(QueryPlan plan) {
            this.plan = plan;
            int rows = plan.similarStrings();
            weightBits = new int[rows];
            for (int row = 0; row < rows; row++) {
                weightBits[row] = Float.floatToIntBits(Math.nextUp((float) plan.rowEntryWeight(row)));
            }
            unitRows = new int[plan.units][];
            int live = 0;
            for (int u = 0; u < plan.units; u++) {
                SimMap sims = plan.unitSims[u];
                long[] keyed = new long[sims.size()];
                int k = 0;
                for (int slot = 0; slot < sims.capacity(); slot++) {
                    if (sims.keyAt(slot) >= 0) {
                        int row = plan.similarRow(sims.keyAt(slot));
                        keyed[k++] = (long) (Integer.MAX_VALUE - weightBits[row]) << 32 | row; // heaviest first
                    }
                }
                Arrays.sort(keyed);
                unitRows[u] = new int[keyed.length];
                for (int r = 0; r < keyed.length; r++) {
                    unitRows[u][r] = (int) keyed[r];
                }
                live += keyed.length > 0 ? 1 : 0;
            }
            unitOrder = new int[live];
            int count = 0;
            for (int u = 0; u < plan.units; u++) {
                if (unitRows[u].length == 0) {
                    continue; // matches nothing: neither read nor pending
                }
                int k = count++ - 1; // insertion sort, heaviest unit first: a handful of units
                while (k >= 0 && plan.unitWeights[unitOrder[k]] < plan.unitWeights[u]) {
                    unitOrder[k + 1] = unitOrder[k];
                    k--;
                }
                unitOrder[k + 1] = u;
            }
            read = new boolean[rows];
            next = new int[plan.units];
        }

        float weight(int row) {
            return Float.intBitsToFloat(weightBits[row]);
        }

        /** The weight of the rarest string of this unit not read yet, 0 when all are. */
        double unreadMax(int unit) {
            int[] rows = unitRows[unit];
            while (next[unit] < rows.length && read[rows[next[unit]]]) {
                next[unit]++;
            }
            return next[unit] < rows.length ? weight(rows[next[unit]]) : 0;
        }

        /**
         * What the string of a row can explain of a name that holds it (a name's postings hold it once): its weight
         * times the best similarity any unit has with it; rounded up, as a float must not undercut it.
         */
        float credit(int row) {
            return Math.nextUp(weight(row) * plan.rowMaxSim(row));
        }

        /** {@link QueryPlan#rowQueryWeight} as a float credit, rounded up. */
        float queryCredit(int row) {
            return Math.nextUp((float) plan.rowQueryWeight(row));
        }
    }

    /**
     * The entry weight a name not touched yet may have explained by the query tokens in reach, while the unit being
     * read (covering {@code unitTokens}) has no string rarer than {@code nextWeight} unread: such a name holds no
     * string read so far, so a token it may match explains at most the rarest string unread of a unit covering it.
     * Outside the postings, a legal form half matches a name's legal form, of class weight, and an initial may
     * abbreviate any word.
     */
    private static double explainable(QueryPlan plan, long reach, long initials, long slack, double[] otherMax,
                                      long unitTokens, double nextWeight) {
        double w = 0;
        for (long m = reach; m != 0; m &= m - 1) {
            int i = Long.numberOfTrailingZeros(m);
            long bit = 1L << i;
            if ((initials & bit) != 0) {
                w += plan.tokenEntryWeight[i];
            } else {
                double wi = Math.max(otherMax[i], (unitTokens & bit) != 0 ? nextWeight : 0);
                w += (slack & bit) != 0 ? Math.max(wi, TokenStatistics.CLASS_WEIGHT) : wi;
            }
        }
        return w;
    }

    /** Names whose bound reaches the floor, in name id order; how many names needed their tokens for it. */
    private record Bounded(int[] ids, float[] bounds, int count, int exactBounds) {
        Bounded append(Bounded other) {
            int[] i = Arrays.copyOf(ids, count + other.count);
            float[] b = Arrays.copyOf(bounds, count + other.count);
            System.arraycopy(other.ids, 0, i, count, other.count);
            System.arraycopy(other.bounds, 0, b, count, other.count);
            return new Bounded(i, b, count + other.count, exactBounds + other.exactBounds);
        }
    }

    /**
     * Bounds the touched names of the words [fromWord, toWord) of the touched set, clearing their marks, gathered
     * from slot {@code slice} of the scratch's dense arrays on; callers on other threads bound disjoint word ranges
     * into disjoint slices of the same scratch, joined before it is used again.
     */
    private Bounded bound(QueryPlan plan, Scratch s, NameWeights totals, long unread, long abbreviating,
                          boolean byCredit, double floor, int fromWord, int toWord, int slice) {
        // First gather the touched names' marks into dense arrays in a loop with nothing else in it, so that their
        // scattered loads overlap instead of waiting one by one behind each name's bound (the pass is bound by memory)
        long[] covered = s.covered;
        long[] touched = s.touched;
        float[] credit = s.credit;
        int[] ids = s.gatheredIds;
        long[] masks = s.gatheredMasks;
        float[] credits = s.gatheredCredits;
        int end = slice;
        for (int w = fromWord; w < toWord; w++) {
            long bits = touched[w];
            if (bits == 0) {
                continue;
            }
            touched[w] = 0;
            for (; bits != 0; bits &= bits - 1) {
                int id = w << 6 | Long.numberOfTrailingZeros(bits);
                ids[end] = id;
                masks[end] = covered[id];
                credits[2 * end] = credit[2 * id];
                credits[2 * end + 1] = credit[2 * id + 1];
                covered[id] = 0;
                credit[2 * id] = 0f;
                credit[2 * id + 1] = 0f;
                end++;
            }
        }
        float[] entryTotals = s.gatheredTotals;
        for (int k = slice; k < end; k++) {
            entryTotals[k] = masks[k] == REJECTED ? 0f : (float) totals.of(ids[k]); // stored as a float: exact
        }
        // query legal forms may half match a name's legal forms outside the postings (see NameScorer)
        double legalFormReach = plan.hasLegalForm ? weightOf(plan, legalFormTokens(plan)) : 0;
        double[] reaches = s.gatheredReaches;
        int passed = slice; // names whose bound from their marks reaches the floor, moved to the first slots
        for (int k = slice; k < end; k++) {
            long mask = masks[k];
            if (mask == REJECTED) {
                continue;
            }
            int id = ids[k];
            long reach = (mask & ~SPLIT) | unread;
            double entryTotal = entryTotals[k];
            double queryReach;
            if ((mask & SPLIT) != 0) {
                queryReach = weightOf(plan, reach); // a split pair is outside the credits
            } else if (byCredit) {
                queryReach = Math.min(weightOf(plan, reach), credits[2 * k + 1] + legalFormReach + CREDIT_SLACK);
            } else {
                long weak = abbreviating & ~mask; // initials this name's postings did not cover: at most INITIAL_SIM
                queryReach = weightOf(plan, reach & ~weak) + TokenSimilarity.INITIAL_SIM * weightOf(plan, weak);
            }
            if ((mask & SPLIT) == 0 && nameBound(plan, queryReach, entryWeightOf(plan, reach), entryTotal) < floor) {
                continue;
            }
            if (byCredit && (mask & SPLIT) == 0 && !index.repeatsToken(id)
                    && creditBound(plan, queryReach, credits[2 * k] + legalFormCredit(plan, id), entryTotal)
                    + CREDIT_SLACK < floor) {
                continue; // no need to load the name's tokens: its bound below could not reach the floor either
            }
            ids[passed] = id; // passed ≤ k: these slots were read already
            entryTotals[passed] = entryTotals[k];
            reaches[passed++] = queryReach;
        }
        // then the tokens of those that pass, their references gathered first too
        int[][] data = s.gatheredTokens;
        for (int k = slice; k < passed; k++) {
            data[k] = index.boundData(ids[k]);
        }
        // per entry token: best similarity anything in the query could give it (one per thread bounding)
        float[] entrySim = new float[NameScorer.MAX_TOKENS];
        int kept = 0;
        int[] keptIds = new int[passed - slice];
        float[] bounds = new float[passed - slice];
        for (int k = slice; k < passed; k++) {
            double bound = upperBound(plan, data[k], reaches[k], entryTotals[k], entrySim);
            data[k] = null; // the scratch outlives the index's arrays
            if (bound >= floor) {
                keptIds[kept] = ids[k];
                bounds[kept++] = (float) Math.min(2.0, bound + 1e-6); // float rounding must not undercut
            }
        }
        return new Bounded(keptIds, bounds, kept, passed - slice);
    }

    /** Query tokens of a single letter (initials, which may abbreviate any word). */
    private static long initialTokens(QueryPlan plan) {
        long m = 0;
        for (int i = 0; i < Math.min(plan.size(), NameScorer.MAX_TOKENS); i++) {
            if (plan.tokens.tokens()[i].length() == 1) {
                m |= 1L << i;
            }
        }
        return m;
    }

    /** Query tokens that are legal forms. */
    private static long legalFormTokens(QueryPlan plan) {
        long m = 0;
        for (int i = 0; i < Math.min(plan.size(), NameScorer.MAX_TOKENS); i++) {
            if (plan.tokens.classes()[i] == NameTokens.LEGAL_FORM) {
                m |= 1L << i;
            }
        }
        return m;
    }

    /** Adds the credits to the names of these postings already touched (and not rejected by type). */
    private static void creditTouched(IntList postings, float credit, float queryCredit, Scratch s) {
        long[] covered = s.covered;
        float[] credits = s.credit;
        for (int i = 0; i < postings.size(); i++) {
            int id = postings.get(i);
            long mask = covered[id];
            if (mask != 0 && mask != REJECTED) {
                credits[2 * id] += credit;
                credits[2 * id + 1] += queryCredit;
            }
        }
    }

    /**
     * Names of which a joined form (two or three tokens written together) is similar to a joined query unit: the
     * exact bound below counts that similarity on the name's own tokens, which the credits do not, so their credit
     * is made infinite (their bound is then the exact one). Only touched names are concerned: the others are not
     * bounded at all.
     */
    private void uncreditJoinedForms(QueryPlan plan, Scratch s) {
        for (int u = plan.size(); u < plan.units; u++) {
            SimMap sims = plan.unitSims[u];
            for (int slot = 0; slot < sims.capacity(); slot++) {
                int vid = sims.keyAt(slot);
                if (vid >= 0) {
                    IntList postings = index.compoundPostings(vid);
                    for (int i = 0; i < postings.size(); i++) {
                        int id = postings.get(i);
                        if (s.covered[id] != 0) {
                            s.credit[2 * id] = Float.POSITIVE_INFINITY;
                        }
                    }
                }
            }
        }
    }

    /**
     * What a query legal form may explain of a name's legal forms outside the postings: any two legal forms half
     * match (see {@link #upperBound}), at their class weight.
     */
    private double legalFormCredit(QueryPlan plan, int id) {
        return plan.hasLegalForm
                ? index.legalForms(id) * TokenStatistics.LEGAL_FORM_WEIGHT * NameScorer.LEGAL_FORM_MISMATCH_SIM : 0;
    }

    /**
     * Slack for the float sums of credits: a credit bound is only compared with the floor to skip the exact bound,
     * so it may be looser than needed, never tighter.
     */
    private static final double CREDIT_SLACK = 1e-4;

    /**
     * The bound of {@link #upperBound} without the name's tokens: its entry side, the best similarity of each
     * entry token times its weight, is at most the name's credit, the sum over the similar strings whose postings
     * held the name of their weight (at least a class weight) times their best similarity. That holds when the
     * postings of every unit were read for the names touched (credits of the unread units included), the query
     * has no initial, the name repeats no token (postings hold it once), and no joined form of it is similar to a
     * joined query unit (see {@link #uncreditJoinedForms}); a query legal form adds {@link #legalFormCredit}.
     */
    private static double creditBound(QueryPlan plan, double queryReach, double credit, double eTotal) {
        double qTotal = plan.totalWeight;
        double share = plan.share(qTotal, eTotal);
        double qCov = qTotal > 0 ? Math.min(1.0, queryReach / qTotal) : 0;
        double eCov = eTotal > 0 ? credit / eTotal : 0;
        return share * qCov + (1 - share) * eCov;
    }

    /** Bit set on names reached through a split (joined-on-the-list) spelling: their entry side is unbounded. */
    private static final long SPLIT = 1L << 62;

    /** A: total weight of these query tokens. */
    private static double weightOf(QueryPlan plan, long tokens) {
        double a = 0;
        for (long m = tokens; m != 0; m &= m - 1) {
            a += plan.weights[Long.numberOfTrailingZeros(m)];
        }
        return a;
    }

    /** W: the heaviest entry weight these query tokens could explain (see QueryPlan.tokenEntryWeight). */
    private static double entryWeightOf(QueryPlan plan, long tokens) {
        double w = 0;
        for (long m = tokens; m != 0; m &= m - 1) {
            w += plan.tokenEntryWeight[Long.numberOfTrailingZeros(m)];
        }
        return w;
    }

    /**
     * Best name score of a name of total token weight E (not reached through a split spelling) whose
     * alignment can only use query tokens of weight A, which could explain entry weight W at most:
     * share·min(1, A/Q) + (1 − share)·min(1, W/E), share = clamp(Q/(Q+E)). It turns away the names that carry
     * much more weight than the query can explain without reading their tokens; most touched names end here.
     */
    static double nameBound(QueryPlan plan, double a, double w, double entryTotal) {
        double q = plan.totalWeight;
        if (q <= 0 || w <= 0 || entryTotal <= 0) {
            return 0;
        }
        double share = plan.share(q, entryTotal);
        return share * Math.min(1.0, a / q) + (1 - share) * Math.min(1.0, w / entryTotal);
    }

    /**
     * Total token weight per name id for one revision of the token statistics, filled lazily by the
     * readers that need it (racing readers store the same value); any change to the list starts a new table.
     */
    private final class NameWeights {
        final long revision;
        final double[] byDf;
        final float[] totals;

        NameWeights(long revision, double[] byDf, int capacity) {
            this.revision = revision;
            this.byDf = byDf;
            this.totals = new float[capacity];
            Arrays.fill(totals, -1f);
        }

        double of(int id) {
            float t = totals[id];
            if (t < 0) {
                int[] d = index.boundData(id);
                double e = 0;
                for (int j = 0; j < d.length >> 2; j++) {
                    e += NameScorer.entryWeight((byte) d[4 * j + 3], d[4 * j], index.stats, byDf);
                }
                totals[id] = t = Math.nextDown((float) e); // rounded down: a smaller E only loosens the bound
            }
            return t;
        }
    }

    private volatile NameWeights nameWeights;

    private NameWeights nameWeights(QueryPlan plan) {
        NameWeights w = nameWeights;
        long revision = index.stats.revision();
        if (w == null || w.revision != revision || w.byDf != plan.weightByDf || w.totals.length < index.nameCapacity()) {
            nameWeights = w = new NameWeights(revision, plan.weightByDf, index.nameCapacity());
        }
        return w;
    }

    /**
     * An upper bound of the name score of this name against the query, from precomputed lookups only:
     * the query side counts every token some unit may cover (queryReach: similarity 1, an initial that can only
     * abbreviate a word of the name {@link TokenSimilarity#INITIAL_SIM}), the entry side counts each token at the
     * best similarity any query unit has with it (or with a joined form it is part of), a word a query initial may
     * abbreviate at INITIAL_SIM and legal forms at their most generous; the share is the one of the two totals
     * (the entry's from {@link NameWeights}, rounded down).
     */
    private double upperBound(QueryPlan plan, int[] d, double queryReach, double eTotal, float[] entrySim) {
        int m = d.length >> 2;
        for (int j = 0; j < m; j++) {
            entrySim[j] = plan.maxIndexedSim(d[4 * j]);
        }
        for (int j = 0; j < m; j++) {
            int pair = d[4 * j + 1];
            if (pair >= 0) {
                float c = plan.maxIndexedSim(pair);
                entrySim[j] = Math.max(entrySim[j], c);
                entrySim[j + 1] = Math.max(entrySim[j + 1], c);
            }
            int triple = d[4 * j + 2];
            if (triple >= 0) {
                float c = plan.maxIndexedSim(triple);
                for (int k = j; k < j + 3; k++) {
                    entrySim[k] = Math.max(entrySim[k], c);
                }
            }
        }
        double eWeighted = 0;
        for (int j = 0; j < m; j++) {
            float sim = entrySim[j];
            int meta = d[4 * j + 3];
            byte cls = (byte) meta;
            int tid = d[4 * j];
            if (plan.hasLegalForm && cls == NameTokens.LEGAL_FORM) {
                sim = Math.max(sim, NameScorer.LEGAL_FORM_MISMATCH_SIM);
            }
            if (plan.hasSingleLetter && plan.hasInitial((char) (meta >>> 8))) {
                // the letter itself is among the initial's indexed similar strings; a longer word it abbreviates
                sim = Math.max(sim, TokenSimilarity.INITIAL_SIM);
            }
            if (sim > 0) { // most tokens of a name turned away here match nothing: skip their weight lookup
                eWeighted += NameScorer.entryWeight(cls, tid, index.stats, plan.weightByDf) * sim;
            }
        }
        double qTotal = plan.totalWeight;
        double share = plan.share(qTotal, eTotal);
        double qCov = qTotal > 0 ? Math.min(1.0, queryReach / qTotal) : 0;
        double eCov = eTotal > 0 ? eWeighted / eTotal : 0;
        return share * qCov + (1 - share) * eCov;
    }

    private void accumulate(IntList postings, long unitMask, float credit, float queryCredit, SubjectType type,
                            Scratch s) {
        long[] covered = s.covered;
        float[] credits = s.credit;
        for (int i = 0; i < postings.size(); i++) {
            int id = postings.get(i);
            long mask = covered[id];
            if (mask == 0) {
                s.touched[id >>> 6] |= 1L << id;
                s.touchedCount++;
                if (index.otherType(id, type)) {
                    covered[id] = REJECTED;
                    continue;
                }
            } else if (mask == REJECTED) {
                continue;
            }
            covered[id] = mask | unitMask;
            credits[2 * id] += credit;
            credits[2 * id + 1] += queryCredit;
        }
    }

    /** Candidates sorted by descending bound, at most max of them. */
    private static Candidates topByBound(Bounded kept, int max) {
        int[] ids = kept.ids;
        float[] bounds = kept.bounds;
        int n = kept.count;
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            // bounds are non-negative, so their float bits order like the values; ties by name id
            keyed[i] = (long) (Integer.MAX_VALUE - Float.floatToIntBits(bounds[i])) << 32 | ids[i];
        }
        Arrays.sort(keyed);
        int count = Math.min(n, max);
        int[] outIds = new int[count];
        float[] outBounds = new float[count];
        for (int i = 0; i < count; i++) {
            outIds[i] = (int) keyed[i];
            outBounds[i] = Float.intBitsToFloat(Integer.MAX_VALUE - (int) (keyed[i] >>> 32));
        }
        return new Candidates(outIds, outBounds, count, kept.exactBounds);
    }

    private QueryPlan.SimSource indexedSims(QueryPlan plan) {
        if (!plan.hasSingleLetter) {
            return plan::indexedCodes;
        }
        // initials ("J" for "John") are not blocked on: computed directly for single-letter units
        Map<Integer, int[]> cache = new HashMap<>();
        return vid -> cache.computeIfAbsent(vid, v -> {
            int[] known = plan.indexedCodes(v);
            int[] codes = known == null ? new int[plan.units] : known.clone();
            boolean any = known != null;
            for (int u = 0; u < plan.units; u++) {
                if (plan.isSingleLetter(u)) {
                    codes[u] = directCode(plan, u, v);
                    any |= codes[u] != 0;
                }
            }
            return any ? codes : null;
        });
    }

    private QueryPlan.SimSource directSims(QueryPlan plan) {
        int[][] cache = new int[index.vocabularySize()][];
        int[] none = new int[0];
        return vid -> {
            int[] codes = cache[vid];
            if (codes == null) {
                codes = new int[plan.units];
                boolean any = false;
                for (int u = 0; u < plan.units; u++) {
                    codes[u] = directCode(plan, u, vid);
                    any |= codes[u] != 0;
                }
                cache[vid] = codes = any ? codes : none;
            }
            return codes == none ? null : codes;
        };
    }

    private int directCode(QueryPlan plan, int unit, int vid) {
        TokenFeatures q = plan.unitFeatures[unit];
        TokenFeatures e = index.features(vid);
        if (plan.exactOnly(unit)) {
            return q.token.equals(e.token) ? SimCode.of(TokenSimilarity.Result.EXACT) : 0;
        }
        return SimCode.of(TokenSimilarity.compare(q, e, plan.tokens.abjad()));
    }

    /** Best name of one entry so far. */
    private static final class Best {
        NameRecord name;
        double nameScore;
        /** final score (adjustments applied, rounded), NaN until computed */
        double score = Double.NaN;
        List<Adjustment> adjustments;
    }

    /**
     * Scores candidates in order of descending bound (when bounds are given) and stops once the next bound
     * cannot reach the threshold or beat the limit-th best entry found so far; exhaustive otherwise. Answers the
     * best name of each entry reaching the threshold, best first, at most limit of them.
     */
    private List<Best> rank(QueryPlan plan, int[] ids, float[] bounds, int count, QueryPlan.SimSource sims,
                            double threshold, int limit, Predicate<String> entryFilter) {
        Map<EntryRecord, Best> best = new IdentityHashMap<>();
        Map<EntryRecord, Boolean> allowed = entryFilter == null ? null : new IdentityHashMap<>();
        double[] finals = new double[Math.min(count, 64)];
        int reaching = 0; // entries whose best final score reaches the threshold
        double kth = Double.NEGATIVE_INFINITY; // limit-th best final score once `reaching` ≥ limit
        boolean kthStale = false;
        for (int c = 0; c < count; c++) {
            if (bounds != null) {
                double reach = bounds[c] + plan.maxBonus + ROUNDING;
                if (reach < threshold) {
                    break;
                }
                if (reaching >= limit) {
                    if (kthStale) {
                        kth = kthBest(best, limit, threshold, finals);
                        kthStale = false;
                    }
                    if (reach < kth) {
                        break; // cannot enter the top `limit`, not even on a tie
                    }
                }
            }
            NameRecord name = index.name(ids[c]);
            EntryRecord entry = name.entry;
            if (allowed != null && !allowed.computeIfAbsent(entry, e -> entryFilter.test(e.entry.entryId()))) {
                continue;
            }
            double nameScore = NameScorer.score(plan, name, sims, index.stats);
            Best current = best.get(entry);
            if (current != null && !preferred(nameScore, name, current.nameScore, current.name)) {
                continue;
            }
            if (current == null) {
                current = new Best();
                best.put(entry, current);
            }
            boolean reachedBefore = current.score >= threshold;
            current.name = name;
            current.nameScore = nameScore;
            current.score = Double.NaN;
            if (nameScore + plan.maxBonus + ROUNDING >= threshold) {
                finalScore(plan, current);
                if (current.score >= threshold) {
                    reaching += reachedBefore ? 0 : 1;
                    kthStale = true;
                }
            }
        }
        List<Best> scored = new ArrayList<>();
        for (Best b : best.values()) {
            if (Double.isNaN(b.score) && b.nameScore + plan.maxBonus + ROUNDING >= threshold) {
                finalScore(plan, b);
            }
            if (b.score >= threshold) {
                scored.add(b);
            }
        }
        scored.sort(Comparator.comparingDouble((Best x) -> x.score).reversed()
                .thenComparing(Comparator.comparingDouble((Best x) -> x.nameScore).reversed())
                .thenComparing(x -> x.name.entry.entry.entryId()));
        return scored.subList(0, Math.min(limit, scored.size()));
    }

    /** The ranked entries as matches, each explained. */
    private List<Match> explained(QueryPlan plan, QueryPlan.SimSource sims, List<Best> ranked) {
        List<Match> out = new ArrayList<>(ranked.size());
        for (Best x : ranked) {
            NameScorer.Alignment a = NameScorer.align(plan, x.name, sims, index.stats);
            out.add(new Match(x.name.entry.entry.entryId(), x.name.name.name(), x.score,
                    explain(plan, new Scored(a, x.adjustments, x.score))));
        }
        return out;
    }

    private static void finalScore(QueryPlan plan, Best b) {
        b.adjustments = SecondarySignals.adjustments(plan, b.name.entry.entry, b.name.name.kind());
        double score = b.nameScore;
        for (Adjustment adj : b.adjustments) {
            score += adj.amount();
        }
        b.score = NameScorer.round(Math.max(0, Math.min(1, score)));
    }

    /** The limit-th best final score among entries reaching the threshold. */
    private static double kthBest(Map<EntryRecord, Best> best, int limit, double threshold, double[] buffer) {
        double[] f = buffer.length >= best.size() ? buffer : new double[best.size()];
        int n = 0;
        for (Best b : best.values()) {
            if (b.score >= threshold) {
                f[n++] = b.score;
            }
        }
        Arrays.sort(f, 0, n);
        return n >= limit ? f[n - limit] : Double.NEGATIVE_INFINITY;
    }

    private static boolean preferred(double scoreA, NameRecord a, double scoreB, NameRecord b) {
        double sa = scoreA + nameKindAdjustment(a.name.kind());
        double sb = scoreB + nameKindAdjustment(b.name.kind());
        return sa > sb || sa == sb && a.id < b.id;
    }

    private record Scored(NameScorer.Alignment alignment, List<Adjustment> adjustments, double score) {
    }

    private Explanation explain(QueryPlan plan, Scored x) {
        NameScorer.Alignment a = x.alignment;
        List<TokenMatch> matches = NameScorer.tokenMatches(plan, a);
        List<WeightedToken> unmatchedQuery = new ArrayList<>();
        for (int i = 0; i < a.querySims.length; i++) {
            if (a.querySims[i] == 0f) {
                unmatchedQuery.add(new WeightedToken(plan.tokens.tokens()[i], NameScorer.round(plan.weights[i])));
            }
        }
        List<WeightedToken> unmatchedEntry = new ArrayList<>();
        for (int j = 0; j < a.entrySims.length; j++) {
            if (a.entrySims[j] == 0f) {
                unmatchedEntry.add(new WeightedToken(a.name.tokens.tokens()[j], NameScorer.round(a.entryWeights[j])));
            }
        }
        return new Explanation(summary(plan, x, matches, unmatchedQuery, unmatchedEntry), NameScorer.round(a.nameScore),
                NameScorer.round(a.queryCoverage), NameScorer.round(a.entryCoverage), List.copyOf(matches),
                List.copyOf(unmatchedQuery), List.copyOf(unmatchedEntry), List.copyOf(x.adjustments));
    }

    private static String summary(QueryPlan plan, Scored x, List<TokenMatch> matches,
                                  List<WeightedToken> unmatchedQuery, List<WeightedToken> unmatchedEntry) {
        Map<MatchKind, Integer> kinds = new EnumMap<>(MatchKind.class);
        for (TokenMatch m : matches) {
            kinds.merge(m.kind(), 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "score %.2f: \"%s\" vs \"%s\" (%s); name %.2f", x.score, plan.query.name(),
                x.alignment.name.name.name(), x.alignment.name.name.kind(), x.alignment.nameScore));
        StringBuilder k = new StringBuilder();
        kinds.forEach((kind, n) -> k.append(k.length() == 0 ? "" : ", ").append(n).append(' ')
                .append(kind.name().toLowerCase(Locale.ROOT)));
        b.append(", tokens ").append(k.length() == 0 ? "none" : k);
        if (!unmatchedQuery.isEmpty()) {
            b.append(", query-only ").append(unmatchedQuery.stream().map(WeightedToken::token).toList());
        }
        if (!unmatchedEntry.isEmpty()) {
            b.append(", entry-only ").append(unmatchedEntry.stream().map(WeightedToken::token).toList());
        }
        for (Adjustment adj : x.adjustments) {
            b.append(String.format(Locale.ROOT, "; %s %+.2f", adj.signal(), adj.amount()));
        }
        return b.toString();
    }
}
