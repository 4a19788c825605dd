package io.sanctionsradar.screening.monitoring;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sanctionsradar.screening.monitoring.PartyStore.Outcome;
import io.sanctionsradar.screening.monitoring.PartyStore.Upserted;
import io.sanctionsradar.screening.screenings.ScreeningRequest;
import io.sanctionsradar.screening.screenings.ScreeningResult;
import io.sanctionsradar.screening.screenings.ScreeningService;
import io.sanctionsradar.support.api.Paging;
import io.sanctionsradar.support.audit.AuditTrail;
import io.sanctionsradar.support.errors.FieldError;
import io.sanctionsradar.support.errors.InvalidRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Keeps each portfolio's book of monitored parties: a stored party is screened against the whole watchlist at
 * once (with a receipt like any screening) and its hits become alerts (see {@link AlertMonitor}).
 */
@ApplicationScoped
public class MonitoringService {

    public static final int MAX_BULK = 10_000;
    public static final int MAX_CSV_BULK = 100_000;
    public static final int MAX_PAGE = 1000;
    private static final int MAX_SEARCH = 200;
    public static final String DEFAULT_PORTFOLIO = "default";
    private static final Pattern PARTY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");
    private static final Pattern PORTFOLIO = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @Inject
    PartyStore parties;

    @Inject
    PortfolioStore portfolioStore;

    @Inject
    ScreeningService screening;

    @Inject
    AlertMonitor monitor;

    @Inject
    AuditTrail audit;

    /** A stored party, what storing it did, and its screening against the current watchlist. */
    public record PartyScreening(MonitoredParty party, Outcome outcome, ScreeningResult screening) {
    }

    public PartyScreening upsert(String portfolio, String partyId, PartyDetails details) {
        List<FieldError> errors = checkIds(portfolio, partyId, "partyId");
        if (details == null) {
            errors.add(new FieldError("(body)", "must be a party object"));
        } else {
            if (details.partyId() != null && !details.partyId().equals(partyId)) {
                errors.add(new FieldError("partyId", "must be the id in the path, " + partyId));
            }
            errors.addAll(ScreeningService.check(request(details), ""));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest("The monitored party is invalid", errors);
        }
        Stored stored = store(portfolio, List.of(new PartyDetails(partyId, details.name(), details.type(),
                details.birthDate(), details.country(), details.identifiers())), result -> result, false);
        return new PartyScreening(stored.upserted().get(0).party(), stored.upserted().get(0).outcome(),
                stored.results().get(0).result());
    }

    /** Parties stored, and the screenings kept of them. */
    private record Stored(List<Upserted> upserted, UUID batchId, String watchlistVersion, List<PartyScreened> results) {
    }

    private record PartyScreened(String partyId, ScreeningResult result) {
    }

    /** Parties screened and alerted per part of this size: a bulk upsert never holds all its answers at once. */
    private static final int PART = 2_000;
    private static final int BULK_TIMEOUT_SECONDS = 600;

