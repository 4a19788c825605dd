package io.sanctionsradar.matching.index;

/**
 * Vocabulary strings that a query's words are compared with, each once and ascending, beside the keys
 * {@link AmongKnownStrings} tests of each as ints (hashes of the token, variant group, fold, skeleton and both phonetic
 * codes; length, first letter, whether it has a group and phonetic codes), {@link AmongKnownStrings#KEYS} per string: comparing a
 * word with them all, for each of thousands of parties, then scans a few kilobytes instead of following every
 * string's features.
 */
public record KnownStrings(int[] ids, int[] keys) {
}
