package io.sanctionsradar.matching;

import java.util.Arrays;

/** Growable int array: posting lists of a 60k-name index must not box. */
final class IntList {
    private int[] values;
    private int size;

    IntList() {
        this(4);
    }

    IntList(int capacity) {
        values = new int[Math.max(1, capacity)];
    }

    void add(int v) {
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

    int get(int i) {
        return values[i];
    }

    int[] toArray() {
        return java.util.Arrays.copyOf(values, size());
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }
}
