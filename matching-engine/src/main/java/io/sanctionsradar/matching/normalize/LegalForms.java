package io.sanctionsradar.matching.normalize;

import io.sanctionsradar.matching.score.EditDistance;
import io.sanctionsradar.matching.tuning.Tuning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Company legal-form phrases ("Co., Ltd.", "Limited Liability Company", "OOO", "S.A. de C.V."...) recognised
 * after tokenization and replaced by one canonical token of class LEGAL_FORM, which the scorer weights low.
 */
public final class LegalForms {

    /** canonical form -> phrases (already in normalized token form, space separated) */
    private static final String[][] TABLE = {
            {"ltd", "ltd", "limited", "ltda", "limitada", "co ltd", "company limited", "co limited", "cia ltda", "pte ltd",
                    "pvt ltd", "private limited", "pty ltd", "sdn bhd", "bhd", "berhad", "pte", "pty", "pvt"},
            {"llc", "llc", "limited liability company", "limited liability co", "liability company", "limited liability",
                    "ooo", "tov", "too",
                    "obshchestvo|obshestvo s ogranichennoy|ogranichennoi|ogranichennoj otvetstvennostyu|otvetstvennostiu|otvetstvennostju",
                    "sp z oo", "spolka z ograniczona odpowiedzialnoscia",
                    "doo", "d oo", "sro", "kft", "fz llc", "fzllc"},
            {"jsc", "jsc", "ojsc", "cjsc", "pjsc", "ao", "oao", "zao", "pao", "jsco", "joint stock company",
                    "joint stock co", "joint stock", "stock company", "public joint stock", "public stock company",
                    "open joint stock company", "closed joint stock company", "public joint stock company",
                    "aktsionernoe|aktsionernoye obshchestvo", "otkrytoe|otkrytoye aktsionernoe|aktsionernoye obshchestvo",
                    "zakrytoe|zakrytoye aktsionernoe|aktsionernoye obshchestvo",
                    "publichnoe|publichnoye aktsionernoe|aktsionernoye obshchestvo", "ad", "zrt", "nyrt"},
            {"co", "co", "company", "cia", "compania", "compagnie", "companhia"},
            {"inc", "inc", "incorporated"},
            {"corp", "corp", "corporation"},
            {"plc", "plc", "public limited company"},
            {"llp", "llp", "limited liability partnership", "lp", "limited partnership"},
            {"gmbh", "gmbh", "gesellschaft mit beschrankter haftung", "mbh"},
            {"ag", "ag", "aktiengesellschaft"},
            {"kg", "kg", "co kg", "kommanditgesellschaft"},
            {"sa", "sa", "sociedad anonima", "societe anonyme", "sa de cv", "sab de cv", "sapi de cv", "sas",
                    "saa", "sac", "sae", "sal", "saic", "saci", "spa", "sarl", "srl", "sl", "eirl", "eurl", "sociedad limitada",
                    "s de rl", "s de rl de cv", "de cv", "nv", "bv", "oy", "ab", "as", "asa", "aps", "se"},
            {"fze", "fze", "fzco", "fzc", "fz co", "fze llc"},
            {"wll", "wll", "est"},
    };

    private static final Map<String, List<String[]>> BY_FIRST_TOKEN = new HashMap<>();
    /** Legal-form words long enough that a one-letter typo in them is still recognisable ("Comoany"). */
    private static final List<String> LONG_WORDS = new ArrayList<>();
    private static final Map<String, String> CANONICAL_OF_PHRASE = new HashMap<>();

    static {
        for (String[] row : TABLE) {
            List<String> expanded = new ArrayList<>();
            for (int i = 1; i < row.length; i++) {
                expand(row[i].split(" "), 0, "", expanded);
            }
            for (String text : expanded) {
                String[] phrase = text.split(" ");
                BY_FIRST_TOKEN.computeIfAbsent(phrase[0], k -> new ArrayList<>()).add(phrase);
                CANONICAL_OF_PHRASE.put(text, row[0]);
                for (String w : phrase) {
                    if (w.length() >= Tuning.LEGAL_FORM_TYPO_TARGET_LENGTH && !LONG_WORDS.contains(w)) {
                        LONG_WORDS.add(w);
                    }
                }
            }
        }
        // longest phrase first so "co ltd" wins over "co"
        BY_FIRST_TOKEN.values().forEach(l -> l.sort((a, b) -> b.length - a.length));
    }

    private LegalForms() {
    }

    /** "a|b c" -> "a c", "b c": romanization alternatives of one phrase word. */
    private static void expand(String[] words, int i, String prefix, List<String> out) {
        if (i == words.length) {
            out.add(prefix);
            return;
        }
        for (String alt : words[i].split("\\|")) {
            expand(words, i + 1, prefix.isEmpty() ? alt : prefix + " " + alt, out);
        }
    }

    /**
     * The legal-form word this token is a one-edit misspelling of, or the token itself. Only used to detect
     * phrases; words outside a legal-form phrase keep their spelling.
     */
    static String correct(String token) {
        if (token.length() < Tuning.LEGAL_FORM_TYPO_MIN_LENGTH || BY_FIRST_TOKEN.containsKey(token)) {
            return token;
        }
        for (String w : LONG_WORDS) {
            if (Math.abs(w.length() - token.length()) <= 1 && (w.charAt(0) == token.charAt(0) || w.charAt(1) == token.charAt(1))
                    && EditDistance.damerauLevenshtein(token, w, 1) <= 1) {
                return w;
            }
        }
        return token;
    }

    /**
     * Length (in tokens) of the legal-form phrase starting at {@code start} within [start, end), 0 if none.
     */
    static int phraseLength(List<String> tokens, int start, int end) {
        List<String[]> phrases = BY_FIRST_TOKEN.get(tokens.get(start));
        if (phrases == null) {
            return 0;
        }
        outer:
        for (String[] p : phrases) {
            if (start + p.length > end) {
                continue;
            }
            for (int k = 1; k < p.length; k++) {
                if (!p[k].equals(tokens.get(start + k))) {
                    continue outer;
                }
            }
            return p.length;
        }
        return 0;
    }

    static String canonical(List<String> tokens, int start, int length) {
        return CANONICAL_OF_PHRASE.get(String.join(" ", tokens.subList(start, start + length)));
    }

    /** The canonical legal form a single word stands for ("company" → its canonical token), null if none. */
    static String ofWord(String word) {
        List<String> one = List.of(word);
        return phraseLength(one, 0, 1) == 1 ? canonical(one, 0, 1) : null;
    }
}
