package io.sanctionsradar.matching.normalize;

import io.sanctionsradar.matching.tuning.Tuning;

import java.util.Arrays;

/**
 * A name after normalization: ASCII lower-case tokens with their class and adjacency.
 *
 * @param tokens          normalized tokens (legal-form phrases collapsed into one canonical token)
 * @param classes         {@link #WORD}, {@link #LEGAL_FORM} or {@link #TITLE} per token
 * @param joinsNext       true when token i and i+1 are adjacent words of one name part, so they may have been
 *                        written as one word elsewhere ("Hik Vision" / "Hikvision")
 * @param transliterated  the name was written in a non-Latin script
 * @param abjad           that script omits short vowels (Arabic, Hebrew...)
 */
public record NameTokens(String[] tokens, byte[] classes, boolean[] joinsNext, boolean transliterated, boolean abjad) {

    public static final byte WORD = 0;
    public static final byte LEGAL_FORM = 1;
    public static final byte TITLE = 2;

    /**
     * Tokens of a name that are aligned, bounded and indexed for bounds: the stages keep sets of a name's tokens
     * as bits of a long (bit 63 is left for flags), so longer names are truncated; no listed name comes close.
     */
    public static final int MAX_TOKENS = 63;

    static final NameTokens EMPTY = new NameTokens(new String[0], new byte[0], new boolean[0], false, false);

    public int size() {
        return tokens.length;
    }

    public boolean isEmpty() {
        return tokens.length == 0;
    }

    /** Concatenation of token i and i+1, the form a joined spelling would take. */
    public String compound(int i) {
        return tokens[i] + tokens[i + 1];
    }

    /** True when tokens i..i+2 may be written as one word: a short particle in the middle ("abd al jalil"). */
    public boolean joinsThree(int i) {
        return i + 2 < tokens.length && joinsNext[i] && joinsNext[i + 1] && tokens[i + 1].length() <= Tuning.MAX_JOINED_PARTICLE_LENGTH;
    }

    public String triple(int i) {
        return tokens[i] + tokens[i + 1] + tokens[i + 2];
    }

    @Override
    public String toString() {
        return String.join(" ", tokens);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NameTokens n && Arrays.equals(tokens, n.tokens) && Arrays.equals(classes, n.classes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tokens);
    }
}
