package io.sipplatform.media.relay;

import java.time.Duration;

/** Schedules named one-shot timers; production on Vert.x, tests may drive them by hand. */
public interface Timers {

    /** A scheduled timer. */
    interface Timer {
        /** Cancels it; idempotent, harmless after it fired. */
        void cancel();
    }

    /** Runs {@code task} after {@code delay}; {@code name} identifies it in tests and logs. */
    Timer schedule(String name, Duration delay, Runnable task);
}
