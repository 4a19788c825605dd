package io.sanctionsradar.designation.service;

import io.quarkus.scheduler.Scheduled;
import io.sanctionsradar.designation.persistence.DesignationStore;
import io.sanctionsradar.designation.persistence.IdempotentRequestEntity;
import io.sanctionsradar.support.errors.FieldError;
import io.sanctionsradar.support.errors.InvalidRequest;
import io.sanctionsradar.support.errors.Unprocessable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Makes a POST safe to retry: the first request with an {@code Idempotency-Key} runs and its response is stored
 * in the same transaction; a retry with the same key and body gets that response again, nothing runs twice.
 */
@ApplicationScoped
public class IdempotentRequests {

    public record Outcome(int status, String body, String location, boolean replayed) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    DesignationStore store;

    @ConfigProperty(name = "idempotency.retention")
    Duration retention;

    @Transactional
    public Outcome execute(String key, String operation, Object request, Supplier<Outcome> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw InvalidRequest.of("Idempotency-Key", "must be 1 to 255 visible ASCII characters, e.g. a UUID");
        }
        // a concurrent retry with the same key waits here until the first one has committed its response
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", key).getSingleResult();
        String hash = sha256(operation + "\n" + store.write(request));
        IdempotentRequestEntity stored = IdempotentRequestEntity.findById(key);
        if (stored != null) {
            if (!stored.requestHash.equals(hash)) {
                throw new Unprocessable("Idempotency-Key " + key
                        + " was already used for a different request (" + stored.operation + ")",
                        List.of(new FieldError("Idempotency-Key", "already used for a different request")));
            }
            return new Outcome(stored.responseStatus, stored.responseBody, stored.location, true);
        }
        Outcome outcome = action.get();
        IdempotentRequestEntity record = new IdempotentRequestEntity();
        record.key = key;
        record.operation = operation;
        record.requestHash = hash;
        record.responseStatus = outcome.status();
        record.responseBody = outcome.body();
        record.location = outcome.location();
        record.createdAt = Instant.now();
        record.persist();
        return outcome;
    }

    /** Keys are kept long enough for any client's retries, not forever. */
    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void forgetOldKeys() {
        IdempotentRequestEntity.delete("createdAt < ?1", Instant.now().minus(retention));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
