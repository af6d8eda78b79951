package io.sipplatform.cdr;

import io.quarkus.scheduler.Scheduled;
import io.sipplatform.cdr.domain.OrphanSweep;
import io.sipplatform.cdr.metrics.CdrMetrics;
import io.sipplatform.cdr.store.CdrStore;
import io.sipplatform.cdr.store.StoreFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Runs the orphan sweep every cdr.orphans.sweep-interval and refreshes the open-calls gauge. Every replica sweeps;
 * the orphan-closing event has a fixed key per call, so two replicas closing the same call store it once.
 */
@ApplicationScoped
public class OrphanCloser {
    private static final Logger LOG = Logger.getLogger(OrphanCloser.class);

    @Inject
    CdrStore store;

    @Inject
    OrphanSweep sweep;

    @Inject
    CdrMetrics metrics;

    @Inject
    CdrConfig config;

    @Scheduled(every = "${cdr.orphans.sweep-interval:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            int closed = sweepOnce();
            if (closed > 0) {
                LOG.infof("closed %d orphan call(s) after %s", closed, config.orphans().maxDuration());
            }
        } catch (StoreFailure e) {
            LOG.warnf(e, "orphan sweep failed; next sweep retries");
        }
    }

    /** One sweep; returns the number of calls closed. */
    public int sweepOnce() {
        int closed = store.closeOrphans(sweep, config.orphans().maxPerSweep());
        metrics.orphansClosed(closed);
        metrics.openCalls(store.countOpen());
        return closed;
    }
}
