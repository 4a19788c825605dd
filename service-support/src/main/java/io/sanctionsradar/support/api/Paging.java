package io.sanctionsradar.support.api;

import io.sanctionsradar.support.errors.FieldError;
import io.sanctionsradar.support.errors.InvalidRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * Where one page of a listing starts and how many items it holds: the one rule every paged endpoint reads its
 * page, offset, size and limit query parameters with. They are taken as text, so that a value too large for a
 * number is refused like any other (400 naming the parameter) instead of overflowing or failing to convert.
 */
public record Paging(int offset, int size) {

    /** The deepest a listing is read a page at a time: past it an OFFSET only costs the database a long scan. */
    public static final long MAX_OFFSET = 10_000_000;

    /** {@code page} (from 0) and {@code size} (1 to maxSize), as designation-service pages. */
    public static Paging ofPage(String page, String size, int maxSize) {
        List<FieldError> errors = new ArrayList<>();
        long pageNumber = whole("page", page, 0, MAX_OFFSET, errors);
        long pageSize = whole("size", size, 1, maxSize, errors);
        if (errors.isEmpty() && pageNumber * pageSize > MAX_OFFSET) {
            errors.add(new FieldError("page", "page × size must not pass " + MAX_OFFSET
                    + ": at most page " + MAX_OFFSET / pageSize + " with size " + pageSize));
        }
        throwIfAny(errors);
        return new Paging((int) (pageNumber * pageSize), (int) pageSize);
    }

    /** {@code offset} (from 0, items skipped) and {@code size} (1 to maxSize), as screening-service pages. */
    public static Paging ofOffset(String offset, String size, int maxSize) {
        List<FieldError> errors = new ArrayList<>();
        long skipped = whole("offset", offset, 0, MAX_OFFSET, errors);
        long pageSize = whole("size", size, 1, maxSize, errors);
        throwIfAny(errors);
        return new Paging((int) skipped, (int) pageSize);
    }

    /** A {@code limit} of 1 to max items, for listings paged by a cursor rather than an offset. */
    public static int limit(String limit, int max) {
        List<FieldError> errors = new ArrayList<>();
        long items = whole("limit", limit, 1, max, errors);
        throwIfAny(errors);
        return (int) items;
    }

    /** A cursor that is a positive id (absent: from the start). */
    public static Long cursor(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<FieldError> errors = new ArrayList<>();
        long id = whole(name, value, 1, Long.MAX_VALUE, errors);
        throwIfAny(errors);
        return id;
    }

    /** The page number this page is, when it was asked for by page. */
    public int page() {
        return offset / size;
    }

    private static long whole(String name, String text, long min, long max, List<FieldError> errors) {
        try {
            long value = Long.parseLong(text == null ? "" : text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, as an out-of-range number is
        }
        errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
        return min;
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }
}
