package io.sanctionsradar.matching.score;

/**
 * The token pairs an alignment considers, each packed in a long so that sorting the longs sorts the pairs. Layout,
 * bit 63 down to bit 0:
 *   [63..32] the SimCode (0…0 | sim:14 | kind:4) | [31..24] 0 | [23..16] tiebreak:8 (query weight × 10)
 *   | [15..10] qStart:6 | [9..8] qLen:2 | [7..2] eStart:6 | [1..0] eLen:2
 * so pairs sort by similarity, then kind, then query weight.
 */
final class AlignedPairs {

    private AlignedPairs() {
    }

    static long pack(int code, int qs, int ql, int es, int el, double queryWeight) {
        long tiebreak = Math.min(255, Math.round(queryWeight * 10));
        return (long) code << 32 | tiebreak << 16 | (long) qs << 10 | (long) ql << 8 | (long) es << 2 | el;
    }

    static int code(long pair) {
        return (int) (pair >>> 32);
    }

    static int qStart(long pair) {
        return (int) (pair >>> 10 & 63);
    }

    static int qLength(long pair) {
        return (int) (pair >>> 8 & 3);
    }

    static int eStart(long pair) {
        return (int) (pair >>> 2 & 63);
    }

    static int eLength(long pair) {
        return (int) (pair & 3);
    }

    static long mask(int start, int length) {
        return ((1L << length) - 1) << start;
    }
}
