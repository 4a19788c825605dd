package io.sanctionsradar.screening.watchlist;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Builds the in-memory watchlist, listings and analysts' links, from this instance's rows in the database at startup;
 * the consumer then continues from its stored positions.
 */
@ApplicationScoped
public class WatchlistLoader {

    private static final Logger LOG = Logger.getLogger(WatchlistLoader.class);

    @Inject
    WatchlistStore store;

    @Inject
    Watchlist watchlist;

    @Inject
    InstanceId instance;

    private record Stored(List<Listing> listings, List<SubjectLink> links) {
    }

    void onStart(@Observes StartupEvent start) {
        long began = System.nanoTime();
        // nothing is consumed until the load is done (WatchlistUpdates.awaitReady): both reads see the same commit
        Stored stored = QuarkusTransaction.requiringNew().call(() -> new Stored(store.loadAll(), store.loadLinks()));
        watchlist.load(stored.listings(), stored.links());
        LOG.infof("watchlist of instance %s loaded: %d entries and %d analyst links in %d ms, version %s", instance,
                stored.listings().size(), stored.links().size(), (System.nanoTime() - began) / 1_000_000,
                watchlist.summary().version());
    }
}
