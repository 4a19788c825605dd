package io.sanctionsradar.screening.screenings;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sanctionsradar.matching.MatchingEngine;
import io.sanctionsradar.matching.Query;
import io.sanctionsradar.screening.screenings.ReceiptStore.BatchReceipt;
import io.sanctionsradar.screening.screenings.ScreeningResult.MatchView;
import io.sanctionsradar.screening.watchlist.Listing;
import io.sanctionsradar.screening.watchlist.Watchlist;
import io.sanctionsradar.support.errors.FieldError;
import io.sanctionsradar.support.errors.InvalidRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Screens names against the watchlist and keeps a receipt of every answer. A single screening or a JSON batch
 * runs against one consistent watchlist state, whose version the answer names.
 */
@ApplicationScoped
public class ScreeningService {

    public static final int MAX_BATCH = 10_000;
    static final int DEFAULT_LIMIT = 10;
    private static final int RECEIPT_CHUNK = 1_000;

    @Inject
    Watchlist watchlist;

    @Inject
    ReceiptStore receipts;

    @Inject
    ReceiptWriter receiptWriter;

    @Inject
    ScreeningMetrics metrics;

    @ConfigProperty(name = "screening.default-threshold")
    java.util.Optional<Double> configuredThreshold;

    /** The threshold of a query that names none: the engine's calibrated default unless configured otherwise. */
    public double defaultThreshold() {
        return configuredThreshold.orElse(MatchingEngine.DEFAULT_THRESHOLD);
    }

    /** The errors of a query, fields prefixed for batch items ("[12].name"); empty if it may be screened. */
    public static List<FieldError> check(ScreeningRequest request, String prefix) {
        return QueryRules.check(request, prefix);
    }

    public ScreeningResult screen(ScreeningRequest request) {
        long started = System.nanoTime();
        List<FieldError> errors = QueryRules.check(request, "");
        if (!errors.isEmpty()) {
            metrics.rejected(started);
            throw new InvalidRequest("The screening request is invalid", errors);
        }
        Instant now = Instant.now();
        ScreeningResult result = watchlist.read(view -> screen(view, request, null, now));
        receiptWriter.store(result);
        return result;
    }

    /**
     * Screens checked queries against one watchlist state, each only against its entries (scored exactly as a
     * screening scores them), without receipts: monitoring checks its candidates against what just changed, and
     * its alerts are the evidence.
     */
    public List<ScreeningResult> evaluateAgainst(List<ScreeningRequest> queries, List<Set<String>> entryIdsOfQuery) {
        Instant now = Instant.now();
        // the read lock is held by this thread for the whole run, so the pool's threads may screen in parallel
        IntStream indexes = IntStream.range(0, queries.size());
        return watchlist.read(view -> (queries.size() >= PARALLEL_AGAINST_FROM ? indexes.parallel() : indexes)
                .mapToObj(i -> {
                    Set<String> entryIds = entryIdsOfQuery.get(i);
                    // a few entries are scored directly; against many, a search filtered to them is cheaper
                    Search search = entryIds.size() <= DIRECT_ENTRIES
                            ? (query, threshold, limit, filter) -> view.screenEntries(query, threshold, limit, entryIds, filter)
                            : (query, threshold, limit, filter) -> view.screen(query, threshold, limit,
                                    filter.and(listing -> entryIds.contains(listing.designationId())));
                    return screen(view, queries.get(i), null, now, search);
                }).toList());
    }

    private static final int PARALLEL_FROM = 1_000;
    /**
     * A listing's candidates are checked on every core from this many: each check is cheap, but the listing's
     * alerts wait for the last one (docs/benchmarks.md, ongoing monitoring).
     */
    public static final int PARALLEL_AGAINST_FROM = 64;
    private static final int DIRECT_ENTRIES = 32;

    /** The answer to a JSON batch: every query against the same watchlist version, each with its own receipt. */
    public record BatchResult(UUID batchId, Instant screenedAt, String watchlistVersion, String algorithm,
                              int count, int matched, List<ScreeningResult> results) {
    }

    public BatchResult screenBatch(List<ScreeningRequest> queries) {
        if (queries == null || queries.isEmpty()) {
            throw new InvalidRequest("A batch needs at least one query",
                    List.of(new FieldError("(body)", "must be a non-empty JSON array of queries")));
        }
        if (queries.size() > MAX_BATCH) {
            throw new InvalidRequest("A JSON batch holds at most " + MAX_BATCH + " queries; upload a CSV file "
                    + "(Content-Type: text/csv) for more", List.of(new FieldError("(body)",
                    "has " + queries.size() + " queries, more than " + MAX_BATCH)));
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            long started = System.nanoTime();
            List<FieldError> queryErrors = QueryRules.check(queries.get(i), "[" + i + "]");
            if (!queryErrors.isEmpty()) {
                metrics.rejected(started);
                errors.addAll(queryErrors);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors.size() + " error(s) in the batch; nothing was screened", errors);
        }
        BatchResult batch = evaluateBatch(queries, UUID.randomUUID());
        QuarkusTransaction.requiringNew().run(() -> {
            keepReceipts(batch.results(), 0, null);
            keepBatchReceipt(batch.batchId(), batch.screenedAt(), batch.watchlistVersion(), batch.count(),
                    batch.matched(), "json", null);
        });
        return batch;
    }

