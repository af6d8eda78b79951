package io.sipplatform.media.relay;

import io.vertx.core.Vertx;

import java.time.Duration;

/** {@link Timers} on Vert.x timers; tasks run on an event loop and must not block. */
public final class VertxTimers implements Timers {
    private final Vertx vertx;

    public VertxTimers(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public Timer schedule(String name, Duration delay, Runnable task) {
        long id = vertx.setTimer(Math.max(1, delay.toMillis()), ignored -> task.run());
        return () -> vertx.cancelTimer(id);
    }
}
