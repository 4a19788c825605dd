package io.sanctionsradar.screening.screenings;

import io.sanctionsradar.screening.screenings.ScreeningResult.MatchView;
import io.sanctionsradar.screening.screenings.ScreeningResult.SubjectListing;
import io.sanctionsradar.screening.screenings.ScreeningResult.SubjectView;
import io.sanctionsradar.screening.watchlist.Listing;
import io.sanctionsradar.screening.watchlist.SubjectGrouping.Subject;
import io.sanctionsradar.screening.watchlist.Watchlist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Groups an answer's matches by subject, so that one person listed by four authorities is one hit, not four. */
final class SubjectAnswers {

    private SubjectAnswers() {
    }

    /** The subjects of the matches, best first (the matches are), each with its listings in anchor order. */
    static List<SubjectView> group(Watchlist.View view, List<MatchView> matches, Predicate<Listing> filter) {
        if (matches.isEmpty()) {
            return List.of();
        }
        Map<String, Double> scoreOfEntry = new HashMap<>();
        Map<String, Subject> subjects = new LinkedHashMap<>();
        for (MatchView match : matches) {
            scoreOfEntry.merge(match.entryId(), match.score(), Math::max);
            Subject subject = view.subjectOf(match.entryId());
            subjects.putIfAbsent(subject.subjectId(), subject);
        }
        List<SubjectView> answer = new ArrayList<>(subjects.size());
        for (Subject subject : subjects.values()) {
            answer.add(describe(view, subject, scoreOfEntry, filter));
        }
        return answer;
    }

    private static SubjectView describe(Watchlist.View view, Subject subject, Map<String, Double> scoreOfEntry,
                                        Predicate<Listing> filter) {
        List<SubjectListing> listings = new ArrayList<>(subject.designationIds().size());
        double best = 0;
        Listing named = null;
        for (String id : subject.designationIds()) {
            Listing listing = view.listing(id);
            Double score = scoreOfEntry.get(id);
            if (listing == null || (score == null && !filter.test(listing))) {
                continue; // a listing the query's filters leave out is not shown through its subject either
            }
            named = named == null ? listing : named;
            best = score == null ? best : Math.max(best, score);
            listings.add(new SubjectListing(id, listing.sourceList(), listing.sourceId(), listing.subject().name(),
                    listing.authority(), listing.programs(), listing.measures(), listing.status(), score));
        }
        return new SubjectView(subject.subjectId(), best, named.subject().name(), named.subject().type(), listings);
    }
}
