package io.sanctionsradar.matching.tuning;

/**
 * Every tuning constant of the engine, by stage, each with why it has its value and the measurement behind it
 * where one was recorded (docs/benchmarks.md, the commit that set it); "no measurement recorded" says there is none.
 * Changing any value that affects scores changes {@code MatchingEngine.ALGORITHM}'s meaning: bump its version, and
 * expect the EngineFingerprint digests and the quality figures to move.
 */
public final class Tuning {

    private Tuning() {
    }

    // ---------------------------------------------------------------- normalize: token features

    /**
     * Tokens shorter than this get no phonetic code: a 1–3 letter code would equate unrelated short words. No
     * measurement recorded.
     */
    public static final int MIN_PHONETIC_LENGTH = 4;
    /** Longest Double Metaphone code kept (the codec keeps 4 by default). No measurement recorded. */
    public static final int METAPHONE_CODE_LENGTH = 8;
    /**
     * Shortest token given a romanization fold key of its own (shorter ones are their own key): over-folding only
     * costs precision on tokens already near-identical, and short ones have little to fold. No measurement recorded.
     */
    public static final int MIN_FOLDED_TOKEN_LENGTH = 3;
    /**
     * Longest middle token for which three tokens may be written as one word: a short particle ("abd al jalil").
     * No measurement recorded.
     */
    public static final int MAX_JOINED_PARTICLE_LENGTH = 3;

    /**
     * Shortest piece a glued query word ("VladimirPutin", "kambizrostamian") is cut into, a legal form aside: a
     * misspelt word falls into shorter listed pieces too often ("petrobna" → "pet robna", "mohanmad" → "mohan mad":
     * two dev-set typos lost at 3 letters, none at 4). Held-out variants at 4: glued persons 0.05 → 0.83, joined
     * words 0.77 → 0.95, glued legal forms 0.22 → 0.84 (matching/eval/variants.jsonl).
     */
    public static final int MIN_GLUED_PIECE = 4;
    /**
     * Shortest unknown word cut into two listed words unless one piece is a legal form: a misspelt six- or
     * seven-letter word ("gazpom", "tarding") often falls into two short listed words; real glued names are longer.
     */
    public static final int MIN_GLUED_WORD = 8;
    /**
     * One-word legal forms this short (AO, SA, AS, CO) are ordinary words too, so they count as legal forms only
     * where the name confirms it. No measurement recorded.
     */
    public static final int SHORT_LEGAL_FORM_LENGTH = 3;
    /**
     * Shortest token read as a one-edit misspelling of a legal-form word, to detect legal-form phrases (words outside
     * a phrase keep their spelling). No measurement recorded.
     */
    public static final int LEGAL_FORM_TYPO_MIN_LENGTH = 4;
    /** Shortest legal-form word a misspelling is corrected to (see LEGAL_FORM_TYPO_MIN_LENGTH). No measurement recorded. */
    public static final int LEGAL_FORM_TYPO_TARGET_LENGTH = 5;

    // ---------------------------------------------------------------- index: weights and lookups

    /** Weight of legal-form tokens: they help rank "X Ltd" over "X Inc" but never carry a match. No measurement recorded. */
    public static final double LEGAL_FORM_WEIGHT = 0.6;
    /** Weight of honorifics and ranks, same reasoning as legal forms. No measurement recorded. */
    public static final double TITLE_WEIGHT = 0.6;
    /**
     * Floor of a word's rarity weight, so that even the most common word still counts a little when it is all a name
     * has. No measurement recorded.
     */
    public static final double MIN_WEIGHT = 0.5;
    /**
     * Document frequencies below this have their weight precomputed per list size (the scorer reads thousands of
     * weights per query); the rare commoner token computes its log. Speed only; no measurement recorded.
     */
    public static final int WEIGHT_TABLE_SIZE = 4096;
    /**
     * Query strings whose similar-string lookups are cached (0 disables the cache, to measure the uncached path):
     * names repeat their words. Lists of 26,133 entries, one thread: p50 119 µs, p99 793 µs with the cache warm against
     * p50 162–191 µs, p99 851–1,163 µs with it off (docs/benchmarks.md, 2026-11-23).
     */
    public static final int LOOKUP_CACHE_SIZE = Integer.getInteger("sanctionsradar.matching.lookupCache", 50_000);

    // ---------------------------------------------------------------- score: token similarity ladder

    /*
     * The first matching rule wins, so the ladder is also the calibration: exact 1.0 > listed variant > romanization
     * variant > spelling distance (one edit in five letters = 0.8) > phonetic code > consonant skeleton. The default
     * threshold's figures (below) were measured with these values; none was measured on its own.
     */

