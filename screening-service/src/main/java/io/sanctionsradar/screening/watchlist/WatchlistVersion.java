package io.sanctionsradar.screening.watchlist;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A deterministic identifier of the watchlist's content: of a SHA-256 hash of every (designation id, version)
 * and every (linked pair, version) held, the sum of the first 64 bits and the sum of the next 64 bits, each modulo 2^64. A sum does not depend on the order events arrived in, so two instances
 * holding the same designations at the same versions name the same version however they got there, and it is
 * updated in constant time per change. Not thread-safe: {@link Watchlist} guards it.
 */
final class WatchlistVersion {

    private long high;
    private long low;

    /** Adds a designation, or an analyst's link by its pair key ("a+b", never a designation id). */
    void add(String designationId, int version) {
        long[] h = hash(designationId, version);
        high += h[0];
        low += h[1];
    }

    void remove(String designationId, int version) {
        long[] h = hash(designationId, version);
        high -= h[0];
        low -= h[1];
    }

    void clear() {
        high = 0;
        low = 0;
    }

    /** 32 hex digits. */
    String value() {
        return String.format("%016x%016x", high, low);
    }

    private static long[] hash(String designationId, int version) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((designationId + "#" + version).getBytes(StandardCharsets.UTF_8));
            ByteBuffer buffer = ByteBuffer.wrap(digest);
            return new long[]{buffer.getLong(), buffer.getLong()};
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
