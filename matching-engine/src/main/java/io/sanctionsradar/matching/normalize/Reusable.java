package io.sanctionsradar.matching.normalize;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * Costly working objects (name-sized scratch arrays, ICU transliterators) handed from query to query, on any
 * thread. Not thread-locals: the JDK clears the thread-locals of the common pool's workers after every task, so
 * each parallel batch or forward check would rebuild megabytes of arrays (humongous for the collector) or a
 * transliterator (about a millisecond). As many objects exist as were ever in use at once. Kept in the first stage
 * package, so that every later stage may use it without a package cycle.
 */
public final class Reusable<T> {

    private final ConcurrentLinkedQueue<T> idle = new ConcurrentLinkedQueue<>();
    private final Supplier<T> create;

    public Reusable(Supplier<T> create) {
        this.create = create;
    }

    /** An idle object, or a new one. */
    public T take() {
        T t = idle.poll();
        return t != null ? t : create.get();
    }

    /** Returns an object for reuse; only in the state {@link #take} may hand out (a half-used one is dropped). */
    public void give(T t) {
        idle.offer(t);
    }
}
