package io.sanctionsradar.matching.index;

import io.sanctionsradar.matching.score.SimCode;

import java.util.Arrays;

/**
 * Open-addressing map vocabulary id -> packed similarity code (see {@link SimCode}), built once per query unit:
 * the scorer looks up every (query unit, entry token) pair here instead of recomputing string distances.
 */
public final class SimMap {
    private int[] keys;
    private int[] codes;
    private int size;
    private int mask;

    public SimMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(8, expected * 2 - 1)) << 1;
        keys = new int[cap];
        codes = new int[cap];
        Arrays.fill(keys, -1);
        mask = cap - 1;
    }

    public boolean containsKey(int key) {
        return keys[slot(key)] == key;
    }

    /** The code of this key, 0 (no similarity) when absent. */
    public int get(int key) {
        int i = slot(key);
        return keys[i] == key ? codes[i] : 0;
    }

    public void put(int key, int code) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int i = slot(key);
        if (keys[i] != key) {
            keys[i] = key;
            size++;
        }
        codes[i] = code;
    }

    public int size() {
        return size;
    }

    /** Calls consumer for each (key, code). */
    public void forEach(IntIntConsumer consumer) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] >= 0) {
                consumer.accept(keys[i], codes[i]);
            }
        }
    }

    /** Slot count, for allocation-free iteration with {@link #keyAt} and {@link #codeAt}. */
    public int capacity() {
        return keys.length;
    }

    /** Key in a slot, -1 when the slot is empty. */
    public int keyAt(int slot) {
        return keys[slot];
    }

    public int codeAt(int slot) {
        return codes[slot];
    }

    private int slot(int key) {
        int h = key * 0x85EBCA6B; // murmur3 finalizer: neighbouring ids must not share probe runs
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        int i = h & mask;
        while (keys[i] != -1 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldCodes = codes;
        keys = new int[oldKeys.length * 2];
        codes = new int[oldKeys.length * 2];
        Arrays.fill(keys, -1);
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] >= 0) {
                put(oldKeys[i], oldCodes[i]);
            }
        }
    }

    @FunctionalInterface
    public interface IntIntConsumer {
        void accept(int key, int code);
    }
}
