package io.sipplatform.routing.domain;

/**
 * Per-trunk call limits, enforced across all routing replicas. Emergency calls are exempt.
 *
 * @param maxConcurrent calls up at once (both directions), 0 = unlimited; the next call gets 503
 * @param maxCps        outbound call attempts per second, 0 = unlimited; the next attempt in the same second gets 503
 *                      with Retry-After
 */
public record TrunkLimits(int maxConcurrent, int maxCps) {
    /** No limits. */
    public static final TrunkLimits NONE = new TrunkLimits(0, 0);

    public TrunkLimits {
        FieldRules.range("maxConcurrent", maxConcurrent, 0, 100_000);
        FieldRules.range("maxCps", maxCps, 0, 10_000);
    }
}
