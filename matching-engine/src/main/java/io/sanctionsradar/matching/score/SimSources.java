package io.sanctionsradar.matching.score;

import io.sanctionsradar.matching.index.CandidateIndex;
import io.sanctionsradar.matching.normalize.TokenFeatures;
import io.sanctionsradar.matching.retrieve.QueryPlan;

import java.util.HashMap;
import java.util.Map;

/** Where the scorer gets the similarity codes of the query units against a vocabulary string. */
public final class SimSources {

    private SimSources() {
    }

    /** The plan's index lookups; single-letter units (initials) computed directly, as they are not blocked on. */
    public static QueryPlan.SimSource indexed(QueryPlan plan, CandidateIndex index) {
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
                    codes[u] = directCode(plan, u, v, index);
                    any |= codes[u] != 0;
                }
            }
            return any ? codes : null;
        });
    }

    /** Every code computed directly, no blocking: the test oracle's source. */
    public static QueryPlan.SimSource direct(QueryPlan plan, CandidateIndex index) {
        int[][] cache = new int[index.vocabularySize()][];
        int[] none = new int[0];
        return vid -> {
            int[] codes = cache[vid];
            if (codes == null) {
                codes = new int[plan.units];
                boolean any = false;
                for (int u = 0; u < plan.units; u++) {
                    codes[u] = directCode(plan, u, vid, index);
                    any |= codes[u] != 0;
                }
                cache[vid] = codes = any ? codes : none;
            }
            return codes == none ? null : codes;
        };
    }

    private static int directCode(QueryPlan plan, int unit, int vid, CandidateIndex index) {
        TokenFeatures q = plan.unitFeatures[unit];
        TokenFeatures e = index.features(vid);
        if (plan.exactOnly(unit)) {
            return q.token.equals(e.token) ? SimCode.of(TokenSimilarity.Result.EXACT) : 0;
        }
        return SimCode.of(TokenSimilarity.compare(q, e, plan.tokens.abjad(), index.abjadBorn(vid)));
    }
}
