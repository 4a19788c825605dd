package io.sanctionsradar.matching.explain;

import io.sanctionsradar.matching.Explanation;
import io.sanctionsradar.matching.Explanation.IdentifierMatch;
import io.sanctionsradar.matching.Identifier;
import io.sanctionsradar.matching.Match;
import io.sanctionsradar.matching.WatchlistEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Matches made by an identifier: scored 1.0, explained by the identifiers that agree and the best name's alignment. */
public final class IdentifierEvidence {

    private IdentifierEvidence() {
    }

    /** Each query identifier the same as one of the listed ones, with the first listed one it equals. */
    public static List<IdentifierMatch> agreeing(List<Identifier> query, List<Identifier> listed) {
        List<IdentifierMatch> out = new ArrayList<>(1);
        for (Identifier q : query) {
            listed.stream().filter(q::sameAs).findFirst().ifPresent(l -> out.add(new IdentifierMatch(q, l)));
        }
        return out;
    }

    /**
     * The entry as an identifier match: the name match's alignment when there is one (its score is then the name's
     * own, in the summary), else the entry's first name with no token evidence.
     */
    public static Match identified(String entryId, Match byName, WatchlistEntry entry, List<IdentifierMatch> evidence) {
        String because = "score 1.00: " + evidence.stream()
                .map(e -> "identifier " + e.query() + " equals listed " + e.listed()).collect(Collectors.joining(", "));
        if (byName != null) {
            Explanation x = byName.explanation();
            return new Match(entryId, byName.matchedName(), 1.0, new Explanation(because + "; name " + x.summary(),
                    x.nameScore(), x.queryCoverage(), x.entryCoverage(), x.tokenMatches(), x.unmatchedQueryTokens(),
                    x.unmatchedEntryTokens(), x.adjustments(), evidence));
        }
        String name = entry.names().isEmpty() ? null : entry.names().get(0).name();
        return new Match(entryId, name, 1.0,
                new Explanation(because, 0, 0, 0, List.of(), List.of(), List.of(), List.of(), evidence));
    }
}
