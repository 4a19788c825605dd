package io.sanctionsradar.matching;

/** Best-scoring name of one entry for a query; score in [0, 1]. */
public record Match(String entryId, String matchedName, double score, Explanation explanation) {
}
