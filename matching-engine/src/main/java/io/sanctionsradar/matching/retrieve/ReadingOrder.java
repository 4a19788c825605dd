package io.sanctionsradar.matching.retrieve;

import io.sanctionsradar.matching.index.SimMap;

import java.util.Arrays;

/**
 * The order in which a query's posting lists (one per similar string: a row of its plan) are read: unit by unit,
 * heaviest unit first, and within a unit its strings rarest first (by the heaviest entry weight each can explain,
 * at least a class weight, as in {@link QueryPlan#tokenEntryWeight}). A string several units share is read once,
 * with the first of them. Reading can then stop inside a unit, before its common spellings.
 */
final class ReadingOrder {
    final QueryPlan plan;
    /** per row: its weight, rounded up to a float, as float bits */
    final int[] weightBits;
    final int[][] unitRows;
    final int[] unitOrder;
    final boolean[] read;
    /** per unit: its first row not yet passed */
    final int[] next;

    ReadingOrder(QueryPlan plan) {
        this.plan = plan;
        int rows = plan.similarStrings();
        weightBits = new int[rows];
        for (int row = 0; row < rows; row++) {
            weightBits[row] = Float.floatToIntBits(Math.nextUp((float) plan.rowEntryWeight(row)));
        }
        unitRows = new int[plan.units][];
        int live = 0;
        for (int u = 0; u < plan.units; u++) {
            SimMap sims = plan.unitSims[u];
            long[] keyed = new long[sims.size()];
            int k = 0;
            for (int slot = 0; slot < sims.capacity(); slot++) {
                if (sims.keyAt(slot) >= 0) {
                    int row = plan.similarRow(sims.keyAt(slot));
                    keyed[k++] = (long) (Integer.MAX_VALUE - weightBits[row]) << 32 | row; // heaviest first
                }
            }
            Arrays.sort(keyed);
            unitRows[u] = new int[keyed.length];
            for (int r = 0; r < keyed.length; r++) {
                unitRows[u][r] = (int) keyed[r];
            }
            live += keyed.length > 0 ? 1 : 0;
        }
        unitOrder = new int[live];
        int count = 0;
        for (int u = 0; u < plan.units; u++) {
            if (unitRows[u].length == 0) {
                continue; // matches nothing: neither read nor pending
            }
            int k = count++ - 1; // insertion sort, heaviest unit first: a handful of units
            while (k >= 0 && plan.unitWeights[unitOrder[k]] < plan.unitWeights[u]) {
                unitOrder[k + 1] = unitOrder[k];
                k--;
            }
            unitOrder[k + 1] = u;
        }
        read = new boolean[rows];
        next = new int[plan.units];
    }

    float weight(int row) {
        return Float.intBitsToFloat(weightBits[row]);
    }

    /** The weight of the rarest string of this unit not read yet, 0 when all are. */
    double unreadMax(int unit) {
        int[] rows = unitRows[unit];
        while (next[unit] < rows.length && read[rows[next[unit]]]) {
            next[unit]++;
        }
        return next[unit] < rows.length ? weight(rows[next[unit]]) : 0;
    }

    /**
     * What the string of a row can explain of a name that holds it (a name's postings hold it once): its weight
     * times the best similarity any unit has with it; rounded up, as a float must not undercut it.
     */
    float credit(int row) {
        return Math.nextUp(weight(row) * plan.rowMaxSim(row));
    }

    /** {@link QueryPlan#rowQueryWeight} as a float credit, rounded up. */
    float queryCredit(int row) {
        return Math.nextUp((float) plan.rowQueryWeight(row));
    }

    /** The query tokens of the units that still have strings unread. */
    long unreadTokens() {
        long pending = 0;
        for (int v = 0; v < plan.units; v++) {
            pending |= unreadMax(v) > 0 ? plan.unitTokens[v] : 0;
        }
        return pending;
    }
}
