package io.sanctionsradar.matching.index;

import io.sanctionsradar.matching.normalize.TokenFeatures;
import io.sanctionsradar.matching.retrieve.SimMap;

/** A query string's features and its similar vocabulary strings. */
public record Lookup(TokenFeatures features, SimMap sims) {
}
