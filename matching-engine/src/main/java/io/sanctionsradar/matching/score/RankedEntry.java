package io.sanctionsradar.matching.score;

import io.sanctionsradar.matching.Explanation.Adjustment;
import io.sanctionsradar.matching.index.NameRecord;

import java.util.List;

/** The best name of one entry found by a {@link Ranker}, with its scores. */
public final class RankedEntry {
    NameRecord name;
    double nameScore;
    /** final score (adjustments applied, rounded), NaN until computed */
    double score = Double.NaN;
    List<Adjustment> adjustments;

    public NameRecord name() {
        return name;
    }

    public String entryId() {
        return name.entry.entry.entryId();
    }

    public double score() {
        return score;
    }

    public List<Adjustment> adjustments() {
        return adjustments;
    }
}
