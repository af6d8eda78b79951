package io.sipplatform.routing.store;

import io.sipplatform.routing.RoutingConfig;
import io.sipplatform.routing.domain.RoutingSnapshot;
import io.sipplatform.routing.metrics.RoutingMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Keeps the in-memory {@link RoutingSnapshot} current: loads it at startup, reloads it right after a local admin
 * write, and polls the store revision so writes made through another replica arrive within one poll interval.
 * Decisions never wait for it: they read whichever snapshot is current.
 */
@ApplicationScoped
public class SnapshotRefresher implements Supplier<RoutingSnapshot> {
    private static final Logger LOG = Logger.getLogger(SnapshotRefresher.class);

    private final AtomicReference<RoutingSnapshot> current = new AtomicReference<>(RoutingSnapshot.empty());
    private final Object installed = new Object();
    private volatile boolean loaded;
    private volatile Instant lastPoll = Instant.EPOCH;
    private ScheduledExecutorService poller;

    @Inject
    ProvisioningStore store;

    @Inject
    RoutingConfig config;

    @Inject
    RoutingMetrics metrics;

    void start(@Observes StartupEvent event) {
        refresh();
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "routing-snapshot-poll");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(10, config.store().pollInterval().toMillis());
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    @Override
    public RoutingSnapshot get() {
        return current.get();
    }

    /** True once a snapshot was read from the store. */
    public boolean loaded() {
        return loaded;
    }

    /** When the store last answered a poll. */
    public Instant lastPoll() {
        return lastPoll;
    }

    /** Reloads now if the store moved on; called after every local write so it is visible on return. */
    public synchronized void refresh() {
        long revision = store.revision();
        lastPoll = Instant.now();
        if (loaded && revision == current.get().version()) {
            return;
        }
        RoutingSnapshot next = RoutingSnapshot.of(store.load());
        // A concurrent refresh may have installed a newer one already: never go back.
        if (!loaded || next.version() > current.get().version()) {
            current.set(next);
            metrics.snapshotInstalled(next.version());
            LOG.debugf("routing snapshot %d installed: %s", next.version(), next.counts());
            synchronized (installed) {
                installed.notifyAll();
            }
        }
        loaded = true;
    }

    /**
     * Waits until a snapshot of at least {@code revision} is installed (by a poll or a local write).
     *
     * @return false when {@code timeout} passed first
     */
    public boolean awaitRevision(long revision, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (installed) {
            while (current.get().version() < revision) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(installed, left);
            }
            return true;
        }
    }

    private void poll() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // The old snapshot keeps serving; readiness reports the store as stale.
            LOG.warnf("provisioning store poll failed, keeping snapshot %d: %s", current.get().version(),
                    e.getMessage());
        }
    }
}
