package io.sanctionsradar.screening.watchlist;

import io.sanctionsradar.matching.Match;
import io.sanctionsradar.matching.MatchingEngine;
import io.sanctionsradar.matching.Query;
import io.sanctionsradar.matching.WatchlistEntry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The in-memory watchlist every screening runs against: the matching engine's index, the listings behind it and
 * the watchlist version, changed together under one lock so that an answer and its version always agree. It only
 * ever moves forward: a listing (or an analyst's link of a pair) replaces the one held only if its version is newer,
 * so the order in which the startup load and freshly consumed events arrive does not matter. Links are part of the
 * version: they change the subjects an answer names.
 */
@ApplicationScoped
public class Watchlist {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final MatchingEngine engine = new MatchingEngine();
    private SubjectGrouping subjects = new SubjectGrouping();
    private final Map<String, Listing> listings = new HashMap<>();
    private final Map<String, SubjectLink> links = new HashMap<>();
    private final WatchlistVersion version = new WatchlistVersion();
    private int active;
    private final CountDownLatch loaded = new CountDownLatch(1);

    /** What a screening sees: one consistent state of the watchlist. */
    public interface View {
        String version();

        List<Hit> screen(Query query, double threshold, int limit, Predicate<Listing> filter);

        /** The same screening, against these entries only (known candidates). */
        List<Hit> screenEntries(Query query, double threshold, int limit, Collection<String> entryIds,
                                Predicate<Listing> filter);

        /** The subject a held listing belongs to (every held listing belongs to one). */
        SubjectGrouping.Subject subjectOf(String designationId);

        /** A subject by its id, empty if none is held. */
        Optional<SubjectGrouping.Subject> subject(String subjectId);

        /** A held listing, or null. */
        Listing listing(String designationId);
    }

    public record Hit(Listing listing, Match match) {
    }

    /** The version and the entry counts of one state, read together. */
    public record Summary(String version, int total, int active, int delisted) {
    }

    /** Replaces the whole content with what the database holds; screening is ready once this has run. */
    public void load(Collection<Listing> stored, Collection<SubjectLink> storedLinks) {
        lock.writeLock().lock();
        try {
            listings.clear();
            links.clear();
            subjects = new SubjectGrouping(); // rebuilt from the listings and links: it depends on nothing else
            version.clear();
            active = 0;
            List<WatchlistEntry> entries = new ArrayList<>(stored.size());
            for (Listing listing : stored) {
                listings.put(listing.designationId(), listing);
                subjects.put(listing);
                version.add(listing.designationId(), listing.version());
                active += listing.active() ? 1 : 0;
                entries.add(listing.toWatchlistEntry());
            }
            engine.replaceAll(entries);
            storedLinks.forEach(this::takeLink);
            loaded.countDown();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Takes each listing that is newer than the one held; answers how many were taken. */
    public int apply(Collection<Listing> changes) {
        lock.writeLock().lock();
        try {
            int applied = 0;
            for (Listing listing : changes) {
                Listing held = listings.get(listing.designationId());
                if (held != null && held.version() >= listing.version()) {
                    continue;
                }
                if (held != null) {
                    version.remove(held.designationId(), held.version());
                    active -= held.active() ? 1 : 0;
                }
                listings.put(listing.designationId(), listing);
                subjects.put(listing);
                version.add(listing.designationId(), listing.version());
                active += listing.active() ? 1 : 0;
                engine.upsert(listing.toWatchlistEntry());
                applied++;
            }
            return applied;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Takes each analyst link that is newer than the one held for its pair; answers how many were taken. */
    public int applyLinks(Collection<SubjectLink> changes) {
        lock.writeLock().lock();
        try {
            int applied = 0;
            for (SubjectLink link : changes) {
                SubjectLink held = links.get(link.pairKey());
                if (held == null || held.version() < link.version()) {
                    takeLink(link);
                    applied++;
                }
            }
            return applied;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void takeLink(SubjectLink link) {
        SubjectLink held = links.put(link.pairKey(), link);
        if (held != null) {
            version.remove(held.pairKey(), held.version());
        }
        version.add(link.pairKey(), link.version());
        if (link.sameSubject()) {
            subjects.link(link.designationA(), link.designationB());
        } else {
            subjects.unlink(link.designationA(), link.designationB());
        }
    }

    /** Runs the work against one consistent state; changes wait until it is done, so keep it to screening. */
    public <T> T read(Function<View, T> work) {
        lock.readLock().lock();
        try {
            return work.apply(view);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Per source list: entries held and the newest listing date, in list order. */
    public List<WatchlistStatus.ListStatus> lists() {
        return read(v -> {
            Map<String, int[]> counts = new java.util.TreeMap<>();
            Map<String, java.time.LocalDate> newest = new HashMap<>();
            for (Listing listing : listings.values()) {
                String list = listing.sourceList() == null ? "(none)" : listing.sourceList();
                counts.computeIfAbsent(list, k -> new int[2])[listing.active() ? 0 : 1]++;
                if (listing.listedOn() != null) {
                    newest.merge(list, listing.listedOn(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
            List<WatchlistStatus.ListStatus> out = new ArrayList<>(counts.size());
            counts.forEach((list, c) -> out.add(new WatchlistStatus.ListStatus(list, c[0], c[1], newest.get(list))));
            return out;
        });
    }

    public Summary summary() {
        return read(v -> new Summary(v.version(), listings.size(), active, listings.size() - active));
    }

    public boolean loaded() {
        return loaded.getCount() == 0;
    }

    public void awaitLoaded() throws InterruptedException {
        loaded.await();
    }

    private final View view = new View() {
        @Override
        public String version() {
            return version.value();
        }

        @Override
        public List<Hit> screen(Query query, double threshold, int limit, Predicate<Listing> filter) {
            return hits(engine.screen(query, threshold, limit, listed(filter)));
        }

        @Override
        public List<Hit> screenEntries(Query query, double threshold, int limit, Collection<String> entryIds,
                                       Predicate<Listing> filter) {
            return hits(engine.screenEntries(query, threshold, limit, entryIds, listed(filter)));
        }

        @Override
        public SubjectGrouping.Subject subjectOf(String designationId) {
            return subjects.subjectOfListing(designationId).orElseThrow();
        }

        @Override
        public Optional<SubjectGrouping.Subject> subject(String subjectId) {
            return subjects.subject(subjectId);
        }

        @Override
        public Listing listing(String designationId) {
            return listings.get(designationId);
        }

        private Predicate<String> listed(Predicate<Listing> filter) {
            return id -> {
                Listing listing = listings.get(id);
                return listing != null && filter.test(listing);
            };
        }

        private List<Hit> hits(List<Match> matches) {
            return matches.stream().map(m -> new Hit(listings.get(m.entryId()), m)).toList();
        }
    };
}
