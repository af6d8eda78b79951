package io.sipplatform.edge.transaction;

import io.sipplatform.sip.message.SipResponse;

/**
 * The listener of CANCEL transactions the layer sends for {@link ClientTransaction#cancel()}. The outcome of a
 * CANCEL changes nothing: the INVITE still ends with its own final response (487 if the CANCEL worked), Timer B
 * or the proxy's Timer C (RFC 3261 §9.1, §16.8), and failures are counted in {@link TransactionStats}.
 */
enum CancelOutcome implements ClientListener {
    IGNORED;

    @Override
    public void onProvisional(ClientTransaction transaction, SipResponse response) {
    }

    @Override
    public void onFinal(ClientTransaction transaction, SipResponse response) {
    }

    @Override
    public void onAdditionalSuccess(ClientTransaction transaction, SipResponse response) {
    }

    @Override
    public void onTimeout(ClientTransaction transaction) {
    }

    @Override
    public void onTransportError(ClientTransaction transaction, Throwable cause) {
    }
}
