package io.sipplatform.media;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The relay's configuration (prefix {@code media}); each key: meaning, default, consequence on the wire. */
@ConfigMapping(prefix = "media")
public interface MediaRelayConfig {

    /** Local address the RTP/RTCP sockets bind to; default 0.0.0.0 (all interfaces). */
    @WithDefault("0.0.0.0")
    String bindAddress();

    /**
     * Address written into rewritten SDP (c=, a=rtcp), where parties send media; default 127.0.0.1. Set it to the
     * node's public or hostNetwork address, or parties send media to a place the relay never hears.
     */
    @WithDefault("127.0.0.1")
    String advertisedAddress();

    /** Lowest UDP port of the media range (rounded up to even); default 30000. */
    @WithDefault("30000")
    int portMin();

    /**
     * Highest UDP port of the media range; default 39999. Each anchored stream takes two even/odd pairs (one per
     * party); a full range fails Offer with RESOURCE_EXHAUSTED, which the edge answers with 503.
     */
    @WithDefault("39999")
    int portMax();

    /**
     * How long a released port pair rests before reuse; default 10s. Shorter lets late packets of an ended call
     * reach the next call on the same port.
     */
    @WithDefault("10s")
    Duration quarantine();

    /**
     * No RTP from either party for this long raises a media-timeout event (the edge may then end the call), unless
     * the Offer sets its own; default 60s.
     */
    @WithDefault("60s")
    Duration mediaTimeout();

    /**
     * The media timeout while the call is on hold: the latest answered SDP carries media both ways on no stream
     * (every m= line inactive, sendonly, recvonly, port 0, or c=0.0.0.0); default 3600s, like rtpengine's
     * silent-timeout. A held call often sends no RTP at all (a=inactive, or sendonly without music on hold); the
     * media timeout would end it. Also how long an unanswered session may stay silent before its expiry counts.
     */
    @WithDefault("3600s")
    Duration holdTimeout();

    /**
     * How long a session stays after its media or hold timeout, still silent and not deleted, before the relay ends
     * it itself (ports released, a session-expired event with final statistics and the teardown context); default
     * 120s: more than the edge needs to send BYE to both parties (Timer F, 32 s) and Delete, with room for an edge
     * replica to restart and resubscribe. 0s never ends sessions (ports of lost calls stay allocated).
     */
    @WithDefault("120s")
    Duration sessionExpiry();

    /**
     * Events one WatchEvents subscriber may have queued while gRPC flow control holds it back; default 1024 (a few
     * hundred kilobytes). Beyond it the subscriber misses events (counted in media.relay.events.dropped): in a group
     * another member with room gets them, so a stuck edge replica does not keep calls from being ended.
     */
    @WithDefault("1024")
    int eventBuffer();

    /**
     * Longest a drain waits for sessions to end before it deletes the rest; default 2h. While draining, new
     * sessions are refused (UNAVAILABLE) and readiness is DOWN, so the edge picks another relay.
     */
    @WithDefault("2h")
    Duration maxDrain();

    /**
     * Identity of this relay in responses and events (the edge routes in-dialog offers by it); default a random id
     * per process. Set it to something stable (the pod name) so that restarts keep the identity.
     */
    Optional<String> relayId();
}