    /** Known given-name equivalents are near-certain but not identical. No measurement recorded. */
    public static final float VARIANT_SIM = 0.95f;
    /** Same fold key: the same word in two romanization schemes (Yevgeniy/Evgenij). No measurement recorded. */
    public static final float FOLD_SIM = 0.93f;
    /**
     * Same consonant skeleton, and every vowel the abjad side writes found in the Latin spelling (ConsonantSkeleton):
     * an Arabic-script word against its romanization. No measurement of this value alone recorded.
     */
    public static final float SKELETON_SIM = 0.85f;
    /**
     * The same for a skeleton of LONG_SKELETON_CLASSES consonants or more: three consonants in order and the long
     * vowels in place rarely meet by chance. UN original-script names on the CSL (un-original-script.jsonl, 230
     * names): recall at 0.78 0.739 with 0.85 for every skeleton, 0.770 with 0.90 for every skeleton (and two unlisted
     * Arabic-script names matched), see the commit for this value.
     */
    public static final float LONG_SKELETON_SIM = 0.90f;
    /** Consonant classes from which a skeleton match is a LONG_SKELETON_SIM one. */
    public static final int LONG_SKELETON_CLASSES = 3;
    /**
     * Same Double Metaphone code: sounds alike, but codes are coarse ("Thierry Mehta" / "Matteo Taerri"), so a name
     * matched only phonetically stays below the default threshold. No measurement recorded.
     */
    public static final float PHONETIC_SIM = 0.75f;
    /** Below this a spelling match is noise (two edits in a six-letter word). No measurement recorded. */
    public static final float MIN_FUZZY_SIM = 0.70f;
    /** A single letter against a word it could abbreviate ("J" / "John"): weak evidence. No measurement recorded. */
    public static final float INITIAL_SIM = 0.60f;
    /**
     * Shortest token that may match by spelling distance: one edit in three letters is a different word (but a
     * three-letter token may be a four-letter one with a letter dropped: "Olg" / "Oleg"). No measurement recorded.
     */
    public static final int MIN_FUZZY_LENGTH = 4;
    /** Token length from which two edits are tolerated (typos in two places), one below it. No measurement recorded. */
    public static final int TWO_EDITS_FROM_LENGTH = 8;
    /** Shortest fold key that may match by fold: shorter keys equate unrelated short words. No measurement recorded. */
    public static final int MIN_FOLD_LENGTH = 3;
    /**
     * Phonetic matches need the shorter token to have at least this many quarters of the longer one's length: a
     * code says little about the letters it leaves out. No measurement recorded.
     */
    public static final int PHONETIC_LENGTH_QUARTERS = 3;
    /** Two different legal forms (Ltd vs LLC) still say "this is a company". No measurement recorded. */
    public static final float LEGAL_FORM_MISMATCH_SIM = 0.5f;

    // ---------------------------------------------------------------- score: name score

    /**
     * Bounds of the query side's share of a name score (the coverages are mixed in proportion to each side's total
     * weight, a weighted Dice coefficient, so a query of common words cannot carry a name with a rare word it
     * lacks): an unexplained query word is evidence against the match, an entry word the query omits only missing
     * evidence, so the query side counts at least about half; and at most MAX_QUERY_SHARE, so that a long query
     * still has to explain the entry. No measurement recorded.
     */
    public static final double MIN_QUERY_SHARE = 0.45;
    /** See {@link #MIN_QUERY_SHARE}. No measurement recorded. */
    public static final double MAX_QUERY_SHARE = 0.75;

    /**
     * Share of a query that is one distinctive word ("Hikvision", "Deripaska"): its own coverage decides, so an exact
     * hit scores at least this much and names rank by how much of them the word explains. Above MAX_QUERY_SHARE, so
     * it applies as a constant (the candidate bounds stay bounds).
     */
    public static final double DISTINCTIVE_ALONE_SHARE = 0.8;
    /** Shortest word that counts as distinctive alone: shorter ones are initials, particles or common stems. */
    public static final int DISTINCTIVE_MIN_LENGTH = 5;
    /**
     * Most listed entries a distinctive word may appear in: a brand carried by a group of companies, a family name of
     * a few relatives; a word more entries carry (Mohammed, Wang, Trading) says too little alone.
     */
    public static final int DISTINCTIVE_MAX_ENTRIES = 8;
    /**
     * Pairs up to which a reverse search aligns a name optimally; beyond, greedily (no name comes close). Bounds the
     * search's buffers; no measurement recorded.
     */
    public static final int MAX_OPTIMAL_PAIRS = 64;
    /**
     * Alignments tried at most per name by the optimal alignment: the search starts from the greedy one and only
     * improves on it, so a cut search is never worse than greedy. No measurement recorded.
     */
    public static final int MAX_OPTIMAL_STEPS = 5_000;

