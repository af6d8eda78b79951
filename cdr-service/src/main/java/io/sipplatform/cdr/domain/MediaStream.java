package io.sipplatform.cdr.domain;

import java.time.Duration;
import java.util.Objects;

/** What one party sent on one stream, as the relay measured it. Jitter is RFC 3550 interarrival jitter. */
public record MediaStream(CallSide side, int streamIndex, String mediaType, String codec, long packets, long bytes,
        long packetsLost, Duration jitter, double mos) {
    public MediaStream {
        Objects.requireNonNull(side, "side");
        mediaType = mediaType == null ? "" : mediaType;
        codec = codec == null ? "" : codec;
        jitter = jitter == null ? Duration.ZERO : jitter;
        if (packets < 0 || bytes < 0 || packetsLost < 0) {
            throw new IllegalArgumentException("media counters must not be negative");
        }
    }
}
