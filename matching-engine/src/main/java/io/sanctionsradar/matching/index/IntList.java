package io.sanctionsradar.matching.index;

import java.util.Arrays;

/** Growable int array: posting lists of a 60k-name index must not box. */
public final class IntList {
    private int[] values;
    private int size;

    public IntList() {
        this(4);
    }

    public IntList(int capacity) {
        values = new int[Math.max(1, capacity)];
    }

    public void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    /** Removes one occurrence (order not preserved: postings are unordered). */
    boolean removeValue(int v) {
        for (int i = 0; i < size; i++) {
            if (values[i] == v) {
                values[i] = values[--size];
                return true;
            }
        }
        return false;
    }

    int removeLast() {
        return values[--size];
    }

    void clear() {
        size = 0;
    }

    public int get(int i) {
        return values[i];
    }

    public int[] toArray() {
        return java.util.Arrays.copyOf(values, size());
    }

    public int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }
}
