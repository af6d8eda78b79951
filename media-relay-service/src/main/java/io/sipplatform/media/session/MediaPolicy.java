package io.sipplatform.media.session;

import java.time.Duration;
import java.util.List;

/**
 * How one offer or answer is anchored.
 *
 * @param stripIce           remove ICE attributes so that candidates pointing inside never leak (RFC 8839 §5)
 * @param codecAllow         encoding names to keep, case-insensitive; empty keeps all
 * @param latchSignalledOnly accept media only from the address signalled in SDP (no NAT learning)
 * @param mediaTimeout       the session's media timeout, or null for the relay default
 * @param rtcpMux            what to do with a=rtcp-mux towards the receiver of an offer
 */
public record MediaPolicy(boolean stripIce, List<String> codecAllow, boolean latchSignalledOnly,
                          Duration mediaTimeout, RtcpMuxMode rtcpMux) {
    public MediaPolicy {
        rtcpMux = rtcpMux == null ? RtcpMuxMode.PRESERVE : rtcpMux;
        codecAllow = List.copyOf(codecAllow);
        if (mediaTimeout != null && (mediaTimeout.isNegative() || mediaTimeout.isZero())) {
            mediaTimeout = null;
        }
    }

    /** Defaults: keep ICE, codecs and rtcp-mux as offered, latch on first packets, relay default timeout. */
    public static final MediaPolicy DEFAULT = new MediaPolicy(false, List.of(), false, null, RtcpMuxMode.PRESERVE);
}
