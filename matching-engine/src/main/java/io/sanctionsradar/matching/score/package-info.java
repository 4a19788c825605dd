/**
 * Scoring and ranking. {@code TokenSimilarity} compares two tokens (exact, variant, romanization, spelling distance
 * by {@code EditDistance}, phonetic, skeleton, initial) into a {@code SimCode}; {@code NameScorer} aligns a query
 * with a name one-to-one (greedily, or by {@code OptimalAlignment} in a reverse search) into a name score; {@code
 * SecondarySignals} adds the small birth-date, country and name-kind adjustments; {@code Ranker} scores the
 * candidates best bound first and keeps each entry's best name ({@code RankedEntry}).
 */
package io.sanctionsradar.matching.score;
