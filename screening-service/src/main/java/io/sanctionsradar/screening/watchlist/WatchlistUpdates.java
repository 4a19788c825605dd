package io.sanctionsradar.screening.watchlist;

import io.sanctionsradar.screening.watchlist.WatchlistStore.Change;
import io.sanctionsradar.screening.watchlist.WatchlistStore.Position;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * Applies designation events to the watchlist: the newer ones are stored with the consumer's positions, taken
 * into the in-memory watchlist and shown to the observer, all in the caller's transaction. Safe to repeat after a
 * rollback: the store and the in-memory watchlist both ignore versions they hold.
 */
@ApplicationScoped
public class WatchlistUpdates {

    @Inject
    WatchlistStore store;

    @Inject
    Watchlist watchlist;

    @Inject
    WatchlistObserver observer;

    /** Waits until changes can be taken: after the startup load (which would overwrite them) and the observer. */
    public void awaitReady() throws InterruptedException {
        watchlist.awaitLoaded();
        observer.awaitReady();
    }

    /** Answers the changes that were newer than the stored ones, which the watchlist and the observer took. */
    public List<Change> apply(Collection<Change> changes, Collection<Position> positions) throws SQLException {
        List<Change> stored = store.apply(changes, positions);
        if (!stored.isEmpty()) {
            observer.watchlistChanging(stored, () -> watchlist.apply(stored.stream().map(Change::listing).toList()));
        }
        return stored;
    }
}
