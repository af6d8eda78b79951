package io.sipplatform.edge.proxy;

import io.sipplatform.edge.transport.Inbound;
import io.sipplatform.sip.message.SipRequest;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The services behind the edge as the proxy core needs them. Implementations call gRPC with deadlines and never
 * fail the stage: a missing answer becomes a {@link Decision.Reject} / {@link LocalAnswer} through the one
 * gRPC-to-SIP table. Stages may complete on any thread; the core hops back to its own.
 */
public interface Upstream {

    /** Routing decision for an out-of-dialog request (not REGISTER). */
    CompletionStage<Decision> decide(SipRequest request, Inbound source);

    /**
     * Gives back a cluster-wide limit lease (concurrent calls) when a call ends. Fire and forget: a lost release
     * only holds the slot until the lease expires.
     */
    void releaseLease(String leaseId, String callId);

    /**
     * The relay a new call without an SDP offer will be anchored at (its offer comes in the 2xx, RFC 3264 §5), chosen
     * before the INVITE is forwarded so the Record-Route token can name it; null when no relay can be named (the
     * call's media then stays unanchored).
     */
    default String newSessionRelay() {
        return null;
    }

    /**
     * Anchors an SDP offer at the media relay (RFC 3264): an initial INVITE's ({@code leg.relay()} null: the
     * upstream picks a relay; {@code leg.toTag()} null), or a re-offer in a dialog (re-INVITE, UPDATE, or the offer
     * of a 2xx to an offerless re-INVITE) at the relay holding the session. {@code leg.fromTag()} is the offerer's
     * tag. The stage carries the SDP to forward instead, or a refusal.
     *
     * @param source   the offerer's signalling source (NAT fix of its c= address), or null when unknown
     * @param teardown the sealed teardown context to store with the session ({@link TeardownSeal}), or null to
     *                 keep the one the relay has
     */
    CompletionStage<Media> offer(MediaLeg leg, byte[] sdp, Inbound source, byte[] teardown);

    /**
     * Anchors an SDP answer at the relay holding the session; {@code leg.fromTag()} is the offerer's tag,
     * {@code leg.toTag()} the answerer's. Same result shape as {@link #offer}; {@code teardown} as there.
     */
    CompletionStage<Media> answer(MediaLeg leg, byte[] sdp, Inbound source, byte[] teardown);

    /**
     * Frees the relay session of a call ({@code leg.fromTag()}: the caller's tag; {@code leg.toTag()} the callee's,
     * or null for every branch); the stage carries the relay's final per-stream statistics (empty when the relay did
     * not answer or knew no such session; the relay also times idle media out).
     */
    CompletionStage<List<CallEvents.MediaStream>> deleteMedia(MediaLeg leg);

    /**
     * One relay session's leg as the relay API names it (media_relay.proto: a re-INVITE from the callee has the
     * tags swapped).
     *
     * @param relay   id of the relay holding the session (from the Record-Route token), or null to let the
     *                upstream pick one for a new session
     * @param callId  Call-ID
     * @param fromTag tag of the offerer (for a delete: the caller)
     * @param toTag   tag of the answerer, or null (initial offer; a delete of every branch)
     */
    record MediaLeg(String relay, String callId, String fromTag, String toTag) {
    }

    /**
     * The outcome of anchoring: the rewritten SDP, or a refusal (e.g. 488 for no common codec, 503 when the relay
     * has no ports).
     *
     * @param sdp    rewritten SDP, or null when refused
     * @param code   refusal status (0 when rewritten)
     * @param reason refusal reason
     * @param relay  id of the relay that anchored it (written into the Record-Route token), null when refused
     */
    record Media(byte[] sdp, int code, String reason, String relay) {
        /** The relay id of tokens that carry no id ({@code m=1}, written before several relays): the first one. */
        public static final String DEFAULT_RELAY = "1";

        public static Media rewritten(byte[] sdp, String relay) {
            return new Media(sdp.clone(), 0, null, relay);
        }

        public static Media refused(int code, String reason) {
            return new Media(null, code, reason, null);
        }

        public boolean ok() {
            return sdp != null;
        }
    }

    /** Registration through the registrar; the answer is the complete response to send. */
    CompletionStage<LocalAnswer> register(SipRequest request, Inbound source);

    /**
     * A response the edge builds itself.
     *
     * @param code    status
     * @param reason  reason phrase
     * @param headers extra header fields in order (e.g. Contact values, WWW-Authenticate, Min-Expires)
     */
    record LocalAnswer(int code, String reason, List<Decision.Header> headers) {
        public LocalAnswer {
            headers = List.copyOf(headers);
        }
    }
}
