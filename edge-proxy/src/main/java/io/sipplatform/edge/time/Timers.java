package io.sipplatform.edge.time;

import java.time.Duration;

/**
 * Schedules named timers (RFC 3261 timer letters, e.g. "A", "B", "G"). Production runs them on the caller's
 * Vert.x context; tests use {@link ManualTimers} and fire timers by name instead of sleeping.
 */
public interface Timers {

    /** A scheduled timer. */
    interface Timer {
        /** Cancels it; idempotent, harmless after it fired. */
        void cancel();
    }

    /** Schedules {@code task} after {@code delay}; {@code name} identifies it for tests and logs. */
    Timer schedule(String name, Duration delay, Runnable task);
}
