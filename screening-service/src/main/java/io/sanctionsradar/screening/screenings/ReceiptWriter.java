package io.sanctionsradar.screening.screenings;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stores single screenings' receipts with group commit: concurrent requests hand their receipts to one writer,
 * which stores whatever has queued up in one transaction, and each request answers only once its receipt is
 * committed. One commit per screening would cap throughput at the database's commit rate; this way it costs one
 * commit per burst, and no answer is ever given without its evidence stored.
 */
@ApplicationScoped
public class ReceiptWriter {

    private static final Logger LOG = Logger.getLogger(ReceiptWriter.class);
    private static final int MAX_GROUP = 500;
    private static final long WAIT_SECONDS = 30;

    @Inject
    ReceiptStore receipts;

    private record Pending(ScreeningResult result, CompletableFuture<Void> stored) {
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(10_000);
    private volatile boolean running = true;

    @PostConstruct
    void start() {
        Thread writer = new Thread(this::run, "receipt-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Returns once the receipt is committed; fails if it could not be stored, so the screening fails too. */
    public void store(ScreeningResult result) {
        CompletableFuture<Void> stored = new CompletableFuture<>();
        try {
            if (!queue.offer(new Pending(result, stored), WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("receipt queue full: the database does not keep up");
            }
            stored.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing the receipt", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the screening receipt could not be stored", e);
        }
    }

    private void run() {
        List<Pending> group = new ArrayList<>(MAX_GROUP);
        while (running) {
            try {
                Pending first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                List<ScreeningResult> results = group.stream().map(Pending::result).toList();
                try {
                    QuarkusTransaction.requiringNew().run(() -> receipts.save(results, 0));
                    group.forEach(p -> p.stored().complete(null));
                } catch (RuntimeException e) {
                    LOG.warnf("storing %d screening receipts failed: %s", group.size(), e.toString());
                    group.forEach(p -> p.stored().completeExceptionally(e));
                }
                group.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }
}
