package io.sipplatform.media.quality;

import java.time.Duration;

/**
 * Mean opinion score from loss and jitter with a simplified ITU-T G.107 E-model: default R0 (93.2), G.711 with
 * packet-loss concealment (Ie 0, Bpl 25.1 from G.113 Appendix I), random loss, and a one-way delay estimated as
 * one 20 ms packet plus a jitter buffer of twice the jitter. Not a substitute for a full G.107 computation.
 */
public final class MosEstimate {
    static final double R0 = 93.2;
    static final double BPL_G711_PLC = 25.1;
    static final double PACKETISATION_MS = 20;

    private MosEstimate() {
    }

    /** The transmission rating factor R for {@code lossFraction} (0..1) and {@code jitter}. */
    public static double rFactor(double lossFraction, Duration jitter) {
        double lossPercent = 100 * Math.min(1, Math.max(0, lossFraction));
        double ieEff = 95 * lossPercent / (lossPercent + BPL_G711_PLC); // G.107 §7.4 with Ie 0, BurstR 1
        double delayMs = PACKETISATION_MS + 2 * jitter.toNanos() / 1e6;
        double id = 0.024 * delayMs + (delayMs > 177.3 ? 0.11 * (delayMs - 177.3) : 0); // common simplification of Idd
        return R0 - id - ieEff;
    }

    /** MOS (1.0..4.5) from R (G.107 Annex B). */
    public static double mosOfR(double r) {
        if (r <= 0) {
            return 1.0;
        }
        if (r >= 100) {
            return 4.5;
        }
        // the polynomial dips just below 1 for R under ~6.5; MOS is 1..4.5 by definition
        return Math.max(1.0, 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r));
    }

    /** MOS (1.0..4.5) for {@code lossFraction} (0..1) and {@code jitter}. */
    public static double mos(double lossFraction, Duration jitter) {
        return mosOfR(rFactor(lossFraction, jitter));
    }
}
