package io.sanctionsradar.matching.normalize;

import io.sanctionsradar.matching.tuning.Tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Words a query writes together that the list writes apart ("VladimirPutin", "vladimirputin", "JSCSOVCOMFLOT"):
 * a query word the list does not hold is split at query time only where both pieces are words the list holds,
 * or one piece is a legal form and the other a listed word. Listed names are not split (their glued words are
 * met by the query's joined units); case is not used, so "GmbH" or "SenseTime" stay one word. Each piece of
 * a name is at least {@link Tuning#GLUED_PIECE_MIN_LENGTH} letters, so a short glued piece never carries a match.
 */
public final class GluedWords {

    private GluedWords() {
    }

    /**
     * The tokens with each unknown glued word split in two where {@code known} (a word the list holds as a
     * token) accepts the pieces; the same instance when nothing splits.
     */
    public static NameTokens split(NameTokens t, Predicate<String> known, Predicate<String> anyString) {
        List<String> tokens = null;
        for (int i = 0; i < t.size(); i++) {
            String w = t.tokens()[i];
            String[] pieces = t.classes()[i] == NameTokens.WORD && w.length() >= 2 * Tuning.GLUED_PIECE_MIN_LENGTH
                    && !anyString.test(w) ? pieces(w, known) : null;
            if (pieces != null && tokens == null) {
                tokens = new ArrayList<>();
                for (int k = 0; k < i; k++) {
                    tokens.add(t.tokens()[k]);
                }
            }
            if (tokens != null) {
                tokens.add(pieces == null ? w : pieces[0] + " " + pieces[1]);
            }
        }
        return tokens == null ? t : rebuild(t, tokens);
    }

    /** The best split of a word into a legal form and a known word, or two known words; null if none. */
    private static String[] pieces(String w, Predicate<String> known) {
        String[] best = null;
        int bestShorter = 0;
        for (int at = 1; at < w.length(); at++) {
            String left = w.substring(0, at);
            String right = w.substring(at);
            boolean legalLeft = isLegalForm(left) && right.length() >= Tuning.GLUED_NAME_WITH_FORM_MIN_LENGTH;
            boolean legalRight = isLegalForm(right) && left.length() >= Tuning.GLUED_NAME_WITH_FORM_MIN_LENGTH;
            int shorter = Math.min(left.length(), right.length());
            boolean words = shorter >= Tuning.GLUED_PIECE_MIN_LENGTH;
            if ((legalLeft && known.test(right)) || (legalRight && known.test(left))
                    || (words && shorter > bestShorter && known.test(left) && known.test(right))) {
                int rank = legalLeft || legalRight ? Integer.MAX_VALUE : shorter;
                if (rank > bestShorter) {
                    best = new String[] {left, right};
                    bestShorter = rank;
                }
            }
        }
        return best;
    }

    private static boolean isLegalForm(String piece) {
        List<String> one = List.of(LegalForms.correct(piece));
        return LegalForms.phraseLength(one, 0, 1) == 1;
    }

    /** Tokens again from the words, one glued word now two: legal-form pieces classed, word pieces joinable. */
    private static NameTokens rebuild(NameTokens t, List<String> words) {
        List<String> tokens = new ArrayList<>();
        List<Byte> classes = new ArrayList<>();
        List<Boolean> joins = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String[] pieces = words.get(i).split(" ");
            for (int p = 0; p < pieces.length; p++) {
                boolean legal = pieces.length > 1 && isLegalForm(pieces[p]);
                String corrected = LegalForms.correct(pieces[p]);
                tokens.add(legal ? LegalForms.canonical(List.of(corrected), 0, 1) : pieces[p]);
                classes.add(legal ? NameTokens.LEGAL_FORM : t.classes()[i]);
                joins.add(p + 1 < pieces.length ? !legal && !isLegalForm(pieces[p + 1]) : t.joinsNext()[i]);
            }
        }
        int n = Math.min(tokens.size(), NameTokens.MAX_TOKENS);
        String[] tk = new String[n];
        byte[] c = new byte[n];
        boolean[] j = new boolean[n];
        for (int k = 0; k < n; k++) {
            tk[k] = tokens.get(k);
            c[k] = classes.get(k);
            j[k] = k + 1 < n && joins.get(k) && c[k] == NameTokens.WORD && classes.get(k + 1) == NameTokens.WORD;
        }
        return new NameTokens(tk, c, j, t.transliterated(), t.abjad());
    }
}
