package io.sanctionsradar.matching;

/**
 * One name of a watchlist entry.
 *
 * @param script ISO 15924 code of the writing system as published (e.g. "Cyrl"), or null when unknown;
 *               informational only: the engine detects scripts itself
 */
public record EntryName(String name, NameKind kind, String script) {
}
