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
