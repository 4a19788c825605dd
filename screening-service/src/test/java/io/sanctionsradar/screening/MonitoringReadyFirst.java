package io.sanctionsradar.screening;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.sanctionsradar.screening.monitoring.ShardMonitor;

import java.time.Duration;

/**
 * Every test starts once the application's monitoring shards are live, as a load balancer would wait for readiness:
 * a party stored before would be alerted on a moment after its answer, by the shard's activation.
 */
public class MonitoringReadyFirst implements QuarkusTestBeforeEachCallback {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        ShardMonitor shards = Arc.container().instance(ShardMonitor.class).get();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!shards.ready()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the monitoring shards did not go live within " + WAIT);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
