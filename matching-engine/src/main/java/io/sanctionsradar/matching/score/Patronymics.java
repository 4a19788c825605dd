package io.sanctionsradar.matching.score;

import io.sanctionsradar.matching.EntryName;
import io.sanctionsradar.matching.index.EntryRecord;
import io.sanctionsradar.matching.normalize.NameNormalizer;
import io.sanctionsradar.matching.normalize.NameTokens;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * East Slavic patronymics ("Ivanovich", "Petrovna", "Ivanovych"). When the query's patronymic is left unmatched and
 * the entry's names carry patronymics of their own, none like it, they name two people: a son of Gennady is not the
 * listed son of Anatoly, even through the listed alias that omits the patronymic ("MEDVEDEV, Dmitry").
 */
final class Patronymics {

    private static final String[] ENDINGS = {"ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna", "ichna"};
    private static final int MIN_LENGTH = 7;
    /** Romanizations of one patronymic differ by a letter or two (Anatolyevich / Anatolievich / Anatol'evich). */
    private static final int SAME_PATRONYMIC_EDITS = 2;
    private static final String[] NONE = new String[0];

    private Patronymics() {
    }

    static boolean is(String token) {
        if (token.length() < MIN_LENGTH) {
            return false;
        }
        for (String ending : ENDINGS) {
            if (token.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    /** True when an unmatched query patronymic is unlike every patronymic the entry's names carry (and it has one). */
    static boolean contradict(NameTokens query, float[] qSim, int n, EntryRecord entry) {
        for (int i = 0; i < n; i++) {
            String token = query.tokens()[i];
            if (qSim[i] == 0f && is(token)) {
                String[] listed = of(entry);
                return listed.length > 0 && !like(token, listed);
            }
        }
        return false;
    }

    private static boolean like(String patronymic, String[] listed) {
        for (String p : listed) {
            if (EditDistance.damerauLevenshtein(patronymic, p, SAME_PATRONYMIC_EDITS) <= SAME_PATRONYMIC_EDITS) {
                return true;
            }
        }
        return false;
    }

    /** The entry's patronymics, normalized once per entry and kept on it. */
    private static String[] of(EntryRecord entry) {
        String[] known = entry.patronymics;
        if (known == null) {
            Set<String> found = new LinkedHashSet<>();
            for (EntryName name : entry.entry.names()) {
                for (String token : NameNormalizer.normalize(name.name()).tokens()) {
                    if (is(token)) {
                        found.add(token);
                    }
                }
            }
            known = found.isEmpty() ? NONE : found.toArray(String[]::new);
            entry.patronymics = known;
        }
        return known;
    }
}
