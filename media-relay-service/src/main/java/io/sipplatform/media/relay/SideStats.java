package io.sipplatform.media.relay;

import java.time.Duration;
import java.time.Instant;

/**
 * A snapshot of what one party sent into one stream, and what its RTCP said. {@code latched}, {@code rtcp},
 * {@code firstPacketAt} and {@code lastPacketAt} are null before they exist.
 */
public record SideStats(String tag, int streamIndex, String mediaType, Endpoint local, Endpoint signalled,
                        Endpoint latched, String codec, long packets, long bytes, long packetsLost,
                        long packetsDropped, Duration jitter, RtcpSummary rtcp, double mos, Instant firstPacketAt,
                        Instant lastPacketAt) {

    /**
     * The party's latest RTCP report block (RFC 3550 §6.4.1), jitter converted with the clock rate;
     * {@code roundTripDelay} between relay and party from LSR/DLSR, null when not computable.
     */
    public record RtcpSummary(long reports, int fractionLost, long cumulativeLost, Duration jitter,
                              Duration roundTripDelay) {
    }
}
