package io.sipplatform.media.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;

class ReceptionStatisticsTest {
    private static final long PTIME_NANOS = 20_000_000L; // 20 ms G.711 packets, 160 timestamp units at 8 kHz

    /** Feeds {@code count} packets starting at {@code firstSeq}, skipping every {@code lossEvery}-th (0: none). */
    private static ReceptionStatistics stream(int firstSeq, int count, int lossEvery, long jitterNanos) {
        ReceptionStatistics stats = new ReceptionStatistics();
        for (int i = 0; i < count; i++) {
            if (lossEvery > 0 && i % lossEvery == lossEvery - 1) {
                continue;
            }
            long delay = (i % 2 == 0) ? 0 : jitterNanos; // odd packets arrive late by jitterNanos
            stats.onPacket(firstSeq + i, 1000L + 160L * i, 5_000_000_000L + i * PTIME_NANOS + delay, 8000, 172);
        }
        return stats;
    }

    // The last packet always arrives: loss after the last received packet is invisible to sequence numbers.
    @ParameterizedTest(name = "{0} packets dropping every {1}th lose {2}")
    @CsvSource({
        "1001, 0, 0",
        "1001, 10, 100",
        "1001, 2, 500",
        "1001, 50, 20",
        "999, 1000, 0",
    })
    void sequenceGapsCountExactlyTheMissingPackets(int count, int lossEvery, long lost) {
        ReceptionStatistics stats = stream(100, count, lossEvery, 0);
        assertEquals(lost, stats.lost());
        assertEquals(count - lost, stats.packets());
        assertEquals(172L * (count - lost), stats.bytes());
    }

    @Test
    void lossIsCountedAcrossSequenceNumberWrap() {
        ReceptionStatistics stats = stream(65_000, 2001, 10, 0);
        assertEquals(200, stats.lost());
    }

    @Test
    void duplicatesNeverMakeLossNegative() {
        ReceptionStatistics stats = new ReceptionStatistics();
        for (int i = 0; i < 10; i++) {
            stats.onPacket(7, 0, i * PTIME_NANOS, 8000, 100);
        }
        assertEquals(0, stats.lost());
        assertEquals(10, stats.packets());
    }

    @Test
    void reorderedPacketsAreNotLost() {
        ReceptionStatistics stats = new ReceptionStatistics();
        int[] order = {1, 2, 4, 3, 5, 7, 6, 8};
        for (int i = 0; i < order.length; i++) {
            stats.onPacket(order[i], 160L * order[i], i * PTIME_NANOS, 8000, 100);
        }
        assertEquals(0, stats.lost());
    }

    @Test
    void aSequenceRestartConfirmedByTwoPacketsKeepsEarlierLossAndStartsOver() {
        ReceptionStatistics stats = new ReceptionStatistics();
        stats.onPacket(1, 0, 0, 8000, 100);
        stats.onPacket(3, 320, PTIME_NANOS, 8000, 100); // 1 lost
        stats.onPacket(40_000, 640, 2 * PTIME_NANOS, 8000, 100); // far jump: suspected
        stats.onPacket(40_001, 800, 3 * PTIME_NANOS, 8000, 100); // confirmed: new run
        stats.onPacket(40_003, 1120, 4 * PTIME_NANOS, 8000, 100); // 1 lost in new run
        assertEquals(2, stats.lost());
    }

    @Test
    void evenlySpacedPacketsHaveNoJitter() {
        ReceptionStatistics stats = stream(0, 500, 0, 0);
        assertEquals(0.0, stats.jitterUnits(), 1.0);
        assertEquals(Duration.ZERO, stats.jitter().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    // Alternating delays of d make every |D| equal to d, so J converges to d (RFC 3550 A.8).
    @ParameterizedTest(name = "alternating {0} ms delay converges to {0} ms jitter")
    @CsvSource({"5", "10", "30"})
    void alternatingDelayConvergesToThatJitter(int delayMs) {
        ReceptionStatistics stats = stream(0, 1000, 0, delayMs * 1_000_000L);
        assertEquals(delayMs * 8.0, stats.jitterUnits(), 1.0);
        assertEquals(delayMs, stats.jitter().toNanos() / 1e6, 0.2);
    }

    @Test
    void jitterUsesTheStreamClockRate() {
        ReceptionStatistics stats = new ReceptionStatistics();
        for (int i = 0; i < 1000; i++) {
            long delay = i % 2 == 0 ? 0 : 10_000_000L;
            stats.onPacket(i, 960L * i, i * PTIME_NANOS + delay, 48_000, 100); // opus, 20 ms
        }
        assertEquals(480.0, stats.jitterUnits(), 6.0);
        assertEquals(10.0, stats.jitter().toNanos() / 1e6, 0.2);
    }

    @Test
    void mosFallsWithLossAndIsZeroBeforeTheFirstPacket() {
        assertEquals(0.0, new ReceptionStatistics().mos());
        double clean = stream(0, 1000, 0, 0).mos();
        double lossy = stream(0, 1000, 10, 0).mos();
        assertTrue(clean > 4.3, "clean " + clean);
        assertTrue(lossy < clean - 0.5, "lossy " + lossy);
    }
}
