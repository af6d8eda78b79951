package io.sipplatform.media.relay;

import java.time.Duration;
import java.time.Instant;

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
}
