package io.sipplatform.edge.transaction;

import io.sipplatform.edge.transport.Transport;
import io.sipplatform.sip.message.SipMethod;
import io.sipplatform.sip.message.SipRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.sipplatform.edge.transaction.Messages.request;
import static io.sipplatform.edge.transaction.Messages.response;
import static io.sipplatform.edge.transaction.Messages.udp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NonInviteServerTransactionTest {
    private final Harness h = new Harness();
    private final SipRequest register = request(SipMethod.REGISTER, "z9hG4bKreg1");

    private ServerTransaction receive() {
        h.layer.onRequest(udp(register));
        return h.tu.last();
    }

    @Test
    void newNonInviteRequestGetsNo100AndStartsInTrying() {
        ServerTransaction tx = receive();

        assertFalse(tx.isInvite());
        assertEquals(TransactionState.TRYING, tx.state());
        assertEquals(List.of(), h.sender.sent);
        assertEquals(List.of(), h.timers.pendingNames());
        assertEquals(1, h.layer.stats().openNonInviteServer());
    }

    @Test
    void retransmissionInTryingIsAbsorbedSilently() {
        receive();
        h.layer.onRequest(udp(register));

        assertEquals(List.of(), h.sender.sent);
        assertEquals(1, h.tu.requests.size());
        assertEquals(1, h.layer.stats().retransmissionsAbsorbed());
    }

    @Test
    void retransmissionInProceedingResendsTheProvisional() {
        ServerTransaction tx = receive();
        assertTrue(tx.respond(response(tx.request(), 100, null)));
        assertEquals(TransactionState.PROCEEDING, tx.state());
        assertEquals(List.of(), h.timers.pendingNames());

        h.layer.onRequest(udp(register));

        assertEquals(List.of("SIP/2.0 100 Trying", "SIP/2.0 100 Trying"), h.sender.startLines());
    }

    @Test
    void finalMovesToCompletedWhereRetransmissionsGetTheFinalUntilTimerJ() {
        ServerTransaction tx = receive();
        tx.respond(response(tx.request(), 200, "r1"));

        assertEquals(TransactionState.COMPLETED, tx.state());
        assertEquals(List.of("J"), h.timers.pendingNames());
        assertEquals(Duration.ofSeconds(32), h.timers.delayOf("J"));

        h.layer.onRequest(udp(register));
        h.layer.onRequest(udp(register));
        assertEquals(List.of("SIP/2.0 200 OK", "SIP/2.0 200 OK", "SIP/2.0 200 OK"), h.sender.startLines());

        h.timers.fire("J");

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(List.of(new RecordingUser.Ended(tx, TerminationCause.NORMAL)), h.tu.ended);
        assertEquals(0, h.layer.openTransactions());
        // after Timer J the same request is new again
        h.layer.onRequest(udp(register));
        assertEquals(2, h.tu.requests.size());
    }

    @Test
    void furtherResponsesInCompletedAreDiscarded() {
        ServerTransaction tx = receive();
        tx.respond(response(tx.request(), 401, "r1"));

        assertFalse(tx.respond(response(tx.request(), 200, "r1")));
        assertFalse(tx.respond(response(tx.request(), 100, null)));
        assertEquals(1, h.sender.sent.size());
    }

    @Test
    void overTcpTheFinalEndsTheTransactionAtOnce() {
        h.layer.onRequest(Messages.over(Transport.TCP, register));
        ServerTransaction tx = h.tu.last();
        tx.respond(response(tx.request(), 200, "r1"));

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(List.of(), h.timers.pendingNames());
        assertEquals(1, h.sender.sent.size());
        assertEquals(List.of(new RecordingUser.Ended(tx, TerminationCause.NORMAL)), h.tu.ended);
    }

    @Test
    void transportErrorOnTheFinalEndsTheTransaction() {
        ServerTransaction tx = receive();
        h.sender.failing = true;
        tx.respond(response(tx.request(), 200, "r1"));

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(List.of(new RecordingUser.Ended(tx, TerminationCause.TRANSPORT_ERROR)), h.tu.ended);
        assertEquals(List.of(), h.timers.pendingNames());
    }
}
