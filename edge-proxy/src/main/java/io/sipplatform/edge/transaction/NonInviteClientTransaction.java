package io.sipplatform.edge.transaction;

import io.sipplatform.edge.time.Timers;
import io.sipplatform.edge.transport.Destination;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;

import java.time.Duration;

/** RFC 3261 §17.1.2. */
final class NonInviteClientTransaction extends ClientTransaction {
    private Timers.Timer timerE;
    private Timers.Timer timerF;
    private Timers.Timer timerK;
    private Duration intervalE;

    NonInviteClientTransaction(TransactionLayer layer, ClientKey key, SipRequest request, Destination destination,
                               ClientListener listener) {
        super(layer, key, request, destination, listener, TransactionState.TRYING);
    }

    @Override
    public boolean isInvite() {
        return false;
    }

    @Override
    void start() {
        if (!reliable) {
            intervalE = layer.settings.t1();
            timerE = schedule("E", intervalE, this::fireE);
        }
        timerF = schedule("F", layer.settings.timerF(), this::fireF);
        send(requestBytes);
    }

    @Override
    void onResponse(SipResponse response) {
        if (state != TransactionState.TRYING && state != TransactionState.PROCEEDING) {
            layer.stats.retransmissionsAbsorbed++; // §17.1.2.2: "Completed" absorbs retransmitted finals
            return;
        }
        if (response.statusCode() < 200) {
            state = TransactionState.PROCEEDING;
            listener.onProvisional(this, response);
            return;
        }
        state = TransactionState.COMPLETED;
        cancel(timerE);
        cancel(timerF);
        if (reliable) {
            terminate(); // Timer K is zero on reliable transports
        } else {
            timerK = schedule("K", layer.settings.timerK(), this::terminate);
        }
        listener.onFinal(this, response);
    }

    // §17.1.2.2: doubling up to T2 in "Trying", T2 in "Proceeding"
    private void fireE() {
        if (state == TransactionState.TRYING) {
            intervalE = layer.settings.capT2(intervalE.multipliedBy(2));
        } else if (state == TransactionState.PROCEEDING) {
            intervalE = layer.settings.t2();
        } else {
            return;
        }
        timerE = schedule("E", intervalE, this::fireE);
        layer.stats.retransmissionsSent++;
        send(requestBytes);
    }

    private void fireF() {
        if (state == TransactionState.TRYING || state == TransactionState.PROCEEDING) {
            layer.stats.timeouts++;
            terminate();
            listener.onTimeout(this);
        }
    }

    @Override
    void sendFailed(Throwable cause) {
        if (state == TransactionState.TRYING || state == TransactionState.PROCEEDING) {
            layer.stats.transportErrors++;
            terminate();
            listener.onTransportError(this, cause);
        }
    }

    @Override
    void cancelTimers() {
        cancel(timerE);
        cancel(timerF);
        cancel(timerK);
    }
}
