package io.sanctionsradar.matching.score;

import io.sanctionsradar.matching.Explanation.MatchKind;

/**
 * Packs a similarity (4 decimals) and its {@link MatchKind} into one positive int; 0 means "no match".
 * Both the indexed path and the brute-force oracle go through this packing, so they score identically.
 */
public final class SimCode {
    private static final MatchKind[] KINDS = MatchKind.values();

    private SimCode() {
    }

    public static int of(float sim, MatchKind kind) {
        if (sim <= 0f || kind == null) {
            return 0;
        }
        return Math.round(sim * 10_000f) << 4 | kind.ordinal();
    }

    public static int of(TokenSimilarity.Result r) {
        return of(r.sim(), r.kind());
    }

    public static double sim(int code) {
        return (code >>> 4) / 10_000.0;
    }

    static MatchKind kind(int code) {
        return KINDS[code & 15];
    }

    /** Same similarity, another kind (a joined or split alignment keeps the similarity of its strings). */
    static int withKind(int code, MatchKind kind) {
        return code == 0 ? 0 : (code & ~15) | kind.ordinal();
    }
}
