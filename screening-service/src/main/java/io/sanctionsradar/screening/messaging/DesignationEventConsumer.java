package io.sanctionsradar.screening.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sanctionsradar.matching.SubjectType;
import io.sanctionsradar.screening.watchlist.Listing;
import io.sanctionsradar.screening.watchlist.SubjectLink;
import io.sanctionsradar.screening.watchlist.WatchlistStore;
import io.sanctionsradar.screening.watchlist.WatchlistStore.Applied;
import io.sanctionsradar.screening.watchlist.WatchlistStore.Change;
import io.sanctionsradar.screening.watchlist.WatchlistStore.LinkChange;
import io.sanctionsradar.screening.watchlist.WatchlistStore.Position;
import io.sanctionsradar.screening.watchlist.WatchlistUpdates;
import io.sanctionsradar.support.tracing.Traces;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Materializes the watchlist from {@code sanctions.designations}, a batch of records at a time: the newer
 * designations, the alerts they raise on monitored parties, the newer analysts' subject links (dispatched on
 * {@code ce_type}) and this instance's positions commit in one transaction (the in-memory index takes the designations first, which is harmless if the commit fails: the
 * batch is retried and the index ignores versions it holds).
 * Positions live in the database (see {@link PositionSeeker}), so a restart resumes exactly where the last
 * commit left off; a redelivered or republished event is not newer than what is stored and changes nothing.
 */
@ApplicationScoped
public class DesignationEventConsumer {

    private static final Logger LOG = Logger.getLogger(DesignationEventConsumer.class);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);
    private static final int TX_TIMEOUT_SECONDS = 1800;

    @Inject
    WatchlistStore store;

    @Inject
    WatchlistUpdates updates;

    @Inject
    Traces traces;

    @ConfigProperty(name = "mp.messaging.incoming.designations.topic")
    String topic;

    /** The events whose data is a designation; the topic carries other news too (list syncs), which is not ours. */
    private static final Set<String> DESIGNATION_EVENTS = Set.of("sanctions.entity.listed", "sanctions.entity.amended",
            "sanctions.entity.delisted", "sanctions.countermeasure.imposed", "sanctions.countermeasure.lifted");

    private final Counter skipped;
    private final Counter applied;

    @Inject
    DesignationEventConsumer(MeterRegistry registry) {
        skipped = Counter.builder("watchlist.events.skipped")
                .description("records on sanctions.designations that are not readable designation or subject link events")
                .register(registry);
        applied = Counter.builder("watchlist.events.applied")
                .description("designation and subject link events that changed the watchlist").register(registry);
    }

    @Incoming("designations")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        updates.awaitReady(); // after the startup load, and once monitoring can alert on what changes
        Map<String, Change> newest = new LinkedHashMap<>();
        Map<String, LinkChange> newestLinks = new LinkedHashMap<>();
        Map<Integer, Position> positions = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            String eventId = header(record, "ce_id");
            String eventType = header(record, "ce_type");
            Instant eventTime = eventTime(record);
            positions.put(record.partition(), new Position(record.topic(), record.partition(), record.offset() + 1,
                    eventId, eventType, eventTime, null));
            if (SubjectLink.isLinkEvent(eventType)) {
                LinkChange link = linkChange(record, eventId, eventType, eventTime);
                if (link != null) {
                    newestLinks.merge(link.link().pairKey(), link,
                            (a, b) -> a.link().version() >= b.link().version() ? a : b);
                }
                continue;
            }
            if (!isDesignation(eventType)) {
                continue; // a type the watchlist does not read (AsyncAPI: tolerant readers pass it over)
            }
            Change change = change(record, eventId, eventType, eventTime); // no type at all: malformed, counted
            if (change != null) {
                newest.merge(change.listing().designationId(), change,
                        (a, b) -> a.listing().version() >= b.listing().version() ? a : b);
            }
        }
        // the alerts this batch raises are written under its span, so their events go on in the designation's trace
        Span span = traces.startProcessing(topic, records);
        try (Scope scope = span.makeCurrent()) {
            Applied stored = storeWithRetry(newest, newestLinks, positions);
            applied.increment(stored.size());
            span.setAttribute("watchlist.changes.applied", stored.size());
        } finally {
            span.end();
        }
    }

    /** A transient database failure must neither lose the batch nor stop the stream: wait and try again. */
    private Applied storeWithRetry(Map<String, Change> changes, Map<String, LinkChange> links,
                                   Map<Integer, Position> positions) throws InterruptedException {
        Duration delay = Duration.ofMillis(500);
        while (true) {
            try {
                // a list import re-screens the whole book (minutes for a million parties): not the default minute
                // the stored changes, the index, then alerts, committed with the positions
                return updates.exclusively(() -> QuarkusTransaction.requiringNew().timeout(TX_TIMEOUT_SECONDS)
                        .call(() -> updates.apply(changes.values(), links.values(), positions.values())));
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                LOG.warnf("storing %d watchlist changes and %d links failed, retrying in %s: %s", changes.size(),
                        links.size(), delay, e.toString());
                Thread.sleep(delay.toMillis());
                delay = delay.multipliedBy(2).compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay.multipliedBy(2);
            }
        }
    }

    /** The record as a designation change, or null (logged and counted) if it is not one: it is skipped. */
    private Change change(ConsumerRecord<String, String> record, String eventId, String eventType, Instant eventTime) {
        try {
            return read(store, record, eventId, eventType, eventTime);
        } catch (IllegalArgumentException e) {
            LOG.warnf("skipped %s-%d@%d (event %s): %s", record.topic(), record.partition(), record.offset(), eventId,
                    e.getMessage());
            skipped.increment();
            return null;
        }
    }

    /** Whether a record of the topic carries a designation (its type, when it has one, says so). */
    static boolean isDesignation(String eventType) {
        return eventType == null || DESIGNATION_EVENTS.contains(eventType);
    }

    /** The record as a designation change; IllegalArgumentException if it is not a readable one. */
    static Change read(WatchlistStore store, ConsumerRecord<String, String> record, String eventId, String eventType,
                       Instant eventTime) {
        if (record.value() == null) {
            throw new IllegalArgumentException("no value (designations are delisted by an event, never by a tombstone)");
        }
        Listing listing = store.read(record.value());
        if (listing.designationId() == null || listing.version() < 1 || listing.status() == null
                || listing.subject() == null || listing.subject().name() == null || listing.subject().type() == null) {
            throw new IllegalArgumentException(
                    "not a designation: designationId, version, status and subject name and type are required");
        }
        UUID.fromString(listing.designationId()); // both throw IllegalArgumentException when malformed
        SubjectType.valueOf(listing.subject().type());
        return new Change(listing, record.value(), eventId, eventType, eventTime);
    }

    /** The record as a subject link change, or null (logged and counted) if it is not one: it is skipped. */
    private LinkChange linkChange(ConsumerRecord<String, String> record, String eventId, String eventType,
                                  Instant eventTime) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        if (record.value() == null) {
            LOG.warnf("skipped %s: no value (a link is ended by an unlink event, never by a tombstone)", where);
            skipped.increment();
            return null;
        }
        try {
            return new LinkChange(store.readLink(eventType, record.value()), eventId, eventType, eventTime);
        } catch (IllegalArgumentException e) {
            LOG.warnf("skipped %s (event %s): %s", where, eventId, e.getMessage());
            skipped.increment();
            return null;
        }
    }

    static Instant eventTime(ConsumerRecord<?, ?> record) {
        String time = header(record, "ce_time");
        try {
            return time == null ? null : OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
