package io.sipplatform.edge.teardown;

import io.sipplatform.edge.proxy.CallEvents;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * One event of a relay's event stream, as the edge needs it.
 *
 * @param relay    the edge's id of the relay it came from (the one to delete the session at)
 * @param kind     what happened
 * @param callId   Call-ID of the session
 * @param teardown the sealed teardown context the relay returned with it (empty when none)
 * @param at       when the relay observed it
 * @param streams  the final statistics of a session the relay ended (session expired), given the caller's tag
 *                 (which tells the caller's streams from the callee's); empty for other events
 */
public record RelayEvent(String relay, Kind kind, String callId, byte[] teardown, Instant at,
                         Function<String, List<CallEvents.MediaStream>> streams) {

    /** The kinds of event. */
    public enum Kind {
        /** No RTP from either party for the session's media timeout. */
        MEDIA_TIMEOUT,
        /** The relay ended the session itself, still without media long after its timeout. */
        SESSION_EXPIRED,
        /** Anything else (first packet, kinds newer than this edge): nothing to end. */
        OTHER
    }
}
