package io.sanctionsradar.notification.subscriptions;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sanctionsradar.notification.events.EventTypes;
import io.sanctionsradar.support.audit.AuditTrail;
import io.sanctionsradar.support.errors.FieldError;
import io.sanctionsradar.support.errors.InvalidRequest;
import io.sanctionsradar.support.errors.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/** Creating, changing, rotating and testing subscriptions; every URL passes the address check first. */
@ApplicationScoped
public class SubscriptionService {

    private static final Set<String> SUBJECT_TYPES = Set.of("PERSON", "ORGANIZATION", "VESSEL", "AIRCRAFT");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    /** A new subscription with its signing secret, which is shown this once. */
    public record Created(Subscription subscription, String secret) {
    }

    public record Rotated(String secret, OffsetDateTime previousSecretValidUntil) {
    }

    @Inject
    SubscriptionStore store;

    @Inject
    WebhookConfig config;

    @Inject
    AuditTrail audit;

    public Created create(SubscriptionRequest request) {
        validate(request);
        OffsetDateTime now = now();
        Subscription subscription = new Subscription(UUID.randomUUID(), request.url().trim(), request.description(),
                List.copyOf(request.eventTypes()), filterOf(request), !Boolean.FALSE.equals(request.enabled()),
                null, null, now, now);
        String secret = WebhookSecrets.generate();
        QuarkusTransaction.requiringNew().run(() -> {
            store.insert(subscription, secret);
            audited("subscription.created", subscription);
        });
        return new Created(subscription, secret);
    }

    public Subscription replace(UUID id, SubscriptionRequest request) {
        validate(request);
        return QuarkusTransaction.requiringNew().call(() -> {
            Subscription current = store.find(id).orElseThrow(() -> notFound(id));
            boolean enabled = request.enabled() == null ? current.enabled() : request.enabled();
            Subscription replaced = new Subscription(id, request.url().trim(), request.description(),
                    List.copyOf(request.eventTypes()), filterOf(request), enabled,
                    enabled ? null : Objects.requireNonNullElse(current.disabledReason(), "disabled by a user"),
                    current.previousSecretUntil(), current.createdAt(), now());
            store.replace(replaced);
            audited("subscription.replaced", replaced);
            return replaced;
        });
    }

    public Subscription get(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> store.find(id)).orElseThrow(() -> notFound(id));
    }

    public List<Subscription> list() {
        return QuarkusTransaction.requiringNew().call(store::list);
    }

    public void delete(UUID id) {
        boolean deleted = QuarkusTransaction.requiringNew().call(() -> {
            boolean found = store.delete(id);
            if (found) {
                audit.record("subscription.deleted", "subscription/" + id, Map.of());
            }
            return found;
        });
        if (!deleted) {
            throw notFound(id);
        }
    }

    /** A new secret; the old one keeps signing alongside it for {@code overlap} (default from configuration). */
    public Rotated rotateSecret(UUID id, Optional<Duration> overlap) {
        Duration keep = overlap.orElse(config.secretOverlap());
        if (keep.isNegative()) {
            throw InvalidRequest.of("overlap", "must not be negative");
        }
        String secret = WebhookSecrets.generate();
        OffsetDateTime until = now().plus(keep);
        boolean rotated = QuarkusTransaction.requiringNew().call(() -> {
            boolean found = store.rotate(id, secret, until);
            if (found) { // never the secret itself
                audit.record("subscription.secret-rotated", "subscription/" + id,
                        Map.of("overlap", keep.toString(), "previousSecretValidUntil", until.toString()));
            }
            return found;
        });
        if (!rotated) {
            throw notFound(id);
        }
        return new Rotated(secret, until);
    }

    private void audited(String action, Subscription subscription) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("url", subscription.url());
        detail.put("eventTypes", subscription.eventTypes());
        detail.put("filter", subscription.filter());
        detail.put("enabled", subscription.enabled());
        audit.record(action, "subscription/" + subscription.id(), detail);
    }

    private void validate(SubscriptionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        try {
            URI url = new URI(request.url().trim());
            WebhookAddresses.from(config, HostResolver.SYSTEM).refusal(url)
                    .ifPresent(reason -> errors.add(new FieldError("url", reason)));
        } catch (URISyntaxException e) {
            errors.add(new FieldError("url", "is not a URL: " + e.getReason()));
        }
        for (int i = 0; i < request.eventTypes().size(); i++) {
            if (!EventTypes.subscribable(request.eventTypes().get(i))) {
                errors.add(new FieldError("eventTypes[" + i + "]",
                        "unknown event type; one of " + String.join(", ", EventTypes.all())));
            }
        }
        SubscriptionFilter filter = filterOf(request);
        check(errors, "filter.authorities", filter.authorities(), v -> !v.isBlank(), "must not be blank");
        check(errors, "filter.programs", filter.programs(), v -> !v.isBlank(), "must not be blank");
        check(errors, "filter.subjectTypes", filter.subjectTypes(), SUBJECT_TYPES::contains,
                "one of " + String.join(", ", new java.util.TreeSet<>(SUBJECT_TYPES)));
        check(errors, "filter.countries", filter.countries(), v -> COUNTRY.matcher(v).matches(),
                "an ISO 3166 alpha-2 code such as RU");
        check(errors, "filter.portfolios", filter.portfolios(), v -> !v.isBlank(), "must not be blank");
        if (!filter.portfolios().isEmpty() && request.eventTypes().stream()
                .anyMatch(t -> EventTypes.DESIGNATION.contains(t) || EventTypes.UNFILTERED.contains(t))) {
            errors.add(new FieldError("filter.portfolios", "applies to screening.match.* events "
                    + "only; designation events have no portfolio and would never pass it"));
        }
        List<String> unfiltered = request.eventTypes().stream().filter(EventTypes.UNFILTERED::contains).sorted().toList();
        if (!unfiltered.isEmpty()) {
            noneFor(errors, String.join(", ", unfiltered), Map.of("filter.authorities", filter.authorities(),
                    "filter.programs", filter.programs(), "filter.subjectTypes", filter.subjectTypes(),
                    "filter.countries", filter.countries()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }

    /** Refuses the filters that the events can never pass: they have none of those facts. */
    private static void noneFor(List<FieldError> errors, String events, Map<String, List<String>> filters) {
        new TreeMap<>(filters).forEach((field, values) -> {
            if (!values.isEmpty()) {
                errors.add(new FieldError(field, events + " carry no such fact and would never pass it;"
                        + " subscribe to them without this filter"));
            }
        });
    }

    private static void check(List<FieldError> errors, String field, List<String> values,
                              java.util.function.Predicate<String> valid, String message) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null || !valid.test(values.get(i))) {
                errors.add(new FieldError(field + "[" + i + "]", message));
            }
        }
    }

    private static SubscriptionFilter filterOf(SubscriptionRequest request) {
        return request.filter() == null ? SubscriptionFilter.ANY : request.filter();
    }

    private static NotFound notFound(UUID id) {
        return new NotFound("No subscription " + id);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
