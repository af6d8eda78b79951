package io.sipplatform.edge.time;

import io.vertx.core.Vertx;

import java.time.Duration;

/**
 * Timers on Vert.x: called from an event-loop thread, the task runs on that same context (the shard's), so the
 * single-threaded transaction layer and proxy core need no locks.
 */
public final class VertxTimers implements Timers {
    private final Vertx vertx;

    public VertxTimers(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public Timer schedule(String name, Duration delay, Runnable task) {
        long id = vertx.setTimer(Math.max(1, delay.toMillis()), t -> task.run());
        return () -> vertx.cancelTimer(id);
    }
}
