package io.sanctionsradar.matching.explain;

import io.sanctionsradar.matching.Explanation.Adjustment;
import io.sanctionsradar.matching.Explanation.MatchKind;
import io.sanctionsradar.matching.Explanation.TokenMatch;
import io.sanctionsradar.matching.Explanation.WeightedToken;
import io.sanctionsradar.matching.Explanation;
import io.sanctionsradar.matching.Match;
import io.sanctionsradar.matching.index.TokenStatistics;
import io.sanctionsradar.matching.retrieve.QueryPlan;
import io.sanctionsradar.matching.score.NameScorer;
import io.sanctionsradar.matching.score.RankedEntry;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns ranked entries into matches a reviewer can read: each name is aligned again (only the few reported are)
 * for its token matches, the tokens either side left unmatched, the adjustments and a one-line summary.
 */
public final class Explainer {

    private Explainer() {
    }

    /** The ranked entries as matches, each explained. */
    public static List<Match> explained(QueryPlan plan, QueryPlan.SimSource sims, List<RankedEntry> ranked,
                                        TokenStatistics stats) {
        List<Match> out = new ArrayList<>(ranked.size());
        for (RankedEntry x : ranked) {
            NameScorer.Alignment a = NameScorer.align(plan, x.name(), sims, stats);
            out.add(new Match(x.entryId(), x.name().name.name(), x.score(),
                    explain(plan, new Scored(a, x.adjustments(), x.score()))));
        }
        return out;
    }

    private record Scored(NameScorer.Alignment alignment, List<Adjustment> adjustments, double score) {
    }

    private static Explanation explain(QueryPlan plan, Scored x) {
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
        if (plan.distinctiveAlone) {
            b.append(", distinctive name alone");
        }
        if (plan.gluedWordsCut) {
            b.append(", glued words read apart");
        }
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
