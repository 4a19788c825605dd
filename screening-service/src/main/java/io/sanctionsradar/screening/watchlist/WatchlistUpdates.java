package io.sanctionsradar.screening.watchlist;

import io.sanctionsradar.screening.watchlist.WatchlistStore.Applied;
import io.sanctionsradar.screening.watchlist.WatchlistStore.Change;
import io.sanctionsradar.screening.watchlist.WatchlistStore.LinkChange;
import io.sanctionsradar.screening.watchlist.WatchlistStore.Position;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Applies designation and subject link events to the watchlist: the newer ones are stored with the consumer's
 * positions and taken into the in-memory watchlist, designations first (shown to the observer), then links, all in
 * the caller's transaction. Safe to repeat after a rollback: the store and the in-memory watchlist both ignore
 * versions they hold.
 */
@ApplicationScoped
public class WatchlistUpdates {

    @Inject
    WatchlistStore store;

    @Inject
    Watchlist watchlist;

    @Inject
    WatchlistObserver observer;

    private final ReentrantLock applying = new ReentrantLock();

    /**
     * Runs {@code work} while no batch is being applied: the positions committed then are those of the in-memory
     * watchlist. The consumer applies and commits each batch inside this.
     */
    public <T> T exclusively(Callable<T> work) throws Exception {
        applying.lock();
        try {
            return work.call();
        } finally {
            applying.unlock();
        }
    }

    /** Waits until changes can be taken: after the startup load (which would overwrite them) and the observer. */
    public void awaitReady() throws InterruptedException {
        watchlist.awaitLoaded();
        observer.awaitReady();
    }

    /** Answers the changes that were newer than the stored ones, which the watchlist (and the observer) took. */
    public Applied apply(Collection<Change> changes, Collection<LinkChange> links, Collection<Position> positions)
            throws SQLException {
        Applied stored = store.apply(changes, links, positions);
        List<Change> designations = stored.designations();
        observer.watchlistChanging(designations, positions, () -> {
            if (!designations.isEmpty()) {
                watchlist.apply(designations.stream().map(Change::listing).toList());
            }
        });
        if (!stored.links().isEmpty()) { // alerts are raised per listing: a link changes no match, only subjects
            watchlist.applyLinks(stored.links().stream().map(LinkChange::link).toList());
        }
        return stored;
    }
}
