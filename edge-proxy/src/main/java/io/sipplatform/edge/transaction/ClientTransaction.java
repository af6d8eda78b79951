package io.sipplatform.edge.transaction;

import io.sipplatform.edge.time.Timers;
import io.sipplatform.edge.transport.Destination;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * A client transaction (RFC 3261 §17.1): sends one request to one destination, retransmits it over UDP, matches
 * its responses by branch and method (§17.1.3) and reports them to its {@link ClientListener}. Used on the layer's
 * thread only.
 */
public abstract sealed class ClientTransaction permits InviteClientTransaction, NonInviteClientTransaction {
    final TransactionLayer layer;
    final ClientKey key;
    final SipRequest request;
    final byte[] requestBytes;
    final Destination destination;
    final ClientListener listener;
    final boolean reliable;
    final Consumer<Throwable> onSendFailure = this::sendFailed;
    TransactionState state;

    ClientTransaction(TransactionLayer layer, ClientKey key, SipRequest request, Destination destination,
                      ClientListener listener, TransactionState initial) {
        this.layer = layer;
        this.key = key;
        this.request = request;
        this.requestBytes = request.toBytes();
        this.destination = destination;
        this.listener = listener;
        this.reliable = destination.transport().reliable();
        this.state = initial;
    }

    /** The request as sent. */
    public final SipRequest request() {
        return request;
    }

    /** Where the request (and its retransmissions, ACK and CANCEL) goes. */
    public final Destination destination() {
        return destination;
    }

    /** The branch of the request's top Via, which identifies this transaction with the method. */
    public final String branch() {
        return key.branch();
    }

    /** True for an INVITE client transaction (RFC 3261 §17.1.1), false for non-INVITE (§17.1.2). */
    public abstract boolean isInvite();

    /** The current state. */
    public final TransactionState state() {
        return state;
    }

    /**
     * Cancels an INVITE (RFC 3261 §9.1): builds the CANCEL and sends it as its own non-INVITE client transaction to
     * the same destination, at once if a provisional response has arrived, else as soon as one does. If the INVITE
     * then gets no final response within 64*T1, the transaction ends and the listener hears
     * {@link ClientListener#onTimeout} (§9.1). Idempotent.
     *
     * @return true when a CANCEL is sent or queued; false when there is nothing to cancel: a final response has
     *         arrived, the transaction ended, or it is not an INVITE (§9.1: a non-INVITE is not cancelled)
     */
    public boolean cancel() {
        return false;
    }

    abstract void start();

    abstract void onResponse(SipResponse response);

    abstract void sendFailed(Throwable cause);

    abstract void cancelTimers();

    final void send(byte[] bytes) {
        layer.sender.send(destination, bytes, onSendFailure);
    }

    final Timers.Timer schedule(String name, Duration delay, Runnable task) {
        return layer.timers.schedule(name, delay, task);
    }

    /** Enters "Terminated" and leaves the layer. Idempotent. */
    final void terminate() {
        if (state == TransactionState.TERMINATED) {
            return;
        }
        state = TransactionState.TERMINATED;
        cancelTimers();
        layer.removed(this);
    }

    static void cancel(Timers.Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    @Override
    public String toString() {
        return "ClientTransaction[" + key + ", " + state + "]";
    }
}
