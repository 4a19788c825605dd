package io.sanctionsradar.matching;

import org.junit.jupiter.api.Test;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The indexed path (blocking + pruning) must agree with the brute-force scorer on the best match and its
 * score, for queries derived from listed names (typos, drops, reordering) and unrelated names.
 */
class OracleAgreementTest {

    private static final double THRESHOLD = 0.70;

    @Test
    void indexedScreeningAgreesWithExhaustiveScoring() {
        WatchlistFixtures.Watchlist wl = WatchlistFixtures.fromClasspath("/matching/us-csl-2022.jsonl.gz");
        MatchingEngine engine = new MatchingEngine();
        engine.replaceAll(wl.entries());
        Random random = new Random(6);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            WatchlistEntry e = wl.entries().get(random.nextInt(wl.entries().size()));
            String name = e.names().get(random.nextInt(e.names().size())).name();
            queries.add(switch (i % 5) {
                case 0 -> name;
                case 1 -> typo(name, random);
                case 2 -> typo(typo(name, random), random);
                case 3 -> dropOrSwap(name, random);
                default -> List.of("Maria Schmidt", "Global Trade Partners LLC", "Ivan Petrov", "Ali Hassan",
                        "Ocean Star Shipping", "Chen Wei", "Mohammed Abdullah").get(random.nextInt(7));
            });
        }
        // the typo lookup (a deletion-neighbourhood index) finds every word within the tolerated edit distance
        // (DeletionIndexTest), so none may disagree; an exhaustive tie may be broken either way (see disagreements)
        assertEquals(List.of(), disagreements(engine, queries));

        // scoring known candidates directly gives what the search gives, for matches and for entries that do not match;
        // checked on an engine that has not searched, whose lookups of the query words are therefore not cached, so its
        // words are compared with the candidates' strings one by one; with words split and joined (joined forms)
        MatchingEngine checking = new MatchingEngine();
        checking.replaceAll(wl.entries());
        List<String> checked = new ArrayList<>(queries);
        queries.forEach(q -> checked.add(splitOrJoin(q, random)));
        List<String> direct = new ArrayList<>();
        for (String q : checked) {
            List<Match> searched = engine.screen(Query.of(q), THRESHOLD, 10, null);
            java.util.Set<String> ids = new java.util.HashSet<>();
            searched.forEach(m -> ids.add(m.entryId()));
            for (int k = 0; k < 3; k++) {
                ids.add(wl.entries().get(random.nextInt(wl.entries().size())).entryId());
            }
            List<Match> scored = checking.screenEntries(Query.of(q), THRESHOLD, 10, ids, null);
            if (!summary(scored).equals(summary(searched))) {
                direct.add(q + ": direct " + summary(scored) + " vs search " + summary(searched));
            }
        }
        assertTrue(direct.isEmpty(), direct.toString());

        // token weights follow the list: after removals the bounds must be computed from the new weights
        for (int i = 0; i < wl.entries().size(); i += 3) {
            engine.remove(wl.entries().get(i).entryId());
        }
        assertEquals(List.of(), disagreements(engine, queries.subList(0, 100)));
    }

    private static List<String> disagreements(MatchingEngine engine, List<String> queries) {
        List<String> disagreements = new ArrayList<>();
        for (String q : queries) {
            List<Match> fast = engine.screen(Query.of(q), THRESHOLD, 3, null);
            List<Match> slow = engine.screenExhaustively(Query.of(q), THRESHOLD, 3, null);
            boolean same = fast.isEmpty() == slow.isEmpty()
                    && (fast.isEmpty() || fast.get(0).score() == slow.get(0).score()
                    && (fast.get(0).entryId().equals(slow.get(0).entryId()) || tied(slow)));
            if (!same) {
                disagreements.add(q + ": indexed " + head(fast) + " vs exhaustive " + head(slow));
            }
        }
        return disagreements;
    }

    private static List<String> summary(List<Match> matches) {
        return matches.stream().map(m -> m.entryId() + "=" + m.score()).sorted().toList();
    }

    private static boolean tied(List<Match> m) {
        return m.size() > 1 && m.get(0).score() == m.get(1).score();
    }

    private static String head(List<Match> m) {
        return m.isEmpty() ? "none" : m.get(0).matchedName() + " " + m.get(0).score();
    }

    static String typo(String s, Random r) {
        if (s.length() < 4) {
            return s;
        }
        int i = 1 + r.nextInt(s.length() - 2);
        char[] c = s.toCharArray();
        return switch (r.nextInt(3)) {
            case 0 -> s.substring(0, i) + s.substring(i + 1); // deletion
            case 1 -> {
                char t = c[i];
                c[i] = c[i + 1];
                c[i + 1] = t;
                yield new String(c); // transposition
            }
            default -> s.substring(0, i) + "e" + s.substring(i + 1); // substitution
        };
    }

    /** Two adjacent words written together, or the longest word split in two ("Hik Vision" / "Hikvision"). */
    static String splitOrJoin(String s, Random r) {
        List<String> w = new ArrayList<>(List.of(s.replace(",", "").trim().split("\\s+")));
        if (w.size() >= 2 && r.nextBoolean()) {
            int i = r.nextInt(w.size() - 1);
            w.set(i, w.get(i) + w.remove(i + 1));
        } else {
            int longest = 0;
            for (int i = 1; i < w.size(); i++) {
                longest = w.get(i).length() > w.get(longest).length() ? i : longest;
            }
            String word = w.get(longest);
            if (word.length() >= 6) {
                w.set(longest, word.substring(0, word.length() / 2) + " " + word.substring(word.length() / 2));
            }
        }
        return String.join(" ", w);
    }

    static String dropOrSwap(String s, Random r) {
        String[] w = s.replace(",", "").split("\\s+");
        if (w.length < 3) {
            return w.length == 2 ? w[1] + " " + w[0] : s;
        }
        List<String> out = new ArrayList<>(List.of(w));
        out.remove(1 + r.nextInt(w.length - 2));
        return String.join(" ", out);
    }
}
