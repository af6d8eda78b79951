package io.sipplatform.media.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Something subscribers (edge, cdr-service) hear about a session's media. */
public sealed interface MediaEvent {
    /** Call-ID of the session. */
    String callId();

    /** Dialog tag of the party the event is about. */
    String tag();

    /** Index of the m= line. */
    int streamIndex();

    /** When the relay observed it. */
    Instant at();

    /** The first RTP packet of a party arrived from {@code source}, now latched. */
    record FirstPacket(String callId, String tag, int streamIndex, Instant at, Endpoint source,
                       boolean fromSignalledAddress) implements MediaEvent {
    }

    /** No RTP from either party for {@code idle}; {@code teardown} is the session's context for ending the call. */
    record MediaTimeout(String callId, String tag, int streamIndex, Instant at, Duration idle, Teardown teardown)
            implements MediaEvent {
    }

    /**
     * The relay ended a session itself: it stayed silent and undeleted for its timeout plus the expiry. Its ports are
     * released; {@code stats} are the final statistics as Delete returns them.
     */
    record SessionExpired(String callId, String tag, int streamIndex, Instant at, List<SideStats> stats,
                          Teardown teardown) implements MediaEvent {
        public SessionExpired {
            stats = List.copyOf(stats);
        }
    }
}
