package io.sipplatform.media.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

class MosEstimateTest {

    @ParameterizedTest(name = "loss {0}, jitter {1} ms: MOS {2}")
    @CsvSource({
        "0.00, 0, 4.40",
        "0.01, 0, 4.32",
        "0.05, 0, 3.90",
        "0.20, 0, 2.61",
        "0.00, 100, 4.14",
        "1.00, 0, 1.17",
    })
    void knownConditionsGiveKnownScores(double loss, int jitterMs, double mos) {
        assertEquals(mos, MosEstimate.mos(loss, Duration.ofMillis(jitterMs)), 0.02);
    }

    @Test
    void scoreStaysWithinOneToFourAndAHalf() {
        for (double r = -50; r <= 150; r += 0.5) {
            double mos = MosEstimate.mosOfR(r);
            assertTrue(mos >= 1.0 && mos <= 4.5, "R " + r + " gave " + mos);
        }
    }

    @Test
    void moreLossNeverScoresHigher() {
        double previous = 5;
        for (int permille = 0; permille <= 1000; permille += 5) {
            double mos = MosEstimate.mos(permille / 1000.0, Duration.ofMillis(20));
            assertTrue(mos <= previous, "loss " + permille);
            previous = mos;
        }
    }
}
