package io.sanctionsradar.matching.normalize;

import java.util.Map;

/**
 * Romanizes names written in Arabic script (Arabic, Persian, Urdu letters) the way sanctions lists spell them, for
 * matching rather than for reading: consonants as the common English-style romanization writes them (ث th, خ kh,
 * ذ dh, ش sh, غ gh, ق q), long vowels as vowels (ا a, و u, ي i between consonants), ة and ى as "a", the article
 * "ال" as a word of its own ("al"), عبد and ابو joined to the next word split from it, and بن/ابن/بنت as the particles
 * "bin"/"ibn"/"bint". Short vowels are not written in Arabic, so none are invented: the consonant skeleton
 * ({@link ConsonantSkeleton}) bridges the gap. ICU's Arabic-Latin gives "tarq zyz" for طارق عزيز; this gives
 * "tarq aziz" ("Tariq Aziz" on the lists).
 */
final class ArabicScript {

    private static final Map<Character, String> CONSONANTS = Map.ofEntries(
            Map.entry('ب', "b"), Map.entry('ت', "t"), Map.entry('ث', "th"), Map.entry('ج', "j"),
            Map.entry('ح', "h"), Map.entry('خ', "kh"), Map.entry('د', "d"), Map.entry('ذ', "dh"),
            Map.entry('ر', "r"), Map.entry('ز', "z"), Map.entry('س', "s"), Map.entry('ش', "sh"),
            Map.entry('ص', "s"), Map.entry('ض', "d"), Map.entry('ط', "t"), Map.entry('ظ', "z"),
            Map.entry('غ', "gh"), Map.entry('ف', "f"), Map.entry('ق', "q"), Map.entry('ك', "k"),
            Map.entry('ل', "l"), Map.entry('م', "m"), Map.entry('ن', "n"), Map.entry('ه', "h"),
            // Persian and Urdu letters
            Map.entry('پ', "p"), Map.entry('چ', "ch"), Map.entry('ژ', "zh"), Map.entry('گ', "g"),
            Map.entry('ک', "k"), Map.entry('ٹ', "t"), Map.entry('ڈ', "d"), Map.entry('ڑ', "r"),
            Map.entry('ں', "n"), Map.entry('ھ', "h"), Map.entry('ہ', "h"),
            // Pashto letters (Taliban names on the UN list)
            Map.entry('ځ', "z"), Map.entry('څ', "s"), Map.entry('ږ', "zh"), Map.entry('ښ', "sh"), Map.entry('ړ', "r"),
            Map.entry('ټ', "t"), Map.entry('ډ', "d"), Map.entry('ڼ', "n"));

    /** Alif and its hamza forms, ta marbuta, alif maqsura, Urdu bari ye, Pashto ye forms: always vowels. */
    private static final Map<Character, String> VOWELS = Map.ofEntries(
            Map.entry('ا', "a"), Map.entry('أ', "a"), Map.entry('آ', "a"), Map.entry('ٱ', "a"), Map.entry('إ', "i"),
            Map.entry('ة', "a"), Map.entry('ۃ', "a"), Map.entry('ۀ', "a"), Map.entry('ى', "a"), Map.entry('ے', "e"),
            Map.entry('ې', "e"), Map.entry('ۍ', "ai"));

    private ArabicScript() {
    }

    /** True when the text holds a letter of the Arabic block (so this romanizer, not ICU's, applies). */
    static boolean isArabic(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x0600 && c <= 0x06FF && Character.isLetter(c)) {
                return true;
            }
        }
        return false;
    }

    /** Latin rendering; letters outside Arabic script and non-letters are kept as they are. */
    static String romanize(String text) {
        StringBuilder out = new StringBuilder(text.length() * 2);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isArabicLetter(c)) {
                word.append(c);
            } else if (c == 'ـ' || c >= 0x064B && c <= 0x0652 || c == 0x0670) {
                // tatweel (elongation) and harakat: short vowels are written too rarely to rely on
            } else {
                appendWord(out, word);
                out.append(c == '،' ? ',' : c);
            }
        }
        appendWord(out, word);
        return out.toString();
    }

    private static boolean isArabicLetter(char c) {
        return c >= 0x0621 && c <= 0x064A || c >= 0x0671 && c <= 0x06D3;
    }

    /** One word: particles, the article and عبد compounds split off, then letter by letter. */
    private static void appendWord(StringBuilder out, StringBuilder word) {
        if (word.length() == 0) {
            return;
        }
        // one form of ya, kaf and heh (Arabic and Persian/Urdu code points differ)
        String w = word.toString().replace('ي', 'ی').replace('ك', 'ک').replace('ہ', 'ه');
        word.setLength(0);
        switch (w) {
            case "بن" -> out.append("bin");
            case "ابن" -> out.append("ibn");
            case "بنت" -> out.append("bint");
            case "الله" -> out.append("allah");
            default -> {
                if (w.startsWith("عبد") && w.length() > 4) {
                    out.append("abd ");
                    w = w.substring(3);
                } else if ((w.startsWith("ابو") || w.startsWith("أبو")) && w.length() > 4) {
                    out.append("abu ");
                    w = w.substring(3);
                }
                if (w.startsWith("ال") && w.length() >= 4) {
                    out.append("al ");
                    w = w.substring(2);
                }
                out.append(w.equals("له") || w.equals("لله") ? "lah" : letters(w));
            }
        }
    }

    /** Letters of a word without particles: و and ی are vowels between consonants and at the end, else w and y. */
    private static String letters(String w) {
        StringBuilder b = new StringBuilder(w.length() * 2);
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            boolean first = i == 0;
            boolean last = i == w.length() - 1;
            String v = VOWELS.get(c);
            String k = CONSONANTS.get(c);
            if (v != null) {
                b.append(v);
            } else if (k != null) {
                b.append(c == 'ه' && last && i > 0 && !isLongVowel(w.charAt(i - 1)) ? "ah" : k); // ه at the end: -ah
            } else if (c == 'و') {
                b.append(first || nextIsVowel(w, i) ? "w" : "u");
            } else if (c == 'ی' || c == 'ئ') {
                b.append(first || nextIsVowel(w, i) ? "y" : "i");
            } else if (c == 'ع') {
                // ayn is written ' or a vowel or nothing; at a word's start before a consonant it carries one
                b.append(first && !nextIsVowel(w, i) && i + 1 < w.length() ? "a" : "");
            } else if (c == 'ؤ') {
                b.append('u');
            } // hamza alone (ء) is not written by the lists
        }
        return b.toString();
    }

    private static boolean isLongVowel(char c) {
        return c == 'ا' || c == 'و' || c == 'ی';
    }

    private static boolean nextIsVowel(String w, int i) {
        return i + 1 < w.length() && (VOWELS.containsKey(w.charAt(i + 1)) || w.charAt(i + 1) == 'و' && i + 2 < w.length());
    }
}
