package io.sipplatform.edge.transaction;

import io.sipplatform.edge.transport.Inbound;
import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.message.SipResponse;

/**
 * The layer above the transactions (the proxy core, RFC 3261 §16). Every call comes on the layer's thread, from
 * inside {@link TransactionLayer#onRequest}, {@link TransactionLayer#onResponse} or a timer; the TU may call back
 * into the layer from these methods.
 */
public interface TransactionUser {

    /**
     * A new request created a server transaction (RFC 3261 §17.2.3 found no match). An INVITE has already been
     * answered with 100 Trying. The TU must eventually {@link ServerTransaction#respond respond} with a final
     * response; the layer has no timer that would do it (a proxy's Timer C and its client transactions' Timers B
     * and F produce the 408).
     */
    void onRequest(ServerTransaction transaction);

    /**
     * An ACK that no INVITE server transaction absorbed: the ACK for a 2xx (its own transaction, RFC 3261 §17), an
     * ACK matching an INVITE server transaction in the "Accepted" state (RFC 6026), or a stray ACK. A proxy forwards
     * it; nothing answers an ACK.
     */
    void onAck(Inbound ack);

    /**
     * A response that matches no client transaction (RFC 3261 §17.1.3), e.g. a 2xx retransmitted after Timer M. A
     * proxy processes it statelessly (§16.7).
     */
    void onStrayResponse(Inbound response);

    /**
     * A server transaction handed to {@link #onRequest} has ended and left the layer. {@link TerminationCause#TIMER_H}
     * and {@link TerminationCause#TRANSPORT_ERROR} mean the peer may not have the final response.
     */
    void onTerminated(ServerTransaction transaction, TerminationCause cause);

    /**
     * The first final response of a server transaction handed to {@link #onRequest} went out (for telemetry: the
     * transaction's outcome is known here, long before Timer J/H/L end it). Nothing by default.
     */
    default void onFinalSent(ServerTransaction transaction, SipResponse response) {
    }

    /**
     * A message whose transaction-identifying headers (top Via, CSeq; for RFC 2543 requests also Call-ID, From, To
     * and the Request-URI) do not parse, so no transaction can be matched or created. Already counted in
     * {@link TransactionStats#unreadable()}; a TU answers a request with 400 statelessly when it can, and drops
     * a response.
     */
    void onMalformed(Inbound message, SipParseException problem);
}
