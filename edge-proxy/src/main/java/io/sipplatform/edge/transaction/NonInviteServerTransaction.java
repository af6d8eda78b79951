package io.sipplatform.edge.transaction;

import io.sipplatform.edge.time.Timers;
import io.sipplatform.edge.transport.Inbound;
import io.sipplatform.sip.message.SipResponse;

/** RFC 3261 §17.2.2. */
final class NonInviteServerTransaction extends ServerTransaction {
    private Timers.Timer timerJ;

    NonInviteServerTransaction(TransactionLayer layer, ServerKey key, Inbound source) {
        super(layer, key, source, TransactionState.TRYING);
    }

    @Override
    public boolean isInvite() {
        return false;
    }

    @Override
    public boolean respond(SipResponse response) {
        if (state != TransactionState.TRYING && state != TransactionState.PROCEEDING) {
            return false; // §17.2.2: further finals are discarded in "Completed"
        }
        byte[] bytes = response.toBytes();
        lastResponse = bytes;
        boolean fin = response.statusCode() >= 200;
        if (!fin) {
            state = TransactionState.PROCEEDING;
            send(bytes);
            return true;
        }
        state = TransactionState.COMPLETED;
        if (!reliable) {
            timerJ = schedule("J", layer.settings.timerJ(), () -> terminate(TerminationCause.NORMAL));
        }
        send(bytes);
        finalSent(response);
        if (reliable) {
            terminate(TerminationCause.NORMAL); // Timer J is zero on reliable transports
        }
        return true;
    }

    @Override
    void onRetransmission() {
        layer.stats.retransmissionsAbsorbed++;
        if (state == TransactionState.PROCEEDING || state == TransactionState.COMPLETED) {
            resend(); // §17.2.2; in "Trying" there is nothing to re-send
        }
    }

    @Override
    void cancelTimers() {
        cancel(timerJ);
    }
}
