package io.sipplatform.edge.transaction;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TransactionSettingsTest {

    @Test
    void defaultsAreThoseOfRfc3261() {
        TransactionSettings s = TransactionSettings.DEFAULTS;

        assertEquals(Duration.ofMillis(500), s.t1());
        assertEquals(Duration.ofSeconds(4), s.t2());
        assertEquals(Duration.ofSeconds(5), s.t4());
        for (Duration d : new Duration[] {s.timerB(), s.timerD(), s.timerF(), s.timerH(), s.timerJ(), s.timerL(),
            s.timerM()}) {
            assertEquals(Duration.ofSeconds(32), d);
        }
        assertEquals(Duration.ofSeconds(5), s.timerI());
        assertEquals(Duration.ofSeconds(5), s.timerK());
    }

    @Test
    void timersDeriveFromT1ButTimerDStaysAtLeast32Seconds() {
        TransactionSettings fast = new TransactionSettings(Duration.ofMillis(100), Duration.ofSeconds(1),
                Duration.ofSeconds(2));
        assertEquals(Duration.ofMillis(6400), fast.timerB());
        assertEquals(Duration.ofSeconds(32), fast.timerD());

        TransactionSettings slow = new TransactionSettings(Duration.ofSeconds(1), Duration.ofSeconds(4),
                Duration.ofSeconds(5));
        assertEquals(Duration.ofSeconds(64), slow.timerD());
    }

    @Test
    void nonPositiveOrInvertedValuesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new TransactionSettings(Duration.ZERO, Duration.ofSeconds(4), Duration.ofSeconds(5)));
        assertThrows(IllegalArgumentException.class,
                () -> new TransactionSettings(Duration.ofSeconds(5), Duration.ofSeconds(4), Duration.ofSeconds(5)));
        assertThrows(NullPointerException.class,
                () -> new TransactionSettings(Duration.ofMillis(500), null, Duration.ofSeconds(5)));
    }
}
