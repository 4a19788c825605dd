package io.sanctionsradar.support.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The relay loop alone: its batches are stand-ins that count or block, no database and no broker. */
class RelayLoopTest {

    private static final long WAIT_SECONDS = 10;

    private final Counter failures = new SimpleMeterRegistry().counter("outbox.publish.failures");
    private RelayLoop loop;

    @AfterEach
    void stop() {
        loop.stop();
    }

    @Test
    void a_wake_up_the_executor_refuses_neither_fails_the_caller_nor_blocks_the_next_one() throws Exception {
        CountDownLatch published = new CountDownLatch(1);
        loop = new RelayLoop("test-relay", () -> {
            published.countDown();
            return RelayLoop.Round.CAUGHT_UP;
        }, new RefusesFirstTask(), failures);

        // the caller is typically a transaction that has just committed: the refusal must not reach it
        assertDoesNotThrow(loop::wake);
        loop.wake(); // the next wake-up, e.g. the poll

        assertTrue(published.await(WAIT_SECONDS, TimeUnit.SECONDS), "the next wake-up ran a batch");
    }

    @Test
    void pause_returns_only_once_the_batch_being_published_has_finished() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        loop = new RelayLoop("test-relay", () -> {
            started.countDown();
            await(release);
            finished.set(true);
            return RelayLoop.Round.FULL_BATCH;
        }, Executors.newSingleThreadExecutor(), failures);
        loop.wake();
        assertTrue(started.await(WAIT_SECONDS, TimeUnit.SECONDS), "a batch is being published");

        CompletableFuture<Boolean> finishedWhenPaused = CompletableFuture.supplyAsync(() -> {
            loop.pause();
            return finished.get();
        });
        Thread.sleep(300); // time for a pause() that does not wait to return
        release.countDown();

        assertTrue(finishedWhenPaused.get(WAIT_SECONDS, TimeUnit.SECONDS), "the batch had finished when pause returned");
    }

    @Test
    void while_another_instance_holds_the_turn_the_loop_tries_again_without_waiting_for_a_wake_up() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch published = new CountDownLatch(1);
        loop = new RelayLoop("test-relay", () -> {
            if (rounds.incrementAndGet() <= 3) {
                return RelayLoop.Round.TURN_TAKEN;
            }
            published.countDown();
            return RelayLoop.Round.CAUGHT_UP;
        }, Executors.newSingleThreadExecutor(), failures);

        loop.wake(); // once: rows committed here while another instance publishes its batch

        assertTrue(published.await(WAIT_SECONDS, TimeUnit.SECONDS), "a round ran once the turn was free");
        Thread.sleep(300); // time for rounds that should not run
        assertEquals(4, rounds.get(), "caught up: no further round until the next wake-up");
    }

    @Test
    void a_failed_round_is_counted_and_the_next_wake_up_publishes_again() throws Exception {
        CountDownLatch failed = new CountDownLatch(1);
        CountDownLatch published = new CountDownLatch(1);
        loop = new RelayLoop("test-relay", () -> {
            if (failed.getCount() > 0) {
                failed.countDown();
                throw new IllegalStateException("test: the commit failed");
            }
            published.countDown();
            return RelayLoop.Round.CAUGHT_UP;
        }, Executors.newSingleThreadExecutor(), failures);

        loop.wake();
        assertTrue(failed.await(WAIT_SECONDS, TimeUnit.SECONDS), "a round failed");
        loop.wake(); // the next poll

        assertTrue(published.await(WAIT_SECONDS, TimeUnit.SECONDS), "the next run published");
        assertEquals(1.0, failures.count(), "the failed round, counted once");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One thread, refusing its first task as a saturated or stopping executor does. */
    private static final class RefusesFirstTask extends ThreadPoolExecutor {
        private final AtomicBoolean refused = new AtomicBoolean();

        RefusesFirstTask() {
            super(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
        }

        @Override
        public void execute(Runnable task) {
            if (refused.compareAndSet(false, true)) {
                throw new RejectedExecutionException("test: refused");
            }
            super.execute(task);
        }
    }
}
