/** Ranked entries to explained matches: token matches, unmatched tokens either side, adjustments, a summary line. */
package io.sanctionsradar.matching.explain;
