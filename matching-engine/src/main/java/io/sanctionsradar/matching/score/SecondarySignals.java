package io.sanctionsradar.matching.score;

import io.sanctionsradar.matching.Explanation.Adjustment;
import io.sanctionsradar.matching.Identifier;
import io.sanctionsradar.matching.NameKind;
import io.sanctionsradar.matching.Query;
import io.sanctionsradar.matching.SubjectType;
import io.sanctionsradar.matching.WatchlistEntry;
import io.sanctionsradar.matching.retrieve.QueryPlan;
import io.sanctionsradar.matching.tuning.Tuning;

import java.util.ArrayList;
import java.util.List;

/**
 * Non-name evidence, applied as small additive adjustments to the name score. They are deliberately
 * smaller than the gap between a good and a bad name match: lists carry wrong or approximate birth dates and
 * several nationalities, so these signals re-rank and tip borderline cases, they never create a match.
 */
public final class SecondarySignals {

    /** What a match through a name of this kind has added to its score (a weak alias: a negative amount). */
    public static double nameKindAdjustment(NameKind kind) {
        return kind == NameKind.WEAK ? Tuning.WEAK_ALIAS : 0;
    }

    private SecondarySignals() {
    }

    /**
     * Largest sum of positive adjustments this query can earn on any entry (birth date and country are the
     * only bonuses, and only when the query has them): candidates are pruned with it.
     */
    public static double maxBonus(Query q) {
        return (hasBirthDate(q) ? Tuning.BIRTH_DATE_EXACT : 0) + (hasCountry(q) ? Tuning.COUNTRY_MATCH : 0);
    }

    private static boolean hasBirthDate(Query q) {
        return q.birthDate() != null && !q.birthDate().isBlank();
    }

    private static boolean hasCountry(Query q) {
        return q.country() != null && !q.country().isBlank();
    }

    public static List<Adjustment> adjustments(QueryPlan plan, WatchlistEntry entry, NameKind kind) {
        List<Adjustment> out = new ArrayList<>(2);
        Query q = plan.query;
        if (hasBirthDate(q) && !entry.birthDates().isEmpty()) {
            Adjustment a = birthDate(q.birthDate().trim(), entry.birthDates());
            if (a != null) {
                out.add(a);
            }
        }
        if (hasCountry(q) && !entry.countries().isEmpty()) {
            String c = q.country().trim().toUpperCase(java.util.Locale.ROOT);
            out.add(entry.countries().contains(c)
                    ? new Adjustment("country", Tuning.COUNTRY_MATCH, "query country " + c + " is linked to the entry")
                    : new Adjustment("country", Tuning.COUNTRY_MISMATCH, "query country " + c + " not among " + entry.countries()));
        }
        if (q.type() == null && plan.hasLegalForm && entry.type() == SubjectType.PERSON) {
            out.add(new Adjustment("type", Tuning.LEGAL_FORM_ON_PERSON, "query has a company legal form, entry is a person"));
        }
        if (kind == NameKind.WEAK) {
            out.add(new Adjustment("nameKind", Tuning.WEAK_ALIAS, "matched a weak alias"));
        }
        Adjustment contradiction = identifierContradiction(q.identifiers(), entry.identifiers());
        if (contradiction != null) {
            out.add(contradiction);
        }
        return out;
    }

    /**
     * The first query identifier that contradicts the entry's (same exclusive scheme and scope, other value, and no
     * identifier equal to one of the entry's), or null.
     */
    private static Adjustment identifierContradiction(List<Identifier> query, List<Identifier> listed) {
        if (query.isEmpty() || listed.isEmpty()) {
            return null;
        }
        for (Identifier q : query) {
            for (Identifier l : listed) {
                if (q.sameAs(l)) {
                    return null;
                }
            }
        }
        for (Identifier q : query) {
            for (Identifier l : listed) {
                if (q.contradicts(l)) {
                    return new Adjustment("identifier", Tuning.IDENTIFIER_CONTRADICTION,
                            "query " + q + " differs from listed " + l);
                }
            }
        }
        return null;
    }

    private static Adjustment birthDate(String query, List<String> listed) {
        int[] qd = parse(query);
        if (qd == null) {
            return null;
        }
        int bestRank = -1; // 0 mismatch, 1 near, 2 year match, 3 exact
        String best = null;
        for (String s : listed) {
            int[] ld = parse(s);
            if (ld == null) {
                continue;
            }
            int rank;
            if (Math.abs(ld[0] - qd[0]) > Tuning.BIRTH_YEAR_TOLERANCE) {
                rank = 0;
            } else if (ld[0] != qd[0]) {
                rank = 1;
            } else if (qd[1] > 0 && ld[1] > 0 && qd[1] != ld[1] || qd[2] > 0 && ld[2] > 0 && qd[2] != ld[2]) {
                rank = 1; // same year, different day: a typo is as likely as another person
            } else if (qd[2] > 0 && ld[2] > 0) {
                rank = 3;
            } else {
                rank = 2;
            }
            if (rank > bestRank) {
                bestRank = rank;
                best = s;
            }
        }
        return switch (bestRank) {
            case 3 -> new Adjustment("birthDate", Tuning.BIRTH_DATE_EXACT, "birth date " + best + " matches");
            case 2 -> new Adjustment("birthDate", Tuning.BIRTH_YEAR_MATCH, "birth date " + best + " agrees with " + query);
            case 0 -> new Adjustment("birthDate", Tuning.BIRTH_YEAR_MISMATCH, "listed birth dates " + listed + " far from " + query);
            default -> null;
        };
    }

    /** [year, month or 0, day or 0], null when not a partial ISO date. */
    static int[] parse(String s) {
        String[] p = s.trim().split("-");
        try {
            int y = Integer.parseInt(p[0]);
            int m = p.length > 1 ? Integer.parseInt(p[1]) : 0;
            int d = p.length > 2 ? Integer.parseInt(p[2].substring(0, Math.min(2, p[2].length()))) : 0;
            return p[0].length() == 4 ? new int[]{y, m, d} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
