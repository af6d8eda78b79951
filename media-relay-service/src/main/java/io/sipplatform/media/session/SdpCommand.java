package io.sipplatform.media.session;

import io.sipplatform.media.relay.Teardown;
import io.sipplatform.sip.sdp.SessionDescription;

import java.util.Objects;

/**
 * An offer or answer to anchor.
 *
 * @param fromTag tag of the party that sent the offer being anchored or answered
 * @param toTag             tag of the answering party; empty in an initial offer
 * @param signallingSource  IP the SDP's sender signalled from (after received/rport); empty when unknown
 * @param teardown          the edge's context for ending the call; empty keeps the session's current one
 */
public record SdpCommand(String callId, String fromTag, String toTag, SessionDescription sdp, MediaPolicy policy,
                         String signallingSource, Teardown teardown) {
    public SdpCommand {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(fromTag, "fromTag");
        toTag = toTag == null ? "" : toTag;
        Objects.requireNonNull(sdp, "sdp");
        policy = policy == null ? MediaPolicy.DEFAULT : policy;
        signallingSource = signallingSource == null ? "" : signallingSource;
        teardown = teardown == null ? Teardown.NONE : teardown;
    }
}