    /**
     * Stores parties, their alerts and the receipts of their screenings in one transaction, the monitoring index
     * in step (put back if it fails). Of each answer, only what {@code keep} makes of it is kept (null: nothing).
     * The audit trail records one party, or a bulk upsert as a whole, in the same transaction.
     */
    private Stored store(String portfolio, List<PartyDetails> book, UnaryOperator<ScreeningResult> keep,
                         boolean bulk) {
        Stored stored;
        try {
            // a book of 100,000 is one transaction: give it longer than the default minute
            stored = QuarkusTransaction.requiringNew().timeout(BULK_TIMEOUT_SECONDS).call(() -> {
                List<Upserted> upserted = parties.upsertAll(portfolio, book);
                UUID batchId = UUID.randomUUID();
                List<PartyScreened> kept = new ArrayList<>();
                ScreeningService.BatchResult screened = null;
                int matched = 0;
                for (int from = 0; from < upserted.size(); from += PART) {
                    List<MonitoredParty> part = upserted.subList(from, Math.min(from + PART, upserted.size())).stream()
                            .map(Upserted::party).toList();
                    screened = monitor.partiesStored(portfolio, part, batchId);
                    matched += screened.matched();
                    screening.keepReceipts(screened.results(), from, portfolio);
                    for (int i = 0; i < part.size(); i++) {
                        ScreeningResult result = keep.apply(screened.results().get(i));
                        if (result != null) {
                            kept.add(new PartyScreened(part.get(i).partyId(), result));
                        }
                    }
                }
                screening.keepBatchReceipt(batchId, screened.screenedAt(), screened.watchlistVersion(), upserted.size(),
                        matched, "json", portfolio);
                audited(portfolio, upserted, batchId, bulk);
                return new Stored(upserted, batchId, screened.watchlistVersion(), kept);
            });
        } catch (RuntimeException e) {
            monitor.restore(portfolio, book.stream().map(PartyDetails::partyId).toList());
            throw e;
        }
        return stored;
    }

    private void audited(String portfolio, List<Upserted> upserted, UUID batchId, boolean bulk) {
        if (!bulk) {
            MonitoredParty party = upserted.get(0).party();
            audit.record("party.saved", "party/" + portfolio + "/" + party.partyId(),
                    Map.of("outcome", upserted.get(0).outcome().name(), "version", party.version()));
            return;
        }
        Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("received", upserted.size());
        for (Outcome outcome : Outcome.values()) {
            detail.put(outcome.name().toLowerCase(java.util.Locale.ROOT),
                    upserted.stream().filter(u -> u.outcome() == outcome).count());
        }
        detail.put("screeningBatchId", batchId.toString());
        audit.record("parties.bulk-saved", "portfolio/" + portfolio, detail);
    }

    /** The answer to a bulk upsert: counts, the screening batch, and the parties that matched something. */
    public record BulkResult(String portfolio, int received, int created, int updated, int unchanged,
                             java.util.UUID batchId, String watchlistVersion, List<PartyHits> matched) {
    }

    public record PartyHits(String partyId, List<ScreeningResult.MatchView> matches) {
    }

    /** Stores every party of a JSON array in one transaction (all or none), then screens them as one batch. */
    public BulkResult bulk(String portfolio, List<PartyDetails> book) {
        if (book == null || book.isEmpty() || book.size() > MAX_BULK) {
            List<FieldError> errors = checkPortfolio(portfolio);
            errors.add(new FieldError("(body)", "must be a JSON array of 1 to " + MAX_BULK
                    + " parties (upload a CSV file, Content-Type: text/csv, for up to " + MAX_CSV_BULK + ")"));
            throw new InvalidRequest("Invalid bulk upsert", errors);
        }
        return bulk(portfolio, book, i -> "[" + i + "]", List.of());
    }

    /** Parties read from a CSV file, each with its line, for error messages. */
    public record CsvBook(List<PartyDetails> parties, List<Long> lines, List<FieldError> errors) {
    }

    /** Stores every party of a CSV file in one transaction (all or none); errors name the line. */
    public BulkResult bulkCsv(String portfolio, CsvBook book) {
        return bulk(portfolio, book.parties(), i -> "[line " + book.lines().get(i) + "]", book.errors());
    }

