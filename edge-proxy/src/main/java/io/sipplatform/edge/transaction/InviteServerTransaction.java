package io.sipplatform.edge.transaction;

import io.sipplatform.edge.time.Timers;
import io.sipplatform.edge.transport.Inbound;
import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.message.HeaderName;
import io.sipplatform.sip.message.SipMessageBuilder;
import io.sipplatform.sip.message.SipResponse;
import io.sipplatform.sip.message.SipStatus;

import java.time.Duration;
import java.util.Objects;

/** RFC 3261 §17.2.1 with the "Accepted" state of RFC 6026. */
final class InviteServerTransaction extends ServerTransaction {
    private static final SipStatus TRYING = SipStatus.of(100);

    private Timers.Timer timerG;
    private Timers.Timer timerH;
    private Timers.Timer timerI;
    private Timers.Timer timerL;
    private Duration intervalG;
    /** To tag of the final response, which an RFC 2543 ACK must carry to match (§17.2.3). */
    private String finalToTag;

    InviteServerTransaction(TransactionLayer layer, ServerKey key, Inbound source) {
        super(layer, key, source, TransactionState.PROCEEDING);
    }

    @Override
    public boolean isInvite() {
        return true;
    }

    /** RFC 3261 §17.2.1 and §16.2: 100 Trying at once; §8.2.6.1: Timestamp echoed. No To tag on a 100. */
    void sendTrying() {
        byte[] trying = SipMessageBuilder.responseTo(request, TRYING).copyHeader(request, HeaderName.TIMESTAMP)
                .toBytes();
        lastResponse = trying;
        send(trying);
    }

    @Override
    public boolean respond(SipResponse response) {
        int code = response.statusCode();
        if (state == TransactionState.PROCEEDING) {
            byte[] bytes = response.toBytes();
            if (code < 200) {
                lastResponse = bytes;
            } else if (code < 300) {
                // RFC 6026: "Accepted"; INVITE retransmissions are absorbed, 2xx retransmissions come from the TU
                state = TransactionState.ACCEPTED;
                lastResponse = null;
                finalToTag = toTagForLegacyAck(response);
                timerL = schedule("L", layer.settings.timerL(), () -> terminate(TerminationCause.NORMAL));
            } else {
                state = TransactionState.COMPLETED;
                lastResponse = bytes;
                finalToTag = toTagForLegacyAck(response);
                if (!reliable) {
                    intervalG = layer.settings.t1();
                    timerG = schedule("G", intervalG, this::fireG);
                }
                timerH = schedule("H", layer.settings.timerH(), this::fireH);
            }
            send(bytes);
            if (code >= 200) {
                finalSent(response);
            }
            return true;
        }
        if (state == TransactionState.ACCEPTED && code >= 200 && code < 300) {
            send(response.toBytes()); // RFC 6026: a 2xx from the TU in "Accepted" goes out
            return true;
        }
        return false;
    }

    @Override
    void onRetransmission() {
        layer.stats.retransmissionsAbsorbed++;
        if (state == TransactionState.PROCEEDING || state == TransactionState.COMPLETED) {
            resend(); // RFC 3261 §17.2.1: the last provisional, or the final in "Completed"
        }
    }

    /**
     * An ACK matched this transaction. Returns true when absorbed; false when the TU must have it (RFC 6026: an ACK
     * in "Accepted" is the ACK for the 2xx).
     */
    boolean onAck() {
        switch (state) {
            case COMPLETED -> {
                state = TransactionState.CONFIRMED;
                cancel(timerG);
                cancel(timerH);
                if (reliable) {
                    terminate(TerminationCause.NORMAL); // Timer I is zero on reliable transports
                } else {
                    timerI = schedule("I", layer.settings.timerI(), () -> terminate(TerminationCause.NORMAL));
                }
                return true;
            }
            case CONFIRMED, PROCEEDING -> {
                // a retransmitted ACK; or an ACK before any final, which acknowledges nothing
                layer.stats.retransmissionsAbsorbed++;
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** RFC 3261 §17.2.3 (RFC 2543 rule): the ACK's To tag must be the final response's. */
    boolean ackToTagMatches(String toTag) {
        return state == TransactionState.PROCEEDING || Objects.equals(finalToTag, toTag);
    }

    private String toTagForLegacyAck(SipResponse response) {
        if (!(key instanceof ServerKey.Legacy)) {
            return null;
        }
        try {
            return response.toTag();
        } catch (SipParseException e) {
            return null;
        }
    }

    // RFC 3261 §17.2.1: retransmit the final, doubling up to T2
    private void fireG() {
        if (state != TransactionState.COMPLETED) {
            return;
        }
        intervalG = layer.settings.capT2(intervalG.multipliedBy(2));
        timerG = schedule("G", intervalG, this::fireG);
        resend();
    }

    // RFC 3261 §17.2.1: no ACK came
    private void fireH() {
        if (state == TransactionState.COMPLETED) {
            layer.stats.noAckTimeouts++;
            terminate(TerminationCause.TIMER_H);
        }
    }

    @Override
    void cancelTimers() {
        cancel(timerG);
        cancel(timerH);
        cancel(timerI);
        cancel(timerL);
    }
}
