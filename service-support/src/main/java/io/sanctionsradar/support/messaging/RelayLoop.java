package io.sanctionsradar.support.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Publishes an outbox in order, batch after batch, woken right after each commit that wrote to it (see
 * {@link AfterCommit}) and by a periodic poll as a safety net. A batch is published in one transaction and
 * marked published only once the broker acknowledged all of it: a crash in between republishes (consumers
 * de-duplicate on {@code ce_id}), it never loses an event. Each transaction first takes the outbox's
 * {@link OutboxTurn}: with several instances on one database, one publishes at a time and the others wait for
 * their turn. A round that fails is counted in {@code outbox_publish_failures_total{topic}}: its batch may have
 * reached the broker, and goes again.
 */
public final class RelayLoop {

    private static final Logger LOG = Logger.getLogger(RelayLoop.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    /**
     * How soon to try again while another instance publishes: the batch it claimed may predate rows committed here
     * meanwhile, which would otherwise wait for the next poll.
     */
    private static final Duration TURN_RETRY = Duration.ofMillis(100);

    /** What one publishing round did. */
    enum Round {
        /** A full batch went out, so more may be waiting. */
        FULL_BATCH,
        /** Fewer rows than a batch, or none, were waiting. */
        CAUGHT_UP,
        /** Another instance holds the outbox's turn: nothing was read. */
        TURN_TAKEN
    }

    private final String name;
    private final Supplier<Round> publishRound;
    // one publisher thread: batches leave in commit order, and a wake-up during a run schedules one more run
    private final ExecutorService publisher;
    private final AtomicBoolean runQueued = new AtomicBoolean();
    private final AtomicBoolean paused = new AtomicBoolean();
    private final Counter failures;

    /** {@code name} names the publisher thread and the log lines; {@code turn} is the outbox table's. */
    public static <R> RelayLoop forOutbox(String name, OutboxRows<R> outbox, OutboxTurn turn, TopicProvisioner topic,
                                          int batchSize, MeterRegistry registry) {
        return new RelayLoop(name, () -> QuarkusTransaction.requiringNew()
                .call(() -> publishRound(outbox, turn, topic, batchSize)),
                Executors.newSingleThreadExecutor(r -> new Thread(r, name)), failures(registry, topic.name()));
    }

    private static Counter failures(MeterRegistry registry, String topic) {
        return Counter.builder("outbox.publish.failures").tag("topic", topic)
                .description("publishing rounds that failed; their batch goes again").register(registry);
    }

    RelayLoop(String name, Supplier<Round> publishRound, ExecutorService publisher, Counter failures) {
        this.name = name;
        this.publishRound = publishRound;
        this.publisher = publisher;
        this.failures = failures;
    }

    /** Asks for a publishing run soon; cheap, never throws, and safe to call from any thread. */
    public void wake() {
        if (!paused.get() && runQueued.compareAndSet(false, true)) {
            try {
                publisher.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // not queued, so not queued either for the next wake-up; the rows wait for it in the outbox
                runQueued.set(false);
            }
        }
    }

    /**
     * Stops publishing (events keep accumulating in the outbox) until {@link #resume()}; for maintenance and tests.
     * Returns once a batch that was being published has finished, so nothing leaves after this call.
     */
    public void pause() {
        paused.set(true);
        try {
            publisher.submit(() -> { }).get();
        } catch (RejectedExecutionException e) {
            // stopped: nothing runs any more
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(name + ": cannot pause", e.getCause());
        }
    }

    public void resume() {
        paused.set(false);
        wake();
    }

    /** At shutdown: no new run starts; unpublished rows stay in the outbox for the next start. */
    public void stop() {
        paused.set(true);
        publisher.shutdown();
    }

    private void drain() {
        runQueued.set(false);
        try {
            while (!paused.get()) {
                Round round = publishRound.get();
                if (round == Round.CAUGHT_UP) {
                    return;
                }
                if (round == Round.TURN_TAKEN) {
                    Thread.sleep(TURN_RETRY.toMillis());
                }
            }
        } catch (RuntimeException e) {
            failures.increment();
            LOG.warnf("%s: publishing failed, will retry: %s", name, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <R> Round publishRound(OutboxRows<R> outbox, OutboxTurn turn, TopicProvisioner topic,
                                          int batchSize) {
        if (!turn.tryTake()) {
            return Round.TURN_TAKEN;
        }
        List<R> batch = outbox.claimUnpublished(batchSize);
        if (batch.isEmpty()) {
            return Round.CAUGHT_UP;
        }
        topic.ensureCreated();
        // sent with the transaction suspended (it keeps its rows, turn and connection meanwhile): context propagation
        // would hand it to the producer's callback thread, still holding it while the relay commits, which then fails
        QuarkusTransaction.suspendingExisting().run(() -> sendAndAwaitAcks(outbox, batch));
        outbox.markPublished(batch);
        return batch.size() == batchSize ? Round.FULL_BATCH : Round.CAUGHT_UP;
    }

    private static <R> void sendAndAwaitAcks(OutboxRows<R> outbox, List<R> batch) {
        List<Uni<Void>> acks = batch.stream().map(outbox::send).toList();
        Uni.join().all(acks).andFailFast().await().atMost(ACK_TIMEOUT);
    }
}
