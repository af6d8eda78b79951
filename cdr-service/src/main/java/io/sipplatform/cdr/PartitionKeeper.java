package io.sipplatform.cdr;

import io.quarkus.scheduler.Scheduled;
import io.sipplatform.cdr.metrics.CdrMetrics;
import io.sipplatform.cdr.store.PartitionMaintenance;
import io.sipplatform.cdr.store.StoreFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Runs the partition maintenance every cdr.partitions.interval (and once at startup, from {@link CdrWiring}), so
 * the day partitions of the coming days exist before their first call and days past the retention go.
 */
@ApplicationScoped
public class PartitionKeeper {
    private static final Logger LOG = Logger.getLogger(PartitionKeeper.class);

    @Inject
    PartitionMaintenance maintenance;

    @Inject
    CdrMetrics metrics;

    @Scheduled(every = "${cdr.partitions.interval:1h}", delayed = "${cdr.partitions.interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            runOnce();
        } catch (StoreFailure e) {
            // Partitions exist days ahead and the default partitions take any day, so a failed run loses nothing.
            LOG.warnf(e, "partition maintenance failed; the next run retries");
        }
    }

    /** One run; returns what it changed. */
    public PartitionMaintenance.Changes runOnce() {
        PartitionMaintenance.Changes changes = maintenance.run();
        metrics.partitions(changes.created().size(), changes.dropped().size());
        if (!changes.created().isEmpty() || !changes.dropped().isEmpty() || changes.rowsDeleted() > 0) {
            LOG.infof("CDR partitions: created %s, dropped %s, %d expired row(s) deleted", changes.created(),
                    changes.dropped(), changes.rowsDeleted());
        }
        return changes;
    }
}
