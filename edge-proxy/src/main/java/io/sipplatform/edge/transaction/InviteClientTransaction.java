package io.sipplatform.edge.transaction;

import io.sipplatform.edge.time.Timers;
import io.sipplatform.edge.transport.Destination;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;

import java.time.Duration;

/**
 * RFC 3261 §17.1.1 with the "Accepted" state of RFC 6026, and CANCEL per §9.1. Besides the lettered timers it runs
 * one named "CANCEL": §9.1 gives up on an INVITE that has no final response 64*T1 after its CANCEL went out, which
 * keeps a dead next hop from holding the transaction (and a drain) open forever.
 */
final class InviteClientTransaction extends ClientTransaction {
    private Timers.Timer timerA;
    private Timers.Timer timerB;
    private Timers.Timer timerD;
    private Timers.Timer timerM;
    private Timers.Timer timerCancel;
    private Duration intervalA;
    private byte[] ack;
    private boolean cancelQueued;
    private boolean cancelSent;

    InviteClientTransaction(TransactionLayer layer, ClientKey key, SipRequest request, Destination destination,
                            ClientListener listener) {
        super(layer, key, request, destination, listener, TransactionState.CALLING);
    }

    @Override
    public boolean isInvite() {
        return true;
    }

    @Override
    void start() {
        if (!reliable) {
            intervalA = layer.settings.t1();
            timerA = schedule("A", intervalA, this::fireA);
        }
        timerB = schedule("B", layer.settings.timerB(), this::fireB);
        send(requestBytes);
    }

    @Override
    public boolean cancel() {
        if (state == TransactionState.CALLING) {
            cancelQueued = true; // §9.1: not before a provisional response
            return true;
        }
        if (state == TransactionState.PROCEEDING) {
            if (!cancelSent) {
                sendCancel();
            }
            return true;
        }
        return false; // a final response arrived, or the transaction ended
    }

    private void sendCancel() {
        cancelQueued = false;
        cancelSent = true;
        timerCancel = schedule("CANCEL", layer.settings.sixtyFourT1(), this::fireCancel);
        layer.sendRequest(ClientRequests.cancelFor(request), destination, CancelOutcome.IGNORED);
    }

    // §9.1: no final response 64*T1 after the CANCEL: consider the INVITE cancelled and destroy the transaction
    private void fireCancel() {
        if (state == TransactionState.PROCEEDING) {
            layer.stats.timeouts++;
            terminate();
            listener.onTimeout(this);
        }
    }

    @Override
    void onResponse(SipResponse response) {
        int code = response.statusCode();
        switch (state) {
            case CALLING, PROCEEDING -> {
                if (code < 200) {
                    if (state == TransactionState.CALLING) {
                        state = TransactionState.PROCEEDING;
                        cancel(timerA);
                        cancel(timerB);
                        if (cancelQueued) {
                            sendCancel();
                        }
                    }
                    listener.onProvisional(this, response);
                } else if (code < 300) {
                    // RFC 6026: "Accepted" until Timer M, passing further 2xx to the TU; the TU ACKs 2xx
                    state = TransactionState.ACCEPTED;
                    finalArrived();
                    timerM = schedule("M", layer.settings.timerM(), this::terminate);
                    listener.onFinal(this, response);
                } else {
                    state = TransactionState.COMPLETED;
                    finalArrived();
                    ack = ClientRequests.ackFor(request, response);
                    if (!reliable) {
                        timerD = schedule("D", layer.settings.timerD(), this::terminate);
                    }
                    send(ack);
                    if (reliable) {
                        terminate(); // Timer D is zero on reliable transports
                    }
                    listener.onFinal(this, response);
                }
            }
            case ACCEPTED -> {
                if (code >= 200 && code < 300) {
                    listener.onAdditionalSuccess(this, response);
                } else {
                    layer.stats.retransmissionsAbsorbed++;
                }
            }
            case COMPLETED -> {
                layer.stats.retransmissionsAbsorbed++;
                if (code >= 300) {
                    // §17.1.1.2: a retransmitted final is answered with the ACK again, not passed up
                    layer.stats.retransmissionsSent++;
                    send(ack);
                }
            }
            default -> {
                // terminated: no longer in the layer's table, so nothing arrives here
            }
        }
    }

    private void finalArrived() {
        cancel(timerA);
        cancel(timerB);
        cancel(timerCancel);
        cancelQueued = false; // §9.1: a final response makes the CANCEL pointless
    }

    // §17.1.1.2: retransmit, doubling without a cap, until a response or Timer B
    private void fireA() {
        if (state != TransactionState.CALLING) {
            return;
        }
        intervalA = intervalA.multipliedBy(2);
        timerA = schedule("A", intervalA, this::fireA);
        layer.stats.retransmissionsSent++;
        send(requestBytes);
    }

    private void fireB() {
        if (state == TransactionState.CALLING) {
            layer.stats.timeouts++;
            terminate();
            listener.onTimeout(this);
        }
    }

    @Override
    void sendFailed(Throwable cause) {
        switch (state) {
            case CALLING, PROCEEDING -> {
                layer.stats.transportErrors++;
                terminate();
                listener.onTransportError(this, cause);
            }
            case COMPLETED -> {
                layer.stats.transportErrors++;
                terminate(); // the ACK could not go; the TU already has the final response
            }
            default -> {
                // "Accepted": the final response arrived, so the failure changes nothing
            }
        }
    }

    @Override
    void cancelTimers() {
        cancel(timerA);
        cancel(timerB);
        cancel(timerD);
        cancel(timerM);
        cancel(timerCancel);
    }
}
