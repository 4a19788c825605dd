package io.sanctionsradar.matching.retrieve;

/**
 * Names to score, best upper bound first: name ids and their bounds in parallel, the first {@code count} valid;
 * {@code exactBounds} says how many names were bounded from their own tokens (for tests of the bounds).
 */
public record Candidates(int[] ids, float[] bounds, int count, int exactBounds) {
}