    private BulkResult bulk(String portfolio, List<PartyDetails> book, java.util.function.IntFunction<String> where,
                            List<FieldError> readErrors) {
        List<FieldError> errors = checkPortfolio(portfolio);
        errors.addAll(readErrors);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < book.size(); i++) {
            PartyDetails details = book.get(i);
            if (details == null) {
                errors.add(new FieldError(where.apply(i), "must be a party object"));
                continue;
            }
            checkPartyId(errors, details.partyId(), where.apply(i) + ".partyId");
            if (details.partyId() != null && !seen.add(details.partyId())) {
                errors.add(new FieldError(where.apply(i) + ".partyId", "appears twice in the request"));
            }
            errors.addAll(ScreeningService.check(request(details), where.apply(i)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors.size() + " error(s) in the bulk upsert; nothing was stored", errors);
        }
        // the answer lists the matched parties only, without explanations (they are in the receipts and alerts)
        Stored stored = store(portfolio, book,
                result -> result.matches().isEmpty() ? null : result.withoutExplanations(), true);
        int[] counts = new int[Outcome.values().length];
        stored.upserted().forEach(u -> counts[u.outcome().ordinal()]++);
        List<PartyHits> matched = stored.results().stream()
                .map(r -> new PartyHits(r.partyId(), r.result().matches())).toList();
        return new BulkResult(portfolio, book.size(), counts[Outcome.CREATED.ordinal()],
                counts[Outcome.UPDATED.ordinal()], counts[Outcome.UNCHANGED.ordinal()], stored.batchId(),
                stored.watchlistVersion(), matched);
    }

    public java.util.Optional<MonitoredParty> find(String portfolio, String partyId) {
        throwIfInvalid(checkIds(portfolio, partyId, "partyId"));
        return parties.find(portfolio, partyId);
    }

    /** The parties of the scope's portfolios by id; {@code q}, if given, narrows to names or ids containing it. */
    public PartyStore.Page list(PortfolioScope scope, String q, Paging page) {
        List<FieldError> errors = checkPortfolios(scope);
        if (q != null && (q.isBlank() || q.length() > MAX_SEARCH)) {
            errors.add(new FieldError("q", "must be 1 to " + MAX_SEARCH + " characters of a name or party id"));
        }
        throwIfInvalid(errors);
        return parties.list(scope, q, page.offset(), page.size());
    }

    /** The scope's portfolios that hold parties or alerts, by name. */
    public PortfolioStore.PortfolioSummaries portfolios(PortfolioScope scope) {
        return portfolioStore.overview(scope);
    }

    public boolean delete(String portfolio, String partyId) {
        throwIfInvalid(checkIds(portfolio, partyId, "partyId"));
        boolean deleted;
        try {
            deleted = QuarkusTransaction.requiringNew().call(() -> {
                boolean found = parties.delete(portfolio, partyId);
                if (found) {
                    monitor.partyRemoved(portfolio, partyId);
                    audit.record("party.deleted", "party/" + portfolio + "/" + partyId, Map.of());
                }
                return found;
            });
        } catch (RuntimeException e) {
            monitor.restore(portfolio, List.of(partyId));
            throw e;
        }
        return deleted;
    }

    static ScreeningRequest request(PartyDetails details) {
        return new ScreeningRequest(details.name(), details.type(), details.birthDate(), details.country(),
                null, null, null, null, null, null, details.identifiers());
    }

    private static List<FieldError> checkIds(String portfolio, String partyId, String partyField) {
        List<FieldError> errors = checkPortfolio(portfolio);
        checkPartyId(errors, partyId, partyField);
        return errors;
    }

    static List<FieldError> checkPortfolio(String portfolio) {
        List<FieldError> errors = new ArrayList<>();
        if (portfolio == null || !PORTFOLIO.matcher(portfolio).matches()) {
            errors.add(new FieldError("portfolio",
                    "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        return errors;
    }

    /** The portfolios a request named, each well-formed (one error for them all). */
    static List<FieldError> checkPortfolios(PortfolioScope scope) {
        return scope.named().stream().map(MonitoringService::checkPortfolio).filter(e -> !e.isEmpty()).findFirst()
                .orElseGet(ArrayList::new);
    }

    static void checkPartyId(List<FieldError> errors, String partyId, String field) {
        if (partyId == null || !PARTY_ID.matcher(partyId).matches()) {
            errors.add(new FieldError(field,
                    "must be 1 to 128 letters, digits, '.', '_', ':', '@' or '-', starting with a letter or digit"));
        }
    }

    private static void throwIfInvalid(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequest("Invalid portfolio or party id", errors);
        }
    }
}
