package io.sanctionsradar.matching;

import java.util.List;

/**
 * Why a name matched: token alignment, coverage of both names, and secondary-signal adjustments.
 * score = clamp(nameScore + sum(adjustments.amount), 0, 1), or 1.0 when {@code identifierMatches} is not empty: an
 * identifier equal to a listed one is a match whatever the names (a name may then be absent: no tokens, nameScore 0).
 *
 * @param nameScore      similarity of the two names alone (1.0 = identical after normalization)
 * @param queryCoverage  weighted share of the query explained by the entry name
 * @param entryCoverage  weighted share of the entry name explained by the query
 * @param identifierMatches the query's identifiers equal to the entry's, each with the listed one it equals
 */
public record Explanation(String summary,
                          double nameScore,
                          double queryCoverage,
                          double entryCoverage,
                          List<TokenMatch> tokenMatches,
                          List<WeightedToken> unmatchedQueryTokens,
                          List<WeightedToken> unmatchedEntryTokens,
                          List<Adjustment> adjustments,
                          List<IdentifierMatch> identifierMatches) {

    public Explanation {
        identifierMatches = identifierMatches == null ? List.of() : List.copyOf(identifierMatches);
    }

    /** A name-only explanation. */
    public Explanation(String summary, double nameScore, double queryCoverage, double entryCoverage,
                       List<TokenMatch> tokenMatches, List<WeightedToken> unmatchedQueryTokens,
                       List<WeightedToken> unmatchedEntryTokens, List<Adjustment> adjustments) {
        this(summary, nameScore, queryCoverage, entryCoverage, tokenMatches, unmatchedQueryTokens, unmatchedEntryTokens,
                adjustments, List.of());
    }

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

    /** A query identifier equal to a listed one (after normalization; countries agreeing where both give one). */
    public record IdentifierMatch(Identifier query, Identifier listed) {
    }

    /** A secondary signal: signal is e.g. "birthDate", "country", "type", "nameKind", "identifier"; amount is added to the score. */
    public record Adjustment(String signal, double amount, String reason) {
    }
}
