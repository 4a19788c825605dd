package io.sanctionsradar.matching.index;

import io.sanctionsradar.matching.score.EditDistance;
import io.sanctionsradar.matching.score.TokenSimilarity;

import java.util.Arrays;

/**
 * Symmetric-delete index over single-token vocabulary strings: each string is stored under (64-bit hashes of)
 * every string obtained by deleting up to {@link #budget} of its letters. Two strings within optimal-string-
 * alignment distance k become equal after at most k deletions on each side (a substitution deletes the same
 * position on both, an insertion one letter on one side, a transposition one of the swapped letters on both),
 * so they share a key; the budget per string covers every pair {@link TokenSimilarity} tolerates. Hash
 * collisions only add candidates, which callers verify with {@link EditDistance}.
 *
 * <p>Keys are primitive longs in an open-addressing table (no String per deletion) to keep memory low; key
 * and value share adjacent slots so a probe touches one cache line.
 * Not thread-safe for writes; concurrent reads are safe once writes are excluded.
 */
public final class DeletionIndex {

    /** Returned by {@link #find} when no string has this key. */
    static final int ABSENT = Integer.MIN_VALUE;

    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

    /** [2s] key (0: empty; hashes are never 0), [2s+1] value: >= 0 a single vocabulary id, < 0 -(1 + list index) */
    private long[] table;
    private IntList[] lists;
    private int listCount;
    private int size;
    private int mask;

    DeletionIndex() {
        clear();
    }

    void clear() {
        table = new long[2 << 16];
        mask = (1 << 16) - 1;
        lists = new IntList[256];
        listCount = 0;
        size = 0;
    }

    /**
     * Deletions to store or look up for a string of this length: a pair needs at most as many deletions on
     * one side as the edits tolerated for the pair, minus the letters the other side must drop to reach its
     * length; that is 1 up to 7 letters (a partner of 8+ letters already drops one) and 2 from 8 letters.
     */
    static int budget(int length) {
        return Math.max(1, TokenSimilarity.maxEdits(length));
    }

    /** Adds a vocabulary string under all its deletion keys (each string is added once). */
    void add(String token, int id) {
        for (long key : keys(token, budget(token.length()))) {
            put(key, id);
        }
    }

    /** The value stored under key: a vocabulary id (>= 0), a list handle (< 0, see {@link #list}), or ABSENT. */
    int find(long key) {
        long[] t = table;
        int slot = slot(key);
        while (true) {
            long k = t[2 * slot];
            if (k == key) {
                return (int) t[2 * slot + 1];
            }
            if (k == 0) {
                return ABSENT;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The ids behind a negative value returned by {@link #find}. */
    IntList list(int value) {
        return lists[-(value + 1)];
    }

    private void put(long key, int id) {
        int slot = slot(key);
        while (table[2 * slot] != 0 && table[2 * slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (table[2 * slot] == 0) {
            table[2 * slot] = key;
            table[2 * slot + 1] = id;
            if (++size * 10L > (mask + 1) * 7L) {
                grow();
            }
            return;
        }
        int v = (int) table[2 * slot + 1];
        if (v >= 0) {
            if (v == id) {
                return;
            }
            if (listCount == lists.length) {
                lists = Arrays.copyOf(lists, lists.length * 2);
            }
            IntList l = new IntList(2);
            l.add(v);
            l.add(id);
            lists[listCount] = l;
            table[2 * slot + 1] = -(1 + listCount++);
        } else {
            lists[-(v + 1)].add(id);
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        mask = old.length - 1;
        for (int i = 0; i < old.length; i += 2) {
            long k = old[i];
            if (k != 0) {
                int slot = slot(k);
                while (table[2 * slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[2 * slot] = k;
                table[2 * slot + 1] = old[i + 1];
            }
        }
    }

    private int slot(long key) {
        return (int) (key ^ (key >>> 32)) & mask;
    }

    /** Distinct hashes of s with no letter, one letter, and (budget 2) two letters deleted. */
    static long[] keys(String s, int budget) {
        int n = s.length();
        // polynomial prefix hashes make each deletion's hash O(1): H(x + y) = H(x) * B^|y| + H(y)
        long[] pre = new long[n + 1];
        long[] pw = new long[n + 1];
        pw[0] = 1;
        for (int p = 0; p < n; p++) {
            pre[p + 1] = pre[p] * MULTIPLIER + s.charAt(p);
            pw[p + 1] = pw[p] * MULTIPLIER;
        }
        int count = 1 + n + (budget >= 2 ? n * (n - 1) / 2 : 0);
        long[] out = new long[count];
        int c = 0;
        out[c++] = finish(pre[n], n);
        for (int i = 0; i < n; i++) {
            long head = pre[i];
            out[c++] = finish(head * pw[n - i - 1] + range(pre, pw, i + 1, n), n - 1);
            if (budget >= 2) {
                for (int j = i + 1; j < n; j++) {
                    long left = head * pw[j - i - 1] + range(pre, pw, i + 1, j);
                    out[c++] = finish(left * pw[n - j - 1] + range(pre, pw, j + 1, n), n - 2);
                }
            }
        }
        Arrays.sort(out, 0, c);
        int u = 0;
        for (int i = 0; i < c; i++) {
            if (u == 0 || out[i] != out[u - 1]) {
                out[u++] = out[i];
            }
        }
        return u == out.length ? out : Arrays.copyOf(out, u);
    }

    /** Polynomial hash of s[a, b). */
    private static long range(long[] pre, long[] pw, int a, int b) {
        return pre[b] - pre[a] * pw[b - a];
    }

    /** Mixes a polynomial hash with the string's length; never 0. */
    private static long finish(long h, int length) {
        h += length * 0x2545F4914F6CDD1DL;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
