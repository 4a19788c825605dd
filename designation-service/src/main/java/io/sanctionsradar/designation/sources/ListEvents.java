package io.sanctionsradar.designation.sources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sanctionsradar.designation.messaging.Outbox;
import io.sanctionsradar.designation.sources.ListImport.Outcome;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records how an import went and tells the world: {@code sanctions.list.synced} and
 * {@code sanctions.list.sync-failed} on the designations topic keyed by the list (when: {@link #record}), and the
 * Prometheus figures per list.
 */
@ApplicationScoped
public class ListEvents {

    public static final String SYNCED = "sanctions.list.synced";
    public static final String SYNC_FAILED = "sanctions.list.sync-failed";
    static final String AGGREGATE = "ListSource";

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    @Inject
    ListSourceStore store;

    /*
     * Static: a gauge is bound to the state it was registered with, and Micrometer's registry can outlive this bean
     * (tests restart the application in one JVM). A restart loads this class afresh, with new maps, while the
     * registry keeps the earlier start's gauges bound to the old ones: each start replaces them once (GAUGED).
     */
    private static final Map<String, Double> LAST_SUCCESS = new ConcurrentHashMap<>();
    private static final Map<String, Double> ACTIVE_ENTRIES = new ConcurrentHashMap<>();
    private static final java.util.Set<String> GAUGED = ConcurrentHashMap.newKeySet();

    /** The synced event: the list, what the import did, and the content it read. */
    public record Synced(String list, String format, String importId, String trigger, String contentHash,
                         Long contentSize, int listed, int amended, int delisted, int unchanged, int rejected,
                         long activeEntries, Instant syncedAt) {
    }

    /** The failure: why, and since when the list being served is the last good one. */
    public record SyncFailed(String list, String format, String importId, String trigger, String outcome, String error,
                             Instant lastSuccessAt, long activeEntries, Instant failedAt) {
    }

    /**
     * Records the import in the history and the list's state and announces it, in one transaction. A sync that
     * failed or was refused is announced; an upload's refusal is answered to the uploader instead. A good import is
     * announced when it changed the list, or when it ends a run of failures (the list is healthy again).
     */
    @Transactional
    public void record(ListImport done, Map<String, ListDownloader.Validators> validators) {
        String before = done.list() == null ? null : store.state(done.list()).lastOutcome();
        store.record(done, validators);
        Counter.builder("list.syncs").description("imports of lists, by list, trigger and outcome")
                .tag("list", done.list() == null ? "unknown" : done.list()).tag("trigger", done.trigger().name())
                .tag("outcome", done.outcome().name()).register(registry).increment();
        if (done.list() == null) {
            return;
        }
        long active = store.activeEntries().getOrDefault(done.list(), 0L);
        track(done.list(), active);
        boolean good = done.outcome() == Outcome.IMPORTED || done.outcome() == Outcome.UNCHANGED;
        boolean recovered = Outcome.FAILED.name().equals(before) || Outcome.REFUSED.name().equals(before);
        if (good && (done.changedAnything() || recovered)) {
            outbox.append(AGGREGATE, done.list(), SYNCED, write(synced(done, active)));
        } else if (!good && done.trigger() != ListImport.Trigger.UPLOAD) {
            outbox.append(AGGREGATE, done.list(), SYNC_FAILED, write(new SyncFailed(done.list(), done.format(),
                    done.importId().toString(), done.trigger().name(), done.outcome().name(), done.error(),
                    store.state(done.list()).lastSuccessAt(), active, done.finishedAt())));
        }
    }

    private static Synced synced(ListImport done, long active) {
        var r = done.report();
        return new Synced(done.list(), done.format(), done.importId().toString(), done.trigger().name(),
                done.contentHash(), done.contentSize(), r == null ? 0 : r.listed(), r == null ? 0 : r.amended(),
                r == null ? 0 : r.delisted(), r == null ? 0 : r.unchanged(), r == null ? 0 : r.rejected().size(),
                active, done.finishedAt());
    }

    @Inject
    ListSourcesConfig config;

    /** Every known list has its gauges from the start, not only after its next import. */
    void onStart(@Observes StartupEvent start) {
        Map<String, Long> active = store.activeEntries();
        java.util.Set<String> lists = new java.util.TreeSet<>(config.sources().keySet());
        lists.addAll(store.states(null).keySet());
        lists.forEach(list -> track(list, active.getOrDefault(list, 0L)));
    }

    /** Refreshes a list's gauges from its stored state. */
    void track(String list, long active) {
        Instant success = store.state(list).lastSuccessAt();
        ACTIVE_ENTRIES.put(list, (double) active);
        LAST_SUCCESS.put(list, success == null ? Double.NaN : success.getEpochSecond());
        if (!GAUGED.add(list)) {
            return;
        }
        replace(Gauge.builder("list.last.success", LAST_SUCCESS, m -> m.getOrDefault(list, Double.NaN))
                .tag("list", list).description("when the list was last imported or found unchanged, in seconds since "
                        + "the epoch").baseUnit("seconds"), "list.last.success", list);
        replace(Gauge.builder("list.active.entries", ACTIVE_ENTRIES, m -> m.getOrDefault(list, Double.NaN))
                .tag("list", list).description("active designations of the list"), "list.active.entries", list);
        replace(Gauge.builder("list.age", LAST_SUCCESS,
                        m -> Instant.now().getEpochSecond() - m.getOrDefault(list, Double.NaN)).tag("list", list)
                .description("time since the list was last imported or found unchanged").baseUnit("seconds"),
                "list.age", list);
    }

    private void replace(Gauge.Builder<?> gauge, String name, String list) {
        Gauge earlier = registry.find(name).tag("list", list).gauge();
        if (earlier != null) {
            registry.remove(earlier);
        }
        gauge.register(registry);
    }

    private String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