    /** Screens checked queries against one watchlist state as (part of) a batch, without keeping receipts. */
    public BatchResult evaluateBatch(List<ScreeningRequest> queries, UUID batchId) {
        Instant now = Instant.now();
        return watchlist.read(view -> {
            // the read lock is held by this thread for the whole run, so the pool's threads may screen in parallel
            List<ScreeningResult> results = (queries.size() >= PARALLEL_FROM ? queries.parallelStream() : queries.stream())
                    .map(query -> screen(view, query, batchId, now)).toList();
            int matched = (int) results.stream().filter(r -> !r.matches().isEmpty()).count();
            return new BatchResult(batchId, now, view.version(), MatchingEngine.ALGORITHM, results.size(), matched,
                    results);
        });
    }

    /**
     * Stores the receipts of a batch's answers, the first of them at firstIndex, in the caller's transaction;
     * {@code portfolio} is that of the monitored parties screened, null for a direct screening.
     */
    public void keepReceipts(List<ScreeningResult> results, int firstIndex, String portfolio) {
        for (int from = 0; from < results.size(); from += RECEIPT_CHUNK) {
            receipts.save(results.subList(from, Math.min(from + RECEIPT_CHUNK, results.size())), firstIndex + from,
                    portfolio);
        }
    }

    /** Stores a batch's own receipt (its totals; source json or csv), in the caller's transaction if any. */
    public void keepBatchReceipt(UUID batchId, Instant screenedAt, String watchlistVersion, int count, int matched,
                                 String source, String portfolio) {
        receipts.saveBatch(new BatchReceipt(batchId, screenedAt, watchlistVersion, MatchingEngine.ALGORITHM, count,
                matched, source, portfolio));
    }

    /** Screens already-checked queries of a larger batch (CSV) against one state; their receipts are stored. */
    List<ScreeningResult> screenChunk(List<ScreeningRequest> queries, UUID batchId, int firstIndex) {
        Instant now = Instant.now();
        List<ScreeningResult> results = watchlist.read(view -> queries.stream()
                .map(q -> screen(view, q, batchId, now)).toList());
        receipts.save(results, firstIndex);
        return results;
    }

    /** How a query finds its hits in one watchlist state: a search, or a check of given entries. */
    private interface Search {
        List<Watchlist.Hit> find(Query query, double threshold, int limit, Predicate<Listing> filter);
    }

    /** A name screened on request (alone, in a JSON batch or a CSV file): timed and counted. */
    private ScreeningResult screen(Watchlist.View view, ScreeningRequest request, UUID batchId, Instant now) {
        long started = System.nanoTime();
        ScreeningResult result = screen(view, request, batchId, now, view::screen);
        metrics.screened(started, result.matches().size());
        return result;
    }

    private ScreeningResult screen(Watchlist.View view, ScreeningRequest request, UUID batchId, Instant now,
                                   Search search) {
        double threshold = request.threshold() != null ? request.threshold() : defaultThreshold();
        int limit = request.limit() != null ? request.limit() : DEFAULT_LIMIT;
        Query query = new Query(request.name(), request.type(), request.birthDate(), request.country(),
                request.canonicalIdentifiers());
        Predicate<Listing> filter = filter(request);
        List<MatchView> matches = search.find(query, threshold, limit, filter).stream()
                .map(hit -> view(hit.listing(), hit)).toList();
        return new ScreeningResult(UUID.randomUUID(), batchId, now, view.version(), MatchingEngine.ALGORITHM,
                threshold, request, matches, SubjectAnswers.group(view, matches, filter));
    }

    private static Predicate<Listing> filter(ScreeningRequest request) {
        boolean includeDelisted = Boolean.TRUE.equals(request.includeDelisted());
        return listing -> (includeDelisted || listing.active())
                && (request.authorities().isEmpty() || request.authorities().contains(listing.authority()))
                && (request.sourceLists().isEmpty() || request.sourceLists().contains(listing.sourceList()))
                && (request.programs().isEmpty() || listing.programs().stream().anyMatch(request.programs()::contains));
    }

    private static MatchView view(Listing listing, Watchlist.Hit hit) {
        return new MatchView(listing.designationId(), listing.version(), listing.sourceList(), listing.sourceId(),
                listing.subject().name(), hit.match().matchedName(), Math.round(hit.match().score() * 10_000) / 10_000.0,
                listing.subject().type(), listing.authority(), listing.programs(), listing.measures(),
                listing.status(), listing.listedOn(), listing.delistedOn(), hit.match().explanation());
    }
}
