package io.sanctionsradar.matching.normalize;

import io.sanctionsradar.matching.tuning.Tuning;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a raw name (any script, any punctuation, "SURNAME, Given" or natural order) into {@link NameTokens}.
 * A word mixing scripts is a lookalike spelling and is first folded into one script ({@link Confusables}).
 * Word order is not normalized: the scorer aligns tokens order-independently, and the comma only ends a
 * name part so that joined-word matching does not glue the surname to the given name.
 */
public final class NameNormalizer {

    /** Honorifics and ranks: kept (a name may consist of one) but weighted low; only at the start of a part. */
    private static final Set<String> TITLES = Set.of(
            "mr", "mrs", "ms", "miss", "mister", "dr", "doctor", "prof", "professor", "sir", "madam", "madame",
            "mme", "herr", "frau", "sheikh", "shaikh", "shaykh", "sheik", "haji", "hajji", "alhaj", "alhajj",
            "mullah", "mulla", "maulana", "maulvi", "general", "gen", "colonel", "col", "major", "maj",
            "captain", "capt", "lieutenant", "lt", "admiral", "brigadier", "commander");

    private NameNormalizer() {
    }

    /** Normalizes a name; never null, empty for blank input. */
    public static NameTokens normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return NameTokens.EMPTY;
        }
        String s = Confusables.fold(Normalizer.normalize(raw, Normalizer.Form.NFKC));
        Transliteration.Family family = Transliteration.familyOf(s);
        boolean transliterated = family != Transliteration.Family.LATIN && family != Transliteration.Family.OTHER
                || family == Transliteration.Family.OTHER && hasNonLatinLetter(s);
        if (family != Transliteration.Family.LATIN) {
            s = Transliteration.toLatin(s, family);
        }
        s = foldLatin(s);
        List<List<String>> parts = split(s);
        return classify(parts, transliterated, family == Transliteration.Family.ABJAD);
    }

    /** Normalized tokens joined by single spaces; handy for display and tests. */
    public static String normalizedForm(String raw) {
        return normalize(raw).toString();
    }

    private static boolean hasNonLatinLetter(String s) {
        return s.codePoints().anyMatch(cp -> Character.isLetter(cp)
                && Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN);
    }

    /** Lower-case ASCII: strip diacritics cheaply, fall back to ICU for leftovers (ligatures, rare letters). */
    static String foldLatin(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        boolean ascii = true;
        for (int i = 0; i < lower.length() && ascii; i++) {
            ascii = lower.charAt(i) < 128;
        }
        if (ascii) {
            return lower;
        }
        String d = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(d.length());
        boolean leftover = false;
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (c < 128) {
                b.append(c);
                continue;
            }
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            switch (c) {
                case 'ß' -> b.append("ss");
                case 'æ' -> b.append("ae");
                case 'œ' -> b.append("oe");
                case 'ø' -> b.append('o');
                case 'ł' -> b.append('l');
                case 'đ', 'ð' -> b.append('d');
                case 'þ' -> b.append("th");
                case 'ı' -> b.append('i');
                case 'ħ' -> b.append('h');
                case '’', '‘', 'ʻ', 'ʼ', 'ʿ', 'ʾ', '´', '`' -> b.append('\'');
                case '‐', '‑', '‒', '–', '—', '−' -> b.append('-');
                case '“', '”', '„', '«', '»' -> b.append('"');
                default -> {
                    if (Character.isLetterOrDigit(c)) {
                        leftover = true;
                    }
                    b.append(c);
                }
            }
        }
        String out = b.toString();
        if (leftover) {
            out = Transliteration.toLatin(out, Transliteration.Family.OTHER).toLowerCase(Locale.ROOT);
        }
        return out;
    }

    /** Splits into name parts (comma, semicolon, parentheses, slash) and tokens (space, hyphen, punctuation). */
    private static List<List<String>> split(String s) {
        List<List<String>> parts = new ArrayList<>();
        List<String> part = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean dottedRun = false;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                cur.append(c);
            } else if (c == '\'') {
                // apostrophes are transliteration marks (ayn, hamza) or elisions: join, don't split
            } else if (c == '.' && (cur.length() == 1 || dottedRun) && isDottedInitialNext(s, i)) {
                dottedRun = true; // "U.I." / "S.A." / "L.L.C.": letters separated by dots form one token
                continue;
            } else if (c == '&') {
                flush(cur, part);
                part.add("and");
            } else if (c == ',' || c == ';' || c == '(' || c == ')' || c == '/' || c == '[' || c == ']') {
                flush(cur, part);
                if (!part.isEmpty()) {
                    parts.add(part);
                    part = new ArrayList<>();
                }
            } else {
                flush(cur, part);
            }
            if (!(c < 128 && Character.isLetterOrDigit(c))) {
                dottedRun = false;
            }
        }
        flush(cur, part);
        if (!part.isEmpty()) {
            parts.add(part);
        }
        return parts;
    }

    /** True when s[i] is '.', s[i+1] a letter and s[i+2] a dot or the end of a word. */
    private static boolean isDottedInitialNext(String s, int i) {
        if (i + 1 >= s.length() || !Character.isLetter(s.charAt(i + 1))) {
            return false;
        }
        return i + 2 >= s.length() || !Character.isLetterOrDigit(s.charAt(i + 2));
    }

    private static void flush(StringBuilder cur, List<String> part) {
        if (cur.length() > 0) {
            part.add(cur.toString());
            cur.setLength(0);
        }
    }

    /**
     * A short legal form (AO, SA, CO, AS) is ambiguous with name words; it counts at the start or end of a
     * longer name part, or next to another legal form ("Y CIA LTDA").
     */
    private static boolean shortFormConfirmed(int[] len, int i, int end) {
        if (end == 1) {
            return false;
        }
        if (i == 0 || i + 1 == end) {
            return true;
        }
        if (len[i + 1] > 0) {
            return true;
        }
        for (int k = i - 1; k >= 0; k--) {
            if (len[k] != 0) {
                return len[k] > 0 && k + len[k] == i;
            }
        }
        return false;
    }

    /** A name part's tokens, and the same tokens with legal-form misspellings corrected (phrase detection). */
    private record Part(List<String> words, List<String> corrected) {
    }

    private static NameTokens classify(List<List<String>> rawParts, boolean transliterated, boolean abjad) {
        // "Co., Ltd." / "X, S.A.": a part made only of a legal form belongs to the part before the comma
        List<Part> parts = new ArrayList<>();
        for (List<String> words : rawParts) {
            List<String> corrected = words.stream().map(LegalForms::correct).toList();
            if (!parts.isEmpty() && LegalForms.phraseLength(corrected, 0, corrected.size()) == corrected.size()) {
                Part previous = parts.get(parts.size() - 1);
                List<String> mergedWords = new ArrayList<>(previous.words());
                mergedWords.addAll(words);
                List<String> mergedCorrected = new ArrayList<>(previous.corrected());
                mergedCorrected.addAll(corrected);
                parts.set(parts.size() - 1, new Part(mergedWords, mergedCorrected));
            } else {
                parts.add(new Part(words, corrected));
            }
        }
        List<String> tokens = new ArrayList<>();
        List<Byte> classes = new ArrayList<>();
        List<Integer> partOf = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            List<String> part = parts.get(p).words();
            List<String> corrected = parts.get(p).corrected();
            int end = part.size();
            // phrase length at each start; short one-word forms (AO, SA, AS, CO) need confirmation below
            int[] len = new int[end];
            for (int i = 0; i < end; ) {
                len[i] = LegalForms.phraseLength(corrected, i, end);
                i += Math.max(1, len[i]);
            }
            for (int i = 0; i < end; i += Math.max(1, len[i])) {
                if (len[i] == 1 && corrected.get(i).length() <= Tuning.SHORT_LEGAL_FORM_LENGTH
                        && !shortFormConfirmed(len, i, end)) {
                    len[i] = -1;
                }
            }
            for (int i = 0; i < end; ) {
                if (len[i] > 0) {
                    tokens.add(LegalForms.canonical(corrected, i, len[i]));
                    classes.add(NameTokens.LEGAL_FORM);
                    i += len[i];
                } else {
                    String t = part.get(i);
                    classes.add(i == 0 && end > 1 && TITLES.contains(t) ? NameTokens.TITLE : NameTokens.WORD);
                    tokens.add(t);
                    i++;
                }
                partOf.add(p);
            }
        }
        int n = Math.min(tokens.size(), NameTokens.MAX_TOKENS);
        String[] t = tokens.subList(0, n).toArray(new String[0]);
        byte[] c = new byte[n];
        boolean[] j = new boolean[n];
        for (int k = 0; k < n; k++) {
            c[k] = classes.get(k);
        }
        for (int k = 0; k + 1 < n; k++) {
            j[k] = c[k] == NameTokens.WORD && c[k + 1] == NameTokens.WORD && partOf.get(k).equals(partOf.get(k + 1));
        }
        return new NameTokens(t, c, j, transliterated, abjad);
    }
}
