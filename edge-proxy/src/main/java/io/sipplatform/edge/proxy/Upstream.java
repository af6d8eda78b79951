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
     * Anchors an SDP offer at the media relay (RFC 3264 offer from the caller, leg identified by Call-ID and
     * from-tag); the stage carries the SDP to forward instead, or a refusal to answer the caller with.
     */
    CompletionStage<Media> offer(String callId, String fromTag, byte[] sdp, Inbound source);

    /** Anchors the callee's SDP answer (to-tag) for the same session; same result shape as {@link #offer}. */
    CompletionStage<Media> answer(String callId, String fromTag, String toTag, byte[] sdp, Inbound source);

    /**
     * Frees the relay session of a call; the stage carries the relay's final per-stream statistics (empty when the
     * relay did not answer or knew no such session; the relay also times idle media out).
     */
    CompletionStage<List<CallEvents.MediaStream>> deleteMedia(String callId, String fromTag, String toTag);

    /**
     * The outcome of anchoring: the rewritten SDP, or a refusal (e.g. 488 for no common codec, 503 when the relay
     * has no ports).
     *
     * @param sdp    rewritten SDP, or null when refused
     * @param code   refusal status (0 when rewritten)
     * @param reason refusal reason
     */
    record Media(byte[] sdp, int code, String reason) {
        public static Media rewritten(byte[] sdp) {
            return new Media(sdp.clone(), 0, null);
        }

        public static Media refused(int code, String reason) {
            return new Media(null, code, reason);
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
