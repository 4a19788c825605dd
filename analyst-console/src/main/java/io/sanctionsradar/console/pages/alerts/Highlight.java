package io.sanctionsradar.console.pages.alerts;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A name cut into its words and the spaces between, each word marked when the explanation aligned it: the engine
 * reports normalized tokens (lower case, no accents), so a word is compared in that form. Words the engine
 * transliterated from another script are not found this way and stay unmarked; the token table shows them.
 */
public final class Highlight {

    /** A piece of the name as written; {@code matched} for a word the explanation aligned. */
    public record Piece(String text, boolean matched) {
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private Highlight() {
    }

    public static List<Piece> of(String name, Set<String> matchedTokens) {
        List<Piece> pieces = new ArrayList<>();
        if (name == null) {
            return pieces;
        }
        Matcher word = WORD.matcher(name);
        int at = 0;
        while (word.find()) {
            if (word.start() > at) {
                pieces.add(new Piece(name.substring(at, word.start()), false));
            }
            pieces.add(new Piece(word.group(), matchedTokens.contains(normalize(word.group()))));
            at = word.end();
        }
        if (at < name.length()) {
            pieces.add(new Piece(name.substring(at), false));
        }
        return pieces;
    }

    static String normalize(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFKD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }
}
