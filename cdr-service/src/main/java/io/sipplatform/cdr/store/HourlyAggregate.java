package io.sipplatform.cdr.store;

import java.time.Instant;

/**
 * Traffic of one customer or carrier in one hour (by start time): attempts, answered calls, ASR (answered /
 * attempts, 0..1), ACD (mean answered talk time in seconds, 0 without answers) and average post-dial delay in
 * milliseconds over calls that had progress (null when none had).
 */
public record HourlyAggregate(Instant hour, String key, long attempts, long answered, double asr, double acdSeconds,
        Double averagePddMillis) {
}
