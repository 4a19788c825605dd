package io.sanctionsradar.matching.normalize;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Transliterator;
import java.util.EnumMap;
import java.util.Map;

/**
 * Converts non-Latin names to ASCII Latin with ICU4J.
 *
 * <p>Transliterator instances are expensive to build (about a millisecond each) and, although ICU documents
 * them as stateless, compound rule-based ones synchronize internally; so each call takes one of its own from a
 * {@link Reusable} set per family, bounded by the number of calls ever running at once.
 */
public final class Transliteration {

    /** Script families that need a distinct ICU pipeline. */
    enum Family {
        LATIN, CYRILLIC, GREEK, HANGUL, ABJAD, OTHER,
        /** Cyrillic with Ukrainian or Belarusian letters (і ї є ґ ў): chosen by {@link #toLatin}, never by familyOf. */
        CYRILLIC_UK_BE
    }

    private static final String TO_ASCII = "; Any-Latin; Latin-ASCII";
    private static final Map<Family, String> PIPELINES = new EnumMap<>(Map.of(
            // BGN/PCGN is the romanization the US, UK and UN lists use for Russian names (Yevgeniy, Shoygu)
            Family.CYRILLIC, "Russian-Latin/BGN" + TO_ASCII,
            // lists write Ukrainians in Ukraine's romanization (Oleksandr Hryhorovych), close to BGN's; for Belarusian
            // names ICU's Belarusian BGN (Syarhyey Yawhyenavich) is further from the lists (Siarhei Yaugenavich)
            // than the Ukrainian one (Syarhey Yauhenavich)
            Family.CYRILLIC_UK_BE, "Ukrainian-Latin/BGN" + TO_ASCII,
            Family.GREEK, "Greek-Latin/UNGEGN" + TO_ASCII,
            Family.HANGUL, "Any-Latin; Latin-ASCII",
            Family.ABJAD, "Any-Latin; Latin-ASCII",
            Family.OTHER, "Any-Latin; Latin-ASCII"));

    private static final Map<Family, Reusable<Transliterator>> CACHE = new EnumMap<>(Family.class);

    static {
        PIPELINES.forEach((family, rules) -> CACHE.put(family, new Reusable<>(() -> Transliterator.getInstance(rules))));
    }

    private Transliteration() {
    }

    /** Dominant non-Latin script family of the text, LATIN if it has only Latin/common characters. */
    static Family familyOf(String text) {
        Family found = Family.LATIN;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x250 || !Character.isLetter(cp)) {
                continue; // ASCII, Latin-1 and Latin Extended letters are handled without ICU
            }
            int script = UScript.getScript(cp);
            Family f = switch (script) {
                case UScript.LATIN -> Family.LATIN;
                case UScript.CYRILLIC -> Family.CYRILLIC;
                case UScript.GREEK -> Family.GREEK;
                case UScript.HANGUL -> Family.HANGUL;
                case UScript.ARABIC, UScript.HEBREW, UScript.SYRIAC, UScript.THAANA -> Family.ABJAD;
                default -> Family.OTHER;
            };
            if (f != Family.LATIN) {
                return f;
            }
            found = Family.OTHER; // Latin letter outside the fast path (e.g. IPA-like, Vietnamese extended): needs ICU
        }
        return found;
    }

    /** ASCII Latin rendering of text written in the given family (not LATIN). */
    static String toLatin(String text, Family family) {
        String input = family == Family.HANGUL ? romanizeHangulSyllables(text) : text;
        String korean = family == Family.OTHER ? KoreanHanja.reading(input) : null;
        if (korean != null) {
            return korean; // 金正恩: Kim Jong Un, not Jin Zheng'en
        }
        if (family == Family.OTHER) {
            input = HanCompanyWords.translate(input);
        }
        if (family == Family.ABJAD && ArabicScript.isArabic(input)) {
            input = ArabicScript.romanize(input); // ICU writes no vowels at all: "tarq zyz" for Tariq Aziz
            if (isAscii(input)) {
                return input;
            }
        }
        Family pipeline = family == Family.CYRILLIC && ukrainianOrBelarusian(input) ? Family.CYRILLIC_UK_BE : family;
        if (pipeline == Family.CYRILLIC_UK_BE) {
            input = input.replaceAll("[’'ʼ`]", ""); // the apostrophe (Юр’евіч): ICU's ʺ for it would split the word
        }
        Reusable<Transliterator> cache = CACHE.get(pipeline);
        Transliterator t = cache.take();
        String latin = t.transliterate(input);
        cache.give(t);
        // BGN marks letters that must not be read as a digraph with a middle dot (Бэч "B·ech"): one word
        return pipeline == Family.CYRILLIC ? latin.replace("\u00b7", "") : latin;
    }

    private static boolean ukrainianOrBelarusian(String s) {
        for (int i = 0; i < s.length(); i++) {
            switch (s.charAt(i)) {
                case 'і', 'І', 'ї', 'Ї', 'є', 'Є', 'ґ', 'Ґ', 'ў', 'Ў' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    // Syllables are romanized the way sanctions lists spell Korean names (McCune-Reischauer without
    // breves or apostrophes, each syllable standing alone: "KIM Jong Un", "CHOE Ryong Hae"); ICU's
    // Hangul-Latin gives Revised-Romanization-like "gim jeong eun" / "choe lyong hae", which lists rarely use.
    private static final String[] INITIALS = {"k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j",
            "jj", "ch", "kh", "th", "ph", "h"};
    private static final String[] VOWELS = {"a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe",
            "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i"};
    private static final String[] FINALS = {"", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l",
            "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"};

    /**
     * Korean names are written without spaces; romanizations split them by syllable ("Kim Jong Un"), so every
     * precomposed syllable becomes its own word; anything else (loose jamo) is left to ICU.
     */
    static String romanizeHangulSyllables(String text) {
        StringBuilder b = new StringBuilder(text.length() * 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0xAC00 && c <= 0xD7A3) {
                int s = c - 0xAC00;
                if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
                    b.append(' ');
                }
                b.append(INITIALS[s / (21 * 28)]).append(VOWELS[s / 28 % 21]).append(FINALS[s % 28]).append(' ');
            } else {
                b.append(c);
            }
        }
        return b.toString().strip();
    }
}
