package io.sanctionsradar.screening.watchlist;

import io.sanctionsradar.screening.watchlist.WatchlistStore.Change;
import io.sanctionsradar.screening.watchlist.WatchlistStore.Position;

import java.util.Collection;
import java.util.List;

/**
 * Reacts to designation changes as the in-memory watchlist takes them (ongoing monitoring re-screens its book).
 * The observer has the watchlist take them itself, so that it can keep its own state in step under its own lock.
 */
public interface WatchlistObserver {

    /** Blocks until the observer can react; until then no change is taken, or it would go unnoticed. */
    void awaitReady() throws InterruptedException;

    /**
     * Runs {@code takeChanges}, which puts the changes (maybe none) in the watchlist, and reacts, in the caller's
     * transaction, which stores the consumer's new positions; called for every batch consumed.
     */
    void watchlistChanging(List<Change> changes, Collection<Position> positions, Runnable takeChanges);
}
