/**
 * The listed names in searchable form. {@code CandidateIndex} is the stage's entry point: entries and their names
 * ({@code EntryRecord}, {@code NameRecord}, per-name-id arrays in {@code NameTable}), the {@code Vocabulary} of
 * distinct token and joined-form strings with their posting lists and blocking keys, the lookups of a query string's
 * similar strings ({@code SimilarStrings} through the keys and the {@code DeletionIndex}; {@code AmongKnownStrings}
 * among a check's few strings), each answered as a {@code SimMap} of similar string to similarity code, and the
 * rarity weights ({@code TokenStatistics}). Writes are exclusive; reads may run concurrently.
 */
package io.sanctionsradar.matching.index;
