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
        if (!designations.isEmpty()) {
            observer.watchlistChanging(designations,
                    () -> watchlist.apply(designations.stream().map(Change::listing).toList()));
        }
        if (!stored.links().isEmpty()) { // alerts are raised per listing: a link changes no match, only subjects
            watchlist.applyLinks(stored.links().stream().map(LinkChange::link).toList());
        }
        return stored;
    }
}
