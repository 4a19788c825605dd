package io.sanctionsradar.screening.screenings;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanctionsradar.matching.Explanation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The answer to one screening, and its receipt: what was asked, against which watchlist, and what matched. */
public record ScreeningResult(
        UUID screeningId,
        UUID batchId,
        Instant screenedAt,
        String watchlistVersion,
        String algorithm,
        double threshold,
        ScreeningRequest query,
        List<MatchView> matches,
        List<SubjectView> subjects) {

    /** The same answer with its matches' explanations left out (they stay in the receipt): for long listings. */
    public ScreeningResult withoutExplanations() {
        return new ScreeningResult(screeningId, batchId, screenedAt, watchlistVersion, algorithm, threshold, query,
                matches.stream().map(MatchView::withoutExplanation).toList(), subjects);
    }

    /** One matched entry, with what the caller needs to act: who listed it, under what, and which measures apply. */
    public record MatchView(
            String entryId,
            int entryVersion,
            String source,
            String sourceId,
            String name,
            String matchedName,
            double score,
            String subjectType,
            String authority,
            List<String> programs,
            List<JsonNode> measures,
            String status,
            LocalDate listedOn,
            LocalDate delistedOn,
            Explanation explanation) {

        /** The match without its explanation (kept in the receipt): for answers that list many parties. */
        public MatchView withoutExplanation() {
            return new MatchView(entryId, entryVersion, source, sourceId, name, matchedName, score, subjectType,
                    authority, programs, measures, status, listedOn, delistedOn, null);
        }
    }

    /**
     * The matches grouped by subject (the same person or entity listed by several authorities), each subject
     * once with its best score and every listing under it that the query's filters admit; a listing the query did
     * not match itself has no score.
     */
    public record SubjectView(String subjectId, double score, String name, String subjectType,
                              List<SubjectListing> listings) {
    }

    /** One listing of a subject: who listed it, under what, with which measures. */
    public record SubjectListing(String entryId, String source, String sourceId, String name, String authority,
                                 List<String> programs, List<JsonNode> measures, String status, Double score) {
    }
}
