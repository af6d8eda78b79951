package io.sipplatform.edge.transaction;

import io.sipplatform.edge.transport.Destination;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.sip.message.HeaderName;
import io.sipplatform.sip.message.SipMessage;
import io.sipplatform.sip.message.SipMessageBuilder;
import io.sipplatform.sip.message.SipMethod;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;
import io.sipplatform.sip.message.SipStatus;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import static io.sipplatform.edge.transaction.Harness.millis;
import static io.sipplatform.edge.transaction.Messages.ackFor;
import static io.sipplatform.edge.transaction.Messages.request;
import static io.sipplatform.edge.transaction.Messages.response;
import static io.sipplatform.edge.transaction.Messages.udp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InviteServerTransactionTest {
    private final Harness h = new Harness();
    private final SipRequest invite = request(SipMethod.INVITE, "z9hG4bK776asdhds");

    private ServerTransaction receiveInvite() {
        h.layer.onRequest(udp(invite));
        return h.tu.last();
    }

    @Test
    void newInviteIsAnswered100TryingAtOnceWithoutToTagAndHandedToTheTu() {
        ServerTransaction tx = receiveInvite();

        assertEquals(List.of("SIP/2.0 100 Trying"), h.sender.startLines());
        SipMessage trying = h.sender.last().message();
        assertNull(trying.toTag());
        assertEquals(invite.callId(), trying.callId());
        assertEquals(new Destination(Transport.UDP, Messages.PHONE, null), h.sender.last().destination());
        assertTrue(tx.isInvite());
        assertEquals(TransactionState.PROCEEDING, tx.state());
        assertEquals(List.of(), h.timers.pendingNames());
        assertEquals(1, h.layer.openTransactions());
        assertEquals(1, h.layer.stats().openInviteServer());
    }

    @Test
    void hundredTryingEchoesTimestamp() {
        SipRequest stamped = (SipRequest) invite.toBuilder().addHeader(HeaderName.TIMESTAMP, "54.3").build();
        h.layer.onRequest(udp(stamped));

        assertEquals("54.3", h.sender.last().message().header(HeaderName.TIMESTAMP));
    }

    @Test
    void requestAndResponsesCarryReceivedAndRport() {
        ServerTransaction tx = receiveInvite();

        String via = tx.request().header(HeaderName.VIA);
        assertTrue(via.contains("rport=40000") && via.contains("received=203.0.113.7"), via);
        assertEquals(via, h.sender.last().message().header(HeaderName.VIA));
    }

    @Test
    void retransmittedInviteInProceedingResendsTheLastProvisional() {
        ServerTransaction tx = receiveInvite();
        h.layer.onRequest(udp(invite));
        assertEquals(List.of("SIP/2.0 100 Trying", "SIP/2.0 100 Trying"), h.sender.startLines());

        tx.respond(response(tx.request(), 180, "as83kd9"));
        h.layer.onRequest(udp(invite));

        assertEquals("SIP/2.0 180 Ringing", h.sender.last().startLine());
        assertEquals(4, h.sender.sent.size());
        assertEquals(1, h.tu.requests.size());
        assertEquals(2, h.layer.stats().retransmissionsAbsorbed());
        assertEquals(2, h.layer.stats().retransmissionsSent());
    }

    @Test
    void inviteServerRetransmits486OnTimerGUntilAck() {
        ServerTransaction tx = receiveInvite();
        assertTrue(tx.respond(response(tx.request(), 486, "as83kd9")));
        assertEquals(TransactionState.COMPLETED, tx.state());
        assertEquals(List.of("G", "H"), h.timers.pendingNames());
        assertEquals(Duration.ofSeconds(32), h.timers.delayOf("H"));

        List<Duration> schedule = h.fireRepeatedly("G", 6);

        assertEquals(millis(500, 1000, 2000, 4000, 4000, 4000), schedule);
        assertEquals(1 + 1 + 6, h.sender.sent.size());
        assertEquals("SIP/2.0 486 Busy Here", h.sender.last().startLine());

        h.layer.onRequest(udp(ackFor(invite, "as83kd9")));

        assertEquals(TransactionState.CONFIRMED, tx.state());
        assertEquals(List.of("I"), h.timers.pendingNames());
        assertEquals(Duration.ofSeconds(5), h.timers.delayOf("I"));
        assertEquals(List.of(), h.tu.acks);
        assertEquals(8, h.sender.sent.size());
    }

    @Test
    void retransmittedInviteInCompletedResendsTheFinal() {
        ServerTransaction tx = receiveInvite();
        tx.respond(response(tx.request(), 486, "as83kd9"));
        h.sender.clear();

        h.layer.onRequest(udp(invite));

        assertEquals(List.of("SIP/2.0 486 Busy Here"), h.sender.startLines());
        assertEquals(1, h.tu.requests.size());
    }

    @Test
    void ackInConfirmedIsAbsorbedAndTimerIEndsTheTransaction() {
        ServerTransaction tx = receiveInvite();
        tx.respond(response(tx.request(), 603, "as83kd9"));
        h.layer.onRequest(udp(ackFor(invite, "as83kd9")));
        h.layer.onRequest(udp(ackFor(invite, "as83kd9")));

        assertEquals(List.of(), h.tu.acks);
        assertEquals(1, h.layer.stats().retransmissionsAbsorbed());

        h.timers.fire("I");

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(List.of(new RecordingUser.Ended(tx, TerminationCause.NORMAL)), h.tu.ended);
        assertEquals(0, h.layer.openTransactions());
        assertEquals(0, h.layer.stats().openInviteServer());
    }

    @Test
    void timerHEndsTheTransactionWithoutAckAndTellsTheTu() {
        ServerTransaction tx = receiveInvite();
        tx.respond(response(tx.request(), 480, "as83kd9"));

        h.timers.advance(Duration.ofSeconds(32));

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(List.of(new RecordingUser.Ended(tx, TerminationCause.TIMER_H)), h.tu.ended);
        assertEquals(List.of(), h.timers.pendingNames());
        assertEquals(1, h.layer.stats().noAckTimeouts());
        // G fired at 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5 and 31.5 s
        assertEquals(1 + 1 + 10, h.sender.sent.size());
        // a late ACK finds no transaction and goes to the TU
        h.layer.onRequest(udp(ackFor(invite, "as83kd9")));
        assertEquals(1, h.tu.acks.size());
    }

    @Test
    void twoHundredMovesToAcceptedWhereTheTuRetransmitsAndTimerLEnds() {
        ServerTransaction tx = receiveInvite();
        SipResponse ok = response(tx.request(), 200, "as83kd9");
        assertTrue(tx.respond(ok));

        assertEquals(TransactionState.ACCEPTED, tx.state());
        assertEquals(List.of("L"), h.timers.pendingNames());
        assertEquals(Duration.ofSeconds(32), h.timers.delayOf("L"));

        // RFC 6026: retransmitted INVITEs are absorbed without a response; the TU's 2xx retransmissions go out
        h.layer.onRequest(udp(invite));
        assertEquals(2, h.sender.sent.size());
        assertTrue(tx.respond(ok));
        assertEquals(List.of("SIP/2.0 100 Trying", "SIP/2.0 200 OK", "SIP/2.0 200 OK"), h.sender.startLines());
        assertFalse(tx.respond(response(tx.request(), 486, "as83kd9")));
        assertFalse(tx.respond(response(tx.request(), 180, "as83kd9")));

        h.timers.fire("L");

        assertEquals(List.of(new RecordingUser.Ended(tx, TerminationCause.NORMAL)), h.tu.ended);
        assertEquals(0, h.layer.openTransactions());
    }

    @Test
    void ackMatchingAnAcceptedTransactionGoesToTheTu() {
        ServerTransaction tx = receiveInvite();
        tx.respond(response(tx.request(), 200, "as83kd9"));

        SipRequest ack = ackFor(invite, "as83kd9"); // a UAC that reuses the INVITE branch for the 2xx ACK
        h.layer.onRequest(udp(ack));

        assertEquals(1, h.tu.acks.size());
        assertSame(ack, h.tu.acks.get(0).message());
        assertEquals(TransactionState.ACCEPTED, tx.state());
    }

    @Test
    void ackForA2xxWithItsOwnBranchGoesToTheTu() {
        ServerTransaction tx = receiveInvite();
        tx.respond(response(tx.request(), 200, "as83kd9"));

        h.layer.onRequest(udp(request(SipMethod.ACK, "SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bKnew;rport", 1,
                "as83kd9")));

        assertEquals(1, h.tu.acks.size());
    }

    @Test
    void overTcpNoTimerGRunsAndTheAckEndsTheTransactionAtOnce() {
        h.layer.onRequest(Messages.over(Transport.TCP, invite));
        ServerTransaction tx = h.tu.last();
        tx.respond(response(tx.request(), 486, "as83kd9"));

        assertEquals(List.of("H"), h.timers.pendingNames());
        assertEquals("flow-1", h.sender.last().destination().flowId());

        h.layer.onRequest(Messages.over(Transport.TCP, ackFor(invite, "as83kd9")));

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(List.of(), h.timers.pendingNames());
        assertEquals(List.of(new RecordingUser.Ended(tx, TerminationCause.NORMAL)), h.tu.ended);
    }

    @Test
    void transportErrorOnAResponseEndsTheTransactionAndTellsTheTu() {
        ServerTransaction tx = receiveInvite();
        tx.respond(response(tx.request(), 486, "as83kd9"));
        h.sender.failLast();

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(List.of(new RecordingUser.Ended(tx, TerminationCause.TRANSPORT_ERROR)), h.tu.ended);
        assertEquals(List.of(), h.timers.pendingNames());
        assertEquals(1, h.layer.stats().transportErrors());
        // a failure reported after the end changes nothing
        h.sender.failLast();
        assertEquals(1, h.tu.ended.size());
    }

    @Test
    void inviteWhose100TryingCannotBeSentNeverReachesTheTu() {
        h.sender.failing = true;
        h.layer.onRequest(udp(invite));

        assertEquals(List.of(), h.tu.requests);
        assertEquals(List.of(), h.tu.ended);
        assertEquals(0, h.layer.openTransactions());
        assertEquals(1, h.layer.stats().transportErrors());
    }

    @Test
    void finalResponsesAfterTheFinalAreDiscarded() {
        ServerTransaction tx = receiveInvite();
        tx.respond(response(tx.request(), 486, "as83kd9"));

        assertFalse(tx.respond(response(tx.request(), 200, "as83kd9")));
        assertFalse(tx.respond(response(tx.request(), 487, "as83kd9")));
        assertEquals(2, h.sender.sent.size());
    }

    @Test
    void tuMayAnswerFromInsideOnRequest() {
        h.tu.onRequest = tx -> tx.respond(
                (SipResponse) SipMessageBuilder.responseTo(tx.request(), SipStatus.of(404)).toTagIfAbsent("x").build());
        h.layer.onRequest(udp(invite));

        assertEquals(List.of("SIP/2.0 100 Trying", "SIP/2.0 404 Not Found"), h.sender.startLines());
        assertEquals(TransactionState.COMPLETED, h.tu.last().state());
    }

    @Test
    void responsesGoWhereResponseRouteSays() {
        ServerTransaction tx = receiveInvite();

        assertEquals(new Destination(Transport.UDP, new InetSocketAddress("203.0.113.7", 40000), null),
                tx.responseDestination());
        assertSame(tx.responseDestination(), h.sender.last().destination());
    }
}
