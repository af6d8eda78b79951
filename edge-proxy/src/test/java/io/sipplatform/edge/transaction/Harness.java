package io.sipplatform.edge.transaction;

import io.sipplatform.edge.time.ManualTimers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One layer wired to manual timers, a recording sender and a recording TU. */
final class Harness {
    final ManualTimers timers = new ManualTimers();
    final RecordingSender sender = new RecordingSender();
    final RecordingUser tu = new RecordingUser();
    final TransactionLayer layer = new TransactionLayer(TransactionSettings.DEFAULTS, timers, sender, tu);

    /** Fires timer {@code name} repeatedly, returning the delay each firing had been scheduled with. */
    List<Duration> fireRepeatedly(String name, int times) {
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            delays.add(timers.delayOf(name));
            timers.fire(name);
        }
        return delays;
    }

    static List<Duration> millis(long... values) {
        List<Duration> out = new ArrayList<>();
        for (long v : values) {
            out.add(Duration.ofMillis(v));
        }
        return out;
    }
}
