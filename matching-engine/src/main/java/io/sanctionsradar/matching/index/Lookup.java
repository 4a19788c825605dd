package io.sanctionsradar.matching.index;

import io.sanctionsradar.matching.normalize.TokenFeatures;

/** A query string's features and its similar vocabulary strings. */
public record Lookup(TokenFeatures features, SimMap sims) {
}
