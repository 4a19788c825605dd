package io.sanctionsradar.matching.score;

import org.junit.jupiter.api.Test;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditDistanceTest {

    /** Unbanded optimal-string-alignment distance: the reference the banded and one-edit paths must agree with. */
    private static int reference(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    @Test
    void boundedDistanceAgreesWithTheFullTable() {
        Random r = new Random(42);
        for (int t = 0; t < 200_000; t++) {
            String a = random(r, r.nextInt(12));
            String b = r.nextBoolean() ? mutate(r, a) : random(r, r.nextInt(12));
            int expected = reference(a, b);
            for (int max = 0; max <= 3; max++) {
                int got = EditDistance.damerauLevenshtein(a, b, max);
                if (expected <= max) {
                    assertEquals(expected, got, a + " / " + b + " max " + max);
                } else {
                    assertTrue(got > max, a + " / " + b + " max " + max + " got " + got);
                }
            }
        }
    }

    @Test
    void oneEditCases() {
        assertTrue(EditDistance.withinOne("deripaska", "deripsaka"));
        assertTrue(!EditDistance.withinOne("deripaska", "dreipsaka")); // two transpositions
        assertTrue(EditDistance.withinOne("oleg", "olge"));
        assertTrue(EditDistance.withinOne("oleg", "olg"));
        assertTrue(EditDistance.withinOne("olg", "oleg"));
        assertTrue(EditDistance.withinOne("oleg", "olek"));
        assertTrue(EditDistance.withinOne("oleg", "oleg"));
        assertTrue(!EditDistance.withinOne("oleg", "gelo"));
    }

    private static String random(Random r, int len) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < len; i++) {
            b.append((char) ('a' + r.nextInt(4)));
        }
        return b.toString();
    }

    private static String mutate(Random r, String s) {
        StringBuilder b = new StringBuilder(s);
        for (int e = r.nextInt(4); e > 0; e--) {
            int op = r.nextInt(4);
            int p = b.length() == 0 ? 0 : r.nextInt(b.length());
            if (op == 0 || b.length() == 0) {
                b.insert(p, (char) ('a' + r.nextInt(4)));
            } else if (op == 1) {
                b.deleteCharAt(p);
            } else if (op == 2) {
                b.setCharAt(p, (char) ('a' + r.nextInt(4)));
            } else if (p + 1 < b.length()) {
                char c = b.charAt(p);
                b.setCharAt(p, b.charAt(p + 1));
                b.setCharAt(p + 1, c);
            }
        }
        return b.toString();
    }
}
