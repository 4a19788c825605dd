package io.sanctionsradar.screening.watchlist;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;

/** Builds the in-memory watchlist from the database at startup; the consumer then continues from the stored positions. */
@ApplicationScoped
public class WatchlistLoader {

    private static final Logger LOG = Logger.getLogger(WatchlistLoader.class);

    @Inject
    WatchlistStore store;

    @Inject
    Watchlist watchlist;

    void onStart(@Observes StartupEvent start) {
        long began = System.nanoTime();
        List<Listing> stored = QuarkusTransaction.requiringNew().call(store::loadAll);
        watchlist.load(stored);
        LOG.infof("watchlist loaded: %d entries in %d ms, version %s", stored.size(),
                (System.nanoTime() - began) / 1_000_000, watchlist.summary().version());
    }
}
