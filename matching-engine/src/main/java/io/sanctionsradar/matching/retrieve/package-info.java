/**
 * From a query to the names worth scoring. {@code QueryPlan} prepares the query: its units (tokens, and pairs and
 * triples written together), their similar vocabulary strings ({@code SimilarRows}) and weights, and its {@code
 * ScreeningDirection}. {@code CandidateSearch} reads the similar strings' posting lists in {@code ReadingOrder},
 * stops once no unseen name could reach the threshold, then bounds the touched names ({@code BoundPass}, {@code
 * NameBounds}) over the per-name marks of {@code TouchedNames}; the result is {@code Candidates}, best bound first.
 */
package io.sanctionsradar.matching.retrieve;
