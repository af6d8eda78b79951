package io.sipplatform.edge.gateway;

import io.sipplatform.proto.routing.v1.GatewayObservation;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Collects gateway observations and sends them to routing-service in batches: when a batch is full, and on
 * {@link #flush()} (called periodically). One batch in flight at a time. Observations are samples of current
 * health, so a batch routing does not take is dropped and counted rather than retried (a late sample would tell
 * routing about the past), and the queue is bounded (oldest dropped first). Thread-safe.
 */
public final class GatewayReports {
    private final Function<List<GatewayObservation>, CompletionStage<?>> sender;
    private final int batchSize;
    private final int maxPending;
    private final ArrayDeque<GatewayObservation> pending = new ArrayDeque<>();
    private boolean inFlight;
    private long sent;
    private long dropped;

    /**
     * @param sender     sends one batch (ReportGatewayResult with a deadline); the stage fails when routing did not
     *                   take it
     * @param batchSize  observations per request
     * @param maxPending observations kept while routing is slow or away
     */
    public GatewayReports(Function<List<GatewayObservation>, CompletionStage<?>> sender, int batchSize,
                          int maxPending) {
        if (batchSize < 1 || maxPending < batchSize) {
            throw new IllegalArgumentException("need 1 <= batchSize <= maxPending");
        }
        this.sender = sender;
        this.batchSize = batchSize;
        this.maxPending = maxPending;
    }

    /** Queues an observation; sends a batch at once when one is full. */
    public void add(GatewayObservation observation) {
        boolean full;
        synchronized (this) {
            if (pending.size() >= maxPending) {
                pending.pollFirst();
                dropped++;
            }
            pending.addLast(observation);
            full = pending.size() >= batchSize;
        }
        if (full) {
            flush();
        }
    }

    /** Sends what is queued (up to one batch) unless a batch is in flight. */
    public void flush() {
        List<GatewayObservation> batch = new ArrayList<>();
        synchronized (this) {
            if (inFlight || pending.isEmpty()) {
                return;
            }
            while (batch.size() < batchSize && !pending.isEmpty()) {
                batch.add(pending.pollFirst());
            }
            inFlight = true;
        }
        CompletionStage<?> stage;
        try {
            stage = sender.apply(batch);
        } catch (RuntimeException e) {
            done(batch.size(), false);
            return;
        }
        stage.whenComplete((ok, failure) -> done(batch.size(), failure == null));
    }

    private void done(int size, boolean ok) {
        boolean more;
        synchronized (this) {
            inFlight = false;
            if (ok) {
                sent += size;
            } else {
                dropped += size;
            }
            more = ok && pending.size() >= batchSize;
        }
        if (more) {
            flush();
        }
    }

    /** Observations routing acknowledged. */
    public synchronized long sent() {
        return sent;
    }

    /** Observations dropped (queue full, or routing did not take the batch). */
    public synchronized long dropped() {
        return dropped;
    }

    /** Observations waiting. */
    public synchronized int pending() {
        return pending.size();
    }
}
