package io.sipplatform.edge.transaction;

import io.sipplatform.sip.message.SipResponse;

/**
 * What a client transaction reports to whoever sent its request (one listener per branch in a proxy). Exactly one
 * of {@link #onFinal}, {@link #onTimeout} or {@link #onTransportError} is called per transaction; an INVITE may
 * afterwards report further 2xx through {@link #onAdditionalSuccess}. Calls come on the layer's thread; a transport
 * error may be reported from inside {@link TransactionLayer#sendRequest} when the sender fails at once.
 */
public interface ClientListener {

    /** A provisional response (1xx, including 100 Trying). */
    void onProvisional(ClientTransaction transaction, SipResponse response);

    /**
     * The first final response. For a non-2xx final to an INVITE the layer has already sent the ACK
     * (RFC 3261 §17.1.1.3); for a 2xx the ACK is the TU's end-to-end business (§13.2.2.4).
     */
    void onFinal(ClientTransaction transaction, SipResponse response);

    /**
     * Another 2xx to an INVITE received in the "Accepted" state (RFC 6026): a retransmission of the first 2xx or a
     * 2xx from another fork. A proxy forwards each upstream (RFC 3261 §16.7 step 5).
     */
    void onAdditionalSuccess(ClientTransaction transaction, SipResponse response);

    /**
     * Timer B or F fired without a final response (RFC 3261 §17.1.1.2, §17.1.2.2), or a cancelled INVITE got no
     * final response within 64*T1 of its CANCEL (§9.1); a proxy treats it as 408.
     */
    void onTimeout(ClientTransaction transaction);

    /** The transport could not send the request (RFC 3261 §17.1.4); a proxy treats it as 503 (§16.9). */
    void onTransportError(ClientTransaction transaction, Throwable cause);
}
