package io.sanctionsradar.matching.normalize;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.UnicodeSet;
import com.ibm.icu.text.UnicodeSetIterator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Undoes lookalike spellings: a word that mixes scripts ("Ѕense" with a Cyrillic Ѕ, "Hіkvision" with a Cyrillic і) is
 * rewritten in its dominant script, the one most of its letters are written in or look like, each letter of another
 * script replaced by the letter of that script it is confusable with (Unicode TR39 skeletons, ICU's SpoofChecker).
 * A word in one script is left as it is: a whole TR39 skeleton is too aggressive for names ("rn" is "m"), and genuine
 * Cyrillic or Greek goes through transliteration.
 */
public final class Confusables {

    private static final SpoofChecker SKELETONS = new SpoofChecker.Builder().build();
    /** Per script, the letters of its main block by their skeleton: {lower-case letter, upper-case letter}, -1 if none. */
    private static final Map<Integer, Map<String, int[]>> LETTERS = new ConcurrentHashMap<>();

    private Confusables() {
    }

    /** The text with every mixed-script word folded into its dominant script; the same instance if there is none. */
    static String fold(String text) {
        if (belowGreek(text)) {
            return text; // Latin and Latin Extended only: one script, nothing to fold
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean changed = false;
        for (int i = 0; i < text.length(); ) {
            int end = wordEnd(text, i);
            if (end == i) {
                out.append(text.charAt(i++));
                continue;
            }
            String word = text.substring(i, end);
            String folded = foldWord(word);
            changed |= folded != word;
            out.append(folded);
            i = end;
        }
        return changed ? out.toString() : text;
    }

    private static boolean belowGreek(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x370) {
                return false;
            }
        }
        return true;
    }

    /** A word runs over letters, marks and digits: an evader may hide a lookalike anywhere inside one. */
    private static int wordEnd(String text, int from) {
        int i = from;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!UCharacter.isLetterOrDigit(cp) && UCharacter.getType(cp) != UCharacter.NON_SPACING_MARK) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    private static String foldWord(String word) {
        Map<Integer, Integer> written = new HashMap<>();
        word.codePoints().filter(UCharacter::isLetter).map(Confusables::script)
                .filter(s -> s != UScript.COMMON && s != UScript.INHERITED)
                .forEach(s -> written.merge(s, 1, Integer::sum));
        if (written.size() < 2) {
            return word;
        }
        int target = -1;
        long bestRead = -1;
        for (int candidate : written.keySet()) {
            long read = word.codePoints().filter(cp -> UCharacter.isLetter(cp)
                    && (script(cp) == candidate || lookalike(cp, candidate) >= 0)).count();
            // a tie goes to the script more letters are written in
            if (read > bestRead || read == bestRead && written.get(candidate) > written.get(target)) {
                target = candidate;
                bestRead = read;
            }
        }
        StringBuilder b = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            int folded = UCharacter.isLetter(cp) && script(cp) != target ? lookalike(cp, target) : -1;
            b.appendCodePoint(folded >= 0 ? folded : cp);
        }
        return b.toString();
    }

    /** The script of a letter; Japanese and Korean mix Han with their syllabaries in one word, so those count as Han. */
    private static int script(int cp) {
        int script = UScript.getScript(cp);
        return switch (script) {
            case UScript.HIRAGANA, UScript.KATAKANA, UScript.KATAKANA_OR_HIRAGANA, UScript.HANGUL, UScript.BOPOMOFO -> UScript.HAN;
            default -> script;
        };
    }

    /**
     * The letter of the script's main block that looks like this one, in this one's case, or -1. The other case is tried
     * too: TR39 maps a lower-case Cyrillic "к" or "н" to a small capital, while "К" and "Н" are plain K and H.
     */
    static int lookalike(int cp, int script) {
        Map<String, int[]> letters = LETTERS.computeIfAbsent(script, Confusables::lettersOf);
        int otherCase = UCharacter.isUpperCase(cp) ? UCharacter.toLowerCase(cp) : UCharacter.toUpperCase(cp);
        for (int form : new int[]{cp, otherCase}) {
            int[] same = letters.get(SKELETONS.getSkeleton(new String(Character.toChars(form))));
            if (same != null) {
                int upper = UCharacter.isUpperCase(form) ? 1 : 0;
                int letter = same[upper] >= 0 ? same[upper] : same[1 - upper];
                return UCharacter.isUpperCase(cp) ? UCharacter.toUpperCase(letter) : UCharacter.toLowerCase(letter);
            }
        }
        return -1;
    }

    /** The letters of the script's main block (Basic Latin, Cyrillic, Greek and Coptic …) by skeleton, lowest first. */
    private static Map<String, int[]> lettersOf(int script) {
        int block = UCharacter.getIntPropertyValue(UScript.getSampleString(script).codePointAt(0), UProperty.BLOCK);
        UnicodeSet set = new UnicodeSet().applyIntPropertyValue(UProperty.BLOCK, block)
                .retainAll(new UnicodeSet().applyIntPropertyValue(UProperty.SCRIPT, script));
        Map<String, int[]> letters = new HashMap<>();
        for (UnicodeSetIterator it = new UnicodeSetIterator(set); it.next(); ) {
            int cp = it.codepoint;
            if (UCharacter.isLetter(cp)) {
                int[] same = letters.computeIfAbsent(SKELETONS.getSkeleton(new String(Character.toChars(cp))),
                        k -> new int[]{-1, -1});
                int upper = UCharacter.isUpperCase(cp) ? 1 : 0;
                if (same[upper] < 0) {
                    same[upper] = cp;
                }
            }
        }
        return letters;
    }
}
