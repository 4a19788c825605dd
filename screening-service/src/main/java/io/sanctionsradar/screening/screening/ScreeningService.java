package io.sanctionsradar.screening.screening;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sanctionsradar.screening.matching.MatchingEngine;
import io.sanctionsradar.screening.matching.Query;
import io.sanctionsradar.screening.screening.ReceiptStore.BatchReceipt;
import io.sanctionsradar.screening.screening.ScreeningResult.MatchView;
import io.sanctionsradar.screening.watchlist.Listing;
import io.sanctionsradar.screening.watchlist.Watchlist;
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

    @ConfigProperty(name = "screening.default-threshold")
    java.util.Optional<Double> configuredThreshold;

    /** The threshold of a query that names none: the engine's calibrated default unless configured otherwise. */
    public double defaultThreshold() {
        return configuredThreshold.orElse(MatchingEngine.DEFAULT_THRESHOLD);
    }

    /** The errors of a query, fields prefixed for batch items ("[12].name"); empty if it may be screened. */
    public static List<InvalidRequest.FieldError> check(ScreeningRequest request, String prefix) {
        return QueryRules.check(request, prefix);
    }

    public ScreeningResult screen(ScreeningRequest request) {
        List<InvalidRequest.FieldError> errors = QueryRules.check(request, "");
        if (!errors.isEmpty()) {
            throw new InvalidRequest("The screening request is invalid", errors);
        }
        ScreeningResult result = evaluate(request);
        keepReceipt(result);
        return result;
    }

    /** Screens a checked query without keeping a receipt (see {@link #keepReceipt}). */
    public ScreeningResult evaluate(ScreeningRequest request) {
        Instant now = Instant.now();
        return watchlist.read(view -> screen(view, request, null, now));
    }

    /** Stores the receipt of an answer; returns once it is committed. */
    public void keepReceipt(ScreeningResult result) {
        receiptWriter.store(result);
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
        return watchlist.read(view -> (queries.size() >= PARALLEL_FROM ? indexes.parallel() : indexes)
                .mapToObj(i -> {
                    ScreeningRequest request = queries.get(i);
                    Set<String> entryIds = entryIdsOfQuery.get(i);
                    double threshold = request.threshold() != null ? request.threshold() : defaultThreshold();
                    int limit = request.limit() != null ? request.limit() : DEFAULT_LIMIT;
                    Query query = new Query(request.name(), request.type(), request.birthDate(), request.country());
                    // a few entries are scored directly; against many, a search filtered to them is cheaper
                    List<Watchlist.Hit> hits = entryIds.size() <= DIRECT_ENTRIES
                            ? view.screenEntries(query, threshold, limit, entryIds, filter(request))
                            : view.screen(query, threshold, limit, filter(request)
                                    .and(listing -> entryIds.contains(listing.designationId())));
                    List<MatchView> matches = hits.stream().map(hit -> view(hit.listing(), hit)).toList();
                    return new ScreeningResult(UUID.randomUUID(), null, now, view.version(), MatchingEngine.ALGORITHM,
                            threshold, request, matches);
                }).toList());
    }

    private static final int PARALLEL_FROM = 1_000;
    private static final int DIRECT_ENTRIES = 32;

    /** The answer to a JSON batch: every query against the same watchlist version, each with its own receipt. */
    public record BatchResult(UUID batchId, Instant screenedAt, String watchlistVersion, String algorithm,
                              int count, int matched, List<ScreeningResult> results) {
    }

    public BatchResult screenBatch(List<ScreeningRequest> queries) {
        if (queries == null || queries.isEmpty()) {
            throw new InvalidRequest("A batch needs at least one query",
                    List.of(new InvalidRequest.FieldError("(body)", "must be a non-empty JSON array of queries")));
        }
        if (queries.size() > MAX_BATCH) {
            throw new InvalidRequest("A JSON batch holds at most " + MAX_BATCH + " queries; upload a CSV file "
                    + "(Content-Type: text/csv) for more", List.of(new InvalidRequest.FieldError("(body)",
                    "has " + queries.size() + " queries, more than " + MAX_BATCH)));
        }
        List<InvalidRequest.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            errors.addAll(QueryRules.check(queries.get(i), "[" + i + "]"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors.size() + " error(s) in the batch; nothing was screened", errors);
        }
        BatchResult batch = evaluateBatch(queries);
        keepReceipts(batch);
        return batch;
    }

    /** Screens checked queries against one watchlist state as a batch, without keeping receipts. */
    public BatchResult evaluateBatch(List<ScreeningRequest> queries) {
        return evaluateBatch(queries, UUID.randomUUID());
    }

    /** The same, as one part of a larger batch. */
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
     * Stores the receipts of part of a batch (its answers from firstIndex on) in the caller's transaction; the
     * last part also stores the batch's own receipt with the totals.
     */
    public void keepReceipts(BatchResult part, int firstIndex, BatchResult totals) {
        receipts.save(part.results(), firstIndex);
        if (totals != null) {
            receipts.saveBatch(new BatchReceipt(totals.batchId(), totals.screenedAt(), totals.watchlistVersion(),
                    totals.algorithm(), totals.count(), totals.matched(), "json"));
        }
    }

    /** Stores the receipts of a batch and of each of its answers in one transaction. */
    public void keepReceipts(BatchResult batch) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int from = 0; from < batch.results().size(); from += RECEIPT_CHUNK) {
                receipts.save(batch.results().subList(from, Math.min(from + RECEIPT_CHUNK, batch.results().size())), from);
            }
            receipts.saveBatch(new BatchReceipt(batch.batchId(), batch.screenedAt(), batch.watchlistVersion(), batch.algorithm(),
                    batch.count(), batch.matched(), "json"));
        });
    }

    /** Screens already-checked queries of a larger batch (CSV) against one state; their receipts are stored. */
    List<ScreeningResult> screenChunk(List<ScreeningRequest> queries, UUID batchId, int firstIndex) {
        Instant now = Instant.now();
        List<ScreeningResult> results = watchlist.read(view -> queries.stream()
                .map(q -> screen(view, q, batchId, now)).toList());
        receipts.save(results, firstIndex);
        return results;
    }

    private ScreeningResult screen(Watchlist.View view, ScreeningRequest request, UUID batchId, Instant now) {
        double threshold = request.threshold() != null ? request.threshold() : defaultThreshold();
        int limit = request.limit() != null ? request.limit() : DEFAULT_LIMIT;
        Query query = new Query(request.name(), request.type(), request.birthDate(), request.country());
        List<MatchView> matches = view.screen(query, threshold, limit, filter(request)).stream()
                .map(hit -> view(hit.listing(), hit)).toList();
        return new ScreeningResult(UUID.randomUUID(), batchId, now, view.version(), MatchingEngine.ALGORITHM,
                threshold, request, matches);
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
