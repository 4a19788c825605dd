package io.sanctionsradar.matching.normalize;

import io.sanctionsradar.matching.tuning.Tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Words written together that the list writes apart: "VladimirPutin", "aliibrahim", "JSCSOVCOMFLOT",
 * "DELIJANCOMPANY". A query word the list does not know is cut in two where both pieces are listed words (or one is
 * a legal form), so that each piece is aligned on its own. Only the query side is cut, and only into pieces of
 * {@link Tuning#MIN_GLUED_PIECE} letters or more (a legal form may be shorter), so a short piece never carries a
 * match; the opposite case, a list word the query writes apart, is a joined unit of the query plan.
 */
public final class GluedWords {

    /** A legal form glued in front has three letters or more ("jscsovcomflot"): "ab", "as", "sl" begin names. */
    private static final int MIN_LEADING_LEGAL_FORM = 3;

    private GluedWords() {
    }

    /** The tokens with every unknown glued word cut in two; the same object when nothing was cut. */
    public static NameTokens split(NameTokens tokens, Predicate<String> listed) {
        if (tokens.transliterated()) {
            return tokens; // a vowel-less reading of Arabic cuts anywhere; its compounds are the scripts' rules
        }
        List<String> out = null;
        List<Byte> classes = null;
        List<Boolean> joins = null;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.tokens()[i];
            String[] cut = tokens.classes()[i] == NameTokens.WORD && !listed.test(t) ? cut(t, listed) : null;
            if (cut != null && out == null) {
                out = new ArrayList<>();
                classes = new ArrayList<>();
                joins = new ArrayList<>();
                for (int k = 0; k < i; k++) {
                    out.add(tokens.tokens()[k]);
                    classes.add(tokens.classes()[k]);
                    joins.add(tokens.joinsNext()[k]);
                }
            }
            if (out == null) {
                continue;
            }
            if (cut == null) {
                out.add(t);
                classes.add(tokens.classes()[i]);
                joins.add(tokens.joinsNext()[i]);
            } else {
                for (int piece = 0; piece < 2; piece++) {
                    String legalForm = LegalForms.ofWord(cut[piece]);
                    out.add(legalForm != null ? legalForm : cut[piece]);
                    classes.add(legalForm != null ? NameTokens.LEGAL_FORM : NameTokens.WORD);
                    joins.add(piece == 0 || tokens.joinsNext()[i]);
                }
            }
        }
        return out == null ? tokens : build(tokens, out, classes, joins);
    }

    /**
     * Two pieces that are both listed (or a legal form), the longer the shorter piece the better; null when none.
     * A listed word is asked for through the predicate only, so the same rule serves any index.
     */
    static String[] cut(String word, Predicate<String> listed) {
        String[] best = null;
        int bestShorter = 0;
        for (int at = MIN_LEADING_LEGAL_FORM; at <= word.length() - 2; at++) {
            String left = word.substring(0, at);
            String right = word.substring(at);
            boolean legalForm = LegalForms.ofWord(left) != null || LegalForms.ofWord(right) != null;
            if (word.length() < (legalForm ? Tuning.MIN_GLUED_PIECE + 2 : Tuning.MIN_GLUED_WORD)) {
                continue; // a short unknown word is likelier a misspelling ("gazpom") than two words
            }
            if (known(left, MIN_LEADING_LEGAL_FORM, listed) && known(right, 2, listed)) {
                int shorter = Math.min(left.length(), right.length());
                if (shorter > bestShorter) {
                    best = new String[] {left, right};
                    bestShorter = shorter;
                }
            }
        }
        return best;
    }

    /** A listed word of MIN_GLUED_PIECE letters or more, or a legal form of at least legalFormLength letters. */
    private static boolean known(String piece, int legalFormLength, Predicate<String> listed) {
        if (piece.length() >= legalFormLength && LegalForms.ofWord(piece) != null) {
            return true;
        }
        return piece.length() >= Tuning.MIN_GLUED_PIECE && listed.test(piece);
    }

    private static NameTokens build(NameTokens from, List<String> tokens, List<Byte> classes, List<Boolean> joins) {
        byte[] c = new byte[classes.size()];
        boolean[] j = new boolean[joins.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = classes.get(i);
            j[i] = joins.get(i) && i + 1 < c.length;
        }
        return new NameTokens(tokens.toArray(String[]::new), c, j, from.transliterated(), from.abjad());
    }
}
