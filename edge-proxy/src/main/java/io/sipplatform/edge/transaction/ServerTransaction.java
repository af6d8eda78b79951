package io.sipplatform.edge.transaction;

import io.sipplatform.edge.time.Timers;
import io.sipplatform.edge.transport.Destination;
import io.sipplatform.edge.transport.Inbound;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * A server transaction (RFC 3261 §17.2): the request that created it and the state machine that sends the TU's
 * responses to {@link #responseDestination()}, re-sends them when the request is retransmitted, and (for INVITE)
 * retransmits a non-2xx final over UDP until the ACK comes. Used on the layer's thread only.
 */
public abstract sealed class ServerTransaction permits InviteServerTransaction, NonInviteServerTransaction {
    final TransactionLayer layer;
    final ServerKey key;
    final Inbound source;
    final SipRequest request;
    final Destination destination;
    final boolean reliable;
    private final Consumer<Throwable> onSendFailure = this::sendFailed;
    TransactionState state;
    /** The response a retransmitted request gets again; null when none is re-sent. */
    byte[] lastResponse;
    /** Whether the TU has seen this transaction, and so hears of its end. */
    boolean delivered;

    ServerTransaction(TransactionLayer layer, ServerKey key, Inbound source, TransactionState initial) {
        this.layer = layer;
        this.key = key;
        this.source = source;
        this.request = (SipRequest) source.message();
        this.destination = ResponseRoute.of(source);
        this.reliable = source.transport().reliable();
        this.state = initial;
    }

    /** The request that created the transaction, its top Via completed by {@link ReceivedStamp}. */
    public final SipRequest request() {
        return request;
    }

    /** The request as received (with the stamped message), for its transport, flow and source address. */
    public final Inbound source() {
        return source;
    }

    /** True for an INVITE server transaction (RFC 3261 §17.2.1), false for non-INVITE (§17.2.2). */
    public abstract boolean isInvite();

    /** The current state. */
    public final TransactionState state() {
        return state;
    }

    /** Where responses go (RFC 3261 §18.2.2, RFC 3581), fixed when the request arrived. */
    public final Destination responseDestination() {
        return destination;
    }

    /**
     * Sends a response built for {@link #request()}, provisional or final, as the state machine allows. For INVITE
     * a 2xx moves to "Accepted" (RFC 6026: the TU retransmits its 2xx itself, each passed through here until Timer
     * L) and a 300-699 to "Completed" (Timer G retransmits it over UDP until ACK or Timer H). For non-INVITE a
     * final moves to "Completed" (Timer J).
     *
     * @return false when the state machine discarded the response: a final after the final (a 2xx after a 2xx on
     *         INVITE excepted), or anything once terminated
     */
    public abstract boolean respond(SipResponse response);

    /** The request arrived again (RFC 3261 §17.2.1, §17.2.2): absorb it, re-sending the last response if due. */
    abstract void onRetransmission();

    abstract void cancelTimers();

    final void send(byte[] bytes) {
        layer.sender.send(destination, bytes, onSendFailure);
    }

    /** Tells the TU that the first final response went out. */
    final void finalSent(SipResponse response) {
        if (delivered) {
            layer.tu.onFinalSent(this, response);
        }
    }

    /** Sends the last response again (on a retransmitted request or Timer G). */
    final void resend() {
        layer.stats.retransmissionsSent++;
        send(lastResponse);
    }

    final Timers.Timer schedule(String name, Duration delay, Runnable task) {
        return layer.timers.schedule(name, delay, task);
    }

    /** Enters "Terminated", leaves the layer and tells the TU. Idempotent. */
    final void terminate(TerminationCause cause) {
        if (state == TransactionState.TERMINATED) {
            return;
        }
        state = TransactionState.TERMINATED;
        lastResponse = null;
        cancelTimers();
        layer.removed(this);
        if (delivered) {
            layer.tu.onTerminated(this, cause);
        }
    }

    // RFC 3261 §17.2.4: a response that cannot be sent ends the transaction, and the TU is told
    private void sendFailed(Throwable cause) {
        if (state != TransactionState.TERMINATED) {
            layer.stats.transportErrors++;
            terminate(TerminationCause.TRANSPORT_ERROR);
        }
    }

    static void cancel(Timers.Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    @Override
    public String toString() {
        return "ServerTransaction[" + key + ", " + state + "]";
    }
}
