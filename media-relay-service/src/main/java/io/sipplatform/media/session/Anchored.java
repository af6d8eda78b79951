package io.sipplatform.media.session;

import io.sipplatform.sip.sdp.SessionDescription;

import java.util.List;

/** The result of anchoring an offer or answer: the rewritten SDP, or a SIP outcome for the edge. */
public sealed interface Anchored {

    /** The SDP rewritten to the relay, with the relay ports of each m= line (0 for a refused stream). */
    record Rewritten(SessionDescription sdp, List<Allocation> streams) implements Anchored {
        public Rewritten {
            streams = List.copyOf(streams);
        }
    }

    /** Not anchored; {@code code} is the SIP status for the edge (e.g. 488, 481). */
    record Rejected(int code, String reason) implements Anchored {
    }

    /** Relay ports written for one m= line. */
    record Allocation(int index, String mediaType, String address, int rtpPort, int rtcpPort) {
    }
}
