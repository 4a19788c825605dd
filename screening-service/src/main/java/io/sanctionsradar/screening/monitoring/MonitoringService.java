package io.sanctionsradar.screening.monitoring;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sanctionsradar.screening.monitoring.PartyStore.Outcome;
import io.sanctionsradar.screening.monitoring.PartyStore.Upserted;
import io.sanctionsradar.screening.screening.InvalidRequest;
import io.sanctionsradar.screening.screening.ScreeningRequest;
import io.sanctionsradar.screening.screening.ScreeningResult;
import io.sanctionsradar.screening.screening.ScreeningService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps each portfolio's book of monitored parties and screens a party against the whole watchlist as soon as
 * it is stored, with a receipt like any screening.
 */
@ApplicationScoped
public class MonitoringService {

    public static final int MAX_BULK = 10_000;
    public static final String DEFAULT_PORTFOLIO = "default";
    private static final Pattern PARTY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");
    private static final Pattern PORTFOLIO = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @Inject
    PartyStore parties;

    @Inject
    ScreeningService screening;

    /** A stored party, what storing it did, and its screening against the current watchlist. */
    public record PartyScreening(MonitoredParty party, Outcome outcome, ScreeningResult screening) {
    }

    public PartyScreening upsert(String portfolio, String partyId, PartyDetails details) {
        List<InvalidRequest.FieldError> errors = checkIds(portfolio, partyId, "partyId");
        if (details == null) {
            errors.add(new InvalidRequest.FieldError("(body)", "must be a party object"));
        } else {
            if (details.partyId() != null && !details.partyId().equals(partyId)) {
                errors.add(new InvalidRequest.FieldError("partyId", "must be the id in the path, " + partyId));
            }
            errors.addAll(ScreeningService.check(request(details), ""));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest("The monitored party is invalid", errors);
        }
        Upserted stored = parties.upsert(portfolio, partyId, details);
        return new PartyScreening(stored.party(), stored.outcome(), screening.screen(request(details)));
    }

    /** The answer to a bulk upsert: counts, the screening batch, and the parties that matched something. */
    public record BulkResult(String portfolio, int received, int created, int updated, int unchanged,
                             java.util.UUID batchId, String watchlistVersion, List<PartyHits> matched) {
    }

    public record PartyHits(String partyId, List<ScreeningResult.MatchView> matches) {
    }

    /** Stores every party in one transaction (all or none), then screens them as one batch. */
    public BulkResult bulk(String portfolio, List<PartyDetails> book) {
        List<InvalidRequest.FieldError> errors = checkPortfolio(portfolio);
        if (book == null || book.isEmpty() || book.size() > MAX_BULK) {
            errors.add(new InvalidRequest.FieldError("(body)", "must be a JSON array of 1 to " + MAX_BULK + " parties"));
            throw new InvalidRequest("Invalid bulk upsert", errors);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < book.size(); i++) {
            PartyDetails details = book.get(i);
            if (details == null) {
                errors.add(new InvalidRequest.FieldError("[" + i + "]", "must be a party object"));
                continue;
            }
            checkPartyId(errors, details.partyId(), "[" + i + "].partyId");
            if (details.partyId() != null && !seen.add(details.partyId())) {
                errors.add(new InvalidRequest.FieldError("[" + i + "].partyId", "appears twice in the request"));
            }
            errors.addAll(ScreeningService.check(request(details), "[" + i + "]"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors.size() + " error(s) in the bulk upsert; nothing was stored", errors);
        }
        int[] counts = new int[Outcome.values().length];
        QuarkusTransaction.requiringNew().run(() -> {
            for (PartyDetails details : book) {
                counts[parties.upsert(portfolio, details.partyId(), details).outcome().ordinal()]++;
            }
        });
        ScreeningService.BatchResult batch = screening.screenBatch(book.stream().map(MonitoringService::request).toList());
        List<PartyHits> matched = new ArrayList<>();
        for (int i = 0; i < book.size(); i++) {
            if (!batch.results().get(i).matches().isEmpty()) {
                matched.add(new PartyHits(book.get(i).partyId(), batch.results().get(i).matches()));
            }
        }
        return new BulkResult(portfolio, book.size(), counts[Outcome.CREATED.ordinal()],
                counts[Outcome.UPDATED.ordinal()], counts[Outcome.UNCHANGED.ordinal()], batch.batchId(),
                batch.watchlistVersion(), matched);
    }

    public java.util.Optional<MonitoredParty> find(String portfolio, String partyId) {
        throwIfInvalid(checkIds(portfolio, partyId, "partyId"));
        return parties.find(portfolio, partyId);
    }

    public PartyStore.Page list(String portfolio, int offset, int size) {
        throwIfInvalid(checkPortfolio(portfolio));
        return parties.list(portfolio, Math.max(0, offset), Math.max(1, Math.min(size, 1000)));
    }

    public boolean delete(String portfolio, String partyId) {
        throwIfInvalid(checkIds(portfolio, partyId, "partyId"));
        return parties.delete(portfolio, partyId);
    }

    private static ScreeningRequest request(PartyDetails details) {
        return new ScreeningRequest(details.name(), details.type(), details.birthDate(), details.country(),
                null, null, null, null, null, null);
    }

    private static List<InvalidRequest.FieldError> checkIds(String portfolio, String partyId, String partyField) {
        List<InvalidRequest.FieldError> errors = checkPortfolio(portfolio);
        checkPartyId(errors, partyId, partyField);
        return errors;
    }

    private static List<InvalidRequest.FieldError> checkPortfolio(String portfolio) {
        List<InvalidRequest.FieldError> errors = new ArrayList<>();
        if (portfolio == null || !PORTFOLIO.matcher(portfolio).matches()) {
            errors.add(new InvalidRequest.FieldError("portfolio",
                    "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        return errors;
    }

    private static void checkPartyId(List<InvalidRequest.FieldError> errors, String partyId, String field) {
        if (partyId == null || !PARTY_ID.matcher(partyId).matches()) {
            errors.add(new InvalidRequest.FieldError(field,
                    "must be 1 to 128 letters, digits, '.', '_', ':', '@' or '-', starting with a letter or digit"));
        }
    }

    private static void throwIfInvalid(List<InvalidRequest.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequest("Invalid portfolio or party id", errors);
        }
    }
}
