package io.sanctionsradar.matching.normalize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Consonant skeleton of a token romanized from a script that omits short vowels (Arabic, Persian, Urdu, Hebrew),
 * and the vowel slack that goes with it. Romanizations of one Arabic word disagree on vowels and on letters, so the
 * key keeps consonants only, each as its class (a doubled one once): q/k/g/c (ق ك and Egyptian ج), h/kh/x (ح خ ه), s/sh/ch/th (س ش ص ث),
 * d/dh/z/zh (د ذ ض ظ ز), j/dj/dz, and w/y go with the vowels (و ی); the article inside a compound is written one way (Abd al-Rahman, Abdulrahman,
 * Abdel Rahman, Abdurrahman; Salah al-Din, Salaheddine), and a final ta marbuta "-ah" as "-a". The key only blocks
 * candidates: {@link #vowelsAgree} then checks that every vowel the abjad side writes (a long vowel, which Arabic
 * does write) has one in the Latin spelling at the same place, so "ahmd" (أحمد) does not meet "Hamza".
 */
public final class ConsonantSkeleton {

    /** abd + (al|el|ul|l) or abd + vowel + doubled sun letter (Abdurrahman): the article of an Abd- compound. */
    private static final Pattern ABD_COMPOUND = Pattern.compile("^abd(?:[aeiou]{1,2}l|[aeiou]{1,2}(?=([^aeiouyw])\\1))(.+)$");
    /** …uddin / …eddine / …aldin: the article before "din" at the end of a compound. */
    private static final Pattern DIN_COMPOUND = Pattern.compile("^(.*[^aeiou])[aeiou]{1,2}l?dd?(?:in|een|ine|yn)$");

    private ConsonantSkeleton() {
    }

    /** Class skeleton of a lower-case ASCII token: consonant classes, doubled ones once, vowels and w/y dropped. */
    public static String key(String token) {
        return key(token, true);
    }

    /**
     * The skeleton with every h read as a letter of its own, or null when that is the {@link #key}: an Arabic-script
     * rendering writes ت+ح as "th" (الاتحاد "athad"), which lists write with a vowel between (Itihaad).
     */
    public static String literalKey(String token) {
        String literal = token.indexOf('h') > 0 ? key(token, false) : null;
        return literal == null || literal.equals(key(token, true)) ? null : literal;
    }

    private static String key(String token, boolean digraphs) {
        String s = canonical(token);
        StringBuilder b = new StringBuilder(s.length());
        boolean vowel = false;
        for (int i = 0; i < s.length(); i++) {
            char c = classAt(s, i, digraphs);
            if (c == 0) {
                vowel = true;
                continue;
            }
            i += digraphs && digraph(s, i) ? 1 : 0;
            if (vowel || b.length() == 0 || b.charAt(b.length() - 1) != c) {
                b.append(c); // a doubled consonant is one Arabic letter (shadda); one repeated after a vowel is two
            }
            vowel = false;
        }
        return b.toString();
    }

    /**
     * Whether each gap between consonants (and before the first, after the last) where the abjad rendering writes a
     * vowel holds a vowel (or w/y) in the Latin one too; the Latin one may add vowels anywhere (Arabic leaves short
     * vowels out). Both tokens must have the same {@link #key}.
     */
    public static boolean vowelsAgree(String abjad, String latin) {
        return vowelsAgree(abjad, latin, true);
    }

    /** {@link #vowelsAgree} with the abjad side read as its {@link #literalKey} (or not). */
    public static boolean vowelsAgree(String abjad, String latin, boolean abjadDigraphs) {
        long a = vowelGaps(canonical(abjad), abjadDigraphs);
        long l = vowelGaps(canonical(latin), true);
        return (a & ~l) == 0;
    }

    /** Bit i set when a vowel precedes the i-th consonant class of the key (bit n: after the last); 63 at most. */
    private static long vowelGaps(String s, boolean digraphs) {
        long gaps = 0;
        int gap = 0;
        char last = 0;
        boolean vowel = false;
        for (int i = 0; i < s.length() && gap < 63; i++) {
            char c = classAt(s, i, digraphs);
            if (c == 0) {
                vowel |= Character.isLetter(s.charAt(i));
                continue;
            }
            i += digraphs && digraph(s, i) ? 1 : 0;
            if (c == last && !vowel) {
                continue; // a doubled consonant is one in the key
            }
            gaps |= vowel ? 1L << gap : 0;
            gap++;
            last = c;
            vowel = false;
        }
        return vowel ? gaps | 1L << gap : gaps;
    }

    /** The article of a compound written one way, and a final "-ah"/"-eh" (ta marbuta, ه) as a vowel. */
    private static String canonical(String token) {
        String s = token;
        if (s.startsWith("abd")) { // tested first: every token of every name comes here
            Matcher abd = ABD_COMPOUND.matcher(s);
            if (abd.matches()) {
                s = "abdal" + abd.group(2);
            }
        }
        if (s.indexOf('d') >= 0 && (s.endsWith("n") || s.endsWith("ne"))) {
            Matcher din = DIN_COMPOUND.matcher(s);
            if (din.matches()) {
                s = din.group(1) + "aldin";
            }
        }
        int n = s.length();
        if (n > 3 && s.charAt(n - 1) == 'h' && "aeiou".indexOf(s.charAt(n - 2)) >= 0) {
            s = s.substring(0, n - 1);
        }
        return s;
    }

    private static boolean digraph(String s, int i) {
        if (i + 1 >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        char d = s.charAt(i + 1);
        return d == 'h' && "ksctdzgp".indexOf(c) >= 0 || c == 'd' && (d == 'j' || d == 'z') || c == 'c' && d == 'k';
    }

    /** Consonant class at i (a digraph counts as its class), or 0 for a vowel, w, y or a non-letter. */
    private static char classAt(String s, int i, boolean digraphs) {
        char c = s.charAt(i);
        if (digraphs && digraph(s, i)) {
            char d = s.charAt(i + 1);
            return switch (c) {
                case 'k', 'g', 'c' -> d == 'k' ? 'k' : c == 'k' ? 'h' : c == 'g' ? 'k' : 's'; // kh, gh, ch, ck
                case 's', 't' -> 's'; // sh, th
                case 'd' -> d == 'h' ? 'd' : 'j'; // dh, dj, dz
                case 'z' -> 'd'; // zh
                case 'p' -> 'f'; // ph
                default -> c;
            };
        }
        return switch (c) {
            case 'a', 'e', 'i', 'o', 'u', 'y', 'w' -> 0;
            case 'v', 'p' -> 'f'; // Hebrew פ is p or f; Arabic has no p and writes it ف or ب
            case 'q', 'k', 'g', 'c' -> 'k';
            case 'x' -> 'h';
            case 'z' -> 'd';
            default -> c >= 'a' && c <= 'z' ? c : 0;
        };
    }
}
