package io.sipplatform.media.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Timers fired by the test, by name, and the clock they run on: firing moves the clock to the timer's due time. A
 * session keeps one timer at a time, so the latest one scheduled is the pending one. Safe to schedule from event
 * loops (packets re-arm timers there).
 */
public final class StepTimers implements Timers, InstantSource {
    /** A scheduled, not cancelled, not fired timer. */
    public record Pending(String name, Duration delay, Instant due, Runnable task) {
    }

    private volatile Instant now = Instant.parse("2026-11-21T10:00:00Z");
    private Pending pending;

    @Override
    public Instant instant() {
        return now;
    }

    /** Moves the clock forward without firing anything. */
    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public synchronized Timer schedule(String name, Duration delay, Runnable task) {
        Pending p = new Pending(name, delay, now.plus(delay), task);
        pending = p;
        return () -> {
            synchronized (StepTimers.this) {
                if (pending == p) {
                    pending = null;
                }
            }
        };
    }

    /** The pending timer, or null. */
    public synchronized Pending pending() {
        return pending;
    }

    /** Fires the pending timer, which must be {@code name}, at its due time. */
    public void fire(String name) {
        Pending p;
        synchronized (this) {
            p = pending;
            assertNotNull(p, "no timer pending, expected " + name);
            assertEquals(name, p.name(), "pending timer");
            pending = null;
            now = p.due();
        }
        p.task().run();
    }
}
