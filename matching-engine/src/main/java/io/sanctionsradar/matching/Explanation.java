package io.sanctionsradar.matching;

import java.util.List;

/**
 * Why a name matched: token alignment, coverage of both names, and secondary-signal adjustments.
 * score = clamp(nameScore + sum(adjustments.amount), 0, 1).
 *
 * @param nameScore      similarity of the two names alone (1.0 = identical after normalization)
 * @param queryCoverage  weighted share of the query explained by the entry name
 * @param entryCoverage  weighted share of the entry name explained by the query
 */
public record Explanation(String summary,
                          double nameScore,
                          double queryCoverage,
                          double entryCoverage,
                          List<TokenMatch> tokenMatches,
                          List<WeightedToken> unmatchedQueryTokens,
                          List<WeightedToken> unmatchedEntryTokens,
                          List<Adjustment> adjustments) {

    /** How a query token (or pair) was aligned with an entry token (or pair). */
    public enum MatchKind {
        /** identical after normalization */
        EXACT,
        /** known equivalent given names (Mohammed/Muhammad, Aleksandr/Alexander...) */
        VARIANT,
        /** same word under another transliteration scheme, or a token produced from a non-Latin script */
        TRANSLITERATED,
        /** spelling distance (typos) */
        FUZZY,
        /** same Double Metaphone code */
        PHONETIC,
        /** two adjacent query tokens written as one entry token ("Hik Vision" vs "Hikvision") */
        JOINED,
        /** one query token written as two adjacent entry tokens ("Alqaida" vs "Al Qaida") */
        SPLIT,
        /** a single letter standing for a word */
        INITIAL,
        /** two different legal forms (both low weight) */
        LEGAL_FORM
    }

    public record TokenMatch(List<String> queryTokens, List<String> entryTokens, MatchKind kind,
                             double similarity, double queryWeight, double entryWeight) {
    }

    public record WeightedToken(String token, double weight) {
    }

    /** A secondary signal: signal is e.g. "birthDate", "country", "type", "nameKind"; amount is added to the score. */
    public record Adjustment(String signal, double amount, String reason) {
    }
}
