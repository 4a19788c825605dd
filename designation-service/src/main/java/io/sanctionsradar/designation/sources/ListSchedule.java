package io.sanctionsradar.designation.sources;

import io.quarkus.scheduler.Scheduled;
import io.sanctionsradar.designation.sources.ListImport.Trigger;
import io.sanctionsradar.support.errors.Conflict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Map;

/**
 * Syncs every enabled source when it is due: its last attempt (good or not; a failure is retried at the next
 * turn, within a sync the downloader retries) is at least {@code every} ago. Several instances may tick: the
 * sync lock lets one sync a list, and the others then see it attempted.
 */
@ApplicationScoped
public class ListSchedule {

    private static final Logger LOG = Logger.getLogger(ListSchedule.class);

    @Inject
    ListSourcesConfig config;

    @Inject
    ListSourceStore store;

    @Inject
    ListIntake intake;

    @Scheduled(every = "${list-sources.tick}", delayed = "${list-sources.first-tick}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        Map<String, ListSourceStore.State> states = store.states(null);
        config.sources().forEach((list, source) -> {
            if (!source.enabled()) {
                return;
            }
            Instant last = states.containsKey(list) ? states.get(list).lastAttemptAt() : null;
            if (last == null || !last.plus(source.every()).isAfter(Instant.now())) {
                try {
                    ListImport done = intake.sync(list, Trigger.SCHEDULE);
                    LOG.infof("scheduled sync of %s: %s", list, done.outcome());
                } catch (Conflict running) {
                    LOG.debugf("sync of %s is running elsewhere", list);
                } catch (RuntimeException e) { // one list's trouble must not stop the others
                    LOG.errorf(e, "scheduled sync of %s failed", list);
                }
            }
        });
    }
}