    // ---------------------------------------------------------------- score: secondary signals

    /*
     * Non-name evidence, applied as small additive adjustments: deliberately smaller than the gap between a good and
     * a bad name match, as lists carry wrong or approximate birth dates and several nationalities, so they re-rank and
     * tip borderline cases and never create a match. No measurement recorded for any of them.
     */

    /** Same full birth date: strong corroboration of an identity. */
    public static final double BIRTH_DATE_EXACT = +0.05;
    /** Same year (or year-month) at the precision both sides have. */
    public static final double BIRTH_YEAR_MATCH = +0.03;
    /** Every listed birth year differs by more than one year: probably another person with that name. */
    public static final double BIRTH_YEAR_MISMATCH = -0.10;
    /** Years a birth year may differ by and still count as near (no mismatch): lists approximate birth years. */
    public static final int BIRTH_YEAR_TOLERANCE = 1;
    /** Query country among the entry's nationalities, citizenships or address countries. */
    public static final double COUNTRY_MATCH = +0.03;
    /** Entry has countries and the query's is not one of them: weak, people and firms move. */
    public static final double COUNTRY_MISMATCH = -0.03;
    /**
     * Query and entry both carry an identifier of one exclusive scheme and scope (an IMO number, a passport of the
     * same country) with different values: strong evidence of another subject, yet documents are renewed and lists
     * carry typos, so an exact name (1.0) stays reported at 0.85 with the reason, while a fuzzy one (below ~0.93)
     * falls under the default threshold. No measurement recorded (no evaluation set carries identifiers yet).
     */
    public static final double IDENTIFIER_CONTRADICTION = -0.15;
    /** Query carries a company legal form but the entry is a person (query type unknown). */
    public static final double LEGAL_FORM_ON_PERSON = -0.08;
    /**
     * OFAC "weak" aliases are low-quality names that by themselves are unreliable identifiers (the monitoring
     * reverse pass searches them this much higher, as their matches lose it: commit 09d2898). No measurement
     * recorded.
     */
    public static final double WEAK_ALIAS = -0.05;

    // ---------------------------------------------------------------- threshold and retrieval

    /**
     * Score at or above which a name is reported as a hit. Measured on the labelled dev set (CSL 2022, 1,200
     * queries, QualityEvaluation; docs/benchmarks.md): false positives are 0 from 0.76 up; recall is 0.9975 up to
     * 0.76, 0.9962 at 0.78 and 0.9950 at 0.80, and falls faster after that (0.9838 at 0.82). 0.78 sits in the range
     * with no false positive and recall above 0.99, leaving margin on both sides for harder real traffic (two
     * typos, other scripts) and for near-miss non-listed names.
     */
    public static final double DEFAULT_THRESHOLD = 0.78;
    /**
     * Candidates fully scored per query, best upper bound first; a bound for pathological all-common queries. A
     * caller asking for more matches than this (the monitoring reverse pass) gets that many candidates scored
     * (commit 8b864b1: a party sharing a common name was missed in a large book). No measurement recorded.
     */
    public static final int MAX_CANDIDATES = 1000;
    /**
     * Touched names from which bounding is split between the caller and one pool thread: only a very common word in
     * a large index (the monitoring book) touches this many, and then bounding is most of the query. No measurement
     * of the value recorded.
     */
    public static final int PARALLEL_BOUNDS_FROM = 16_384;

    // ---------------------------------------------------------------- slack: correctness margins, not tuned

    /** Scores are rounded to 4 decimals before the threshold test; bounds keep this much slack for it. */
    public static final double ROUNDING = 1e-4;
    /**
     * Slack for the float sums of credits: a credit bound is only compared with the floor to skip the exact bound,
     * so it may be looser than needed, never tighter.
     */
    public static final double CREDIT_SLACK = 1e-4;
    /** Added to a bound before it is stored as a float: float rounding must not undercut it. */
    public static final double FLOAT_BOUND_SLACK = 1e-6;
    /** An optimal alignment must beat the greedy one by this much: an equal one keeps the greedy, as forward has it. */
    public static final double OPTIMAL_TIE = 1e-12;
}
