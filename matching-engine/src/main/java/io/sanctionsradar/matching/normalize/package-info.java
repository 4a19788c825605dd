/**
 * Names to tokens: script detection and transliteration to Latin, confusable letters, case and accent folding,
 * legal forms and titles recognized and canonicalized, which adjacent tokens may be written together; and each
 * token's matching features (variant group, romanization fold key, Double Metaphone codes, consonant skeleton).
 * Pure functions of the name: no state of the list. {@code Reusable} pools scratch objects for every stage.
 */
package io.sanctionsradar.matching.normalize;
