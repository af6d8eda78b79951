package io.sipplatform.edge.transaction;

import io.sipplatform.edge.transport.Destination;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.sip.message.HeaderName;
import io.sipplatform.sip.message.SipMessage;
import io.sipplatform.sip.message.SipMethod;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import static io.sipplatform.edge.transaction.Harness.millis;
import static io.sipplatform.edge.transaction.Messages.fromCarrier;
import static io.sipplatform.edge.transaction.Messages.outbound;
import static io.sipplatform.edge.transaction.Messages.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InviteClientTransactionTest {
    private static final Destination CARRIER =
            Destination.of(Transport.UDP, new InetSocketAddress("192.0.2.50", 5060));

    private final Harness h = new Harness();
    private final RecordingListener listener = new RecordingListener();
    private final SipRequest invite = outbound(SipMethod.INVITE, "z9hG4bKedge1");

    private ClientTransaction send() {
        return h.layer.sendRequest(invite, CARRIER, listener);
    }

    private void receive(SipResponse response) {
        h.layer.onResponse(fromCarrier(response));
    }

    @Test
    void inviteIsSentWithTimersAAndBPending() {
        ClientTransaction tx = send();

        assertEquals(TransactionState.CALLING, tx.state());
        assertEquals(List.of("A", "B"), h.timers.pendingNames());
        assertEquals(Duration.ofMillis(500), h.timers.delayOf("A"));
        assertEquals(Duration.ofSeconds(32), h.timers.delayOf("B"));
        assertSame(CARRIER, h.sender.last().destination());
        assertEquals(invite.toString(), h.sender.last().message().toString());
        assertEquals("z9hG4bKedge1", tx.branch());
    }

    @Test
    void timerARetransmitsDoublingWithoutCapUntilTimerB() {
        ClientTransaction tx = send();

        List<Duration> schedule = h.fireRepeatedly("A", 6);

        assertEquals(millis(500, 1000, 2000, 4000, 8000, 16000), schedule);
        assertEquals(7, h.sender.sent.size());
        assertEquals(Duration.ofSeconds(32), h.timers.delayOf("A"));
        assertEquals(6, h.layer.stats().retransmissionsSent());

        h.timers.fire("B"); // at 32 s, before A at 63.5 s

        assertEquals(List.of("timeout"), listener.events);
        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(List.of(), h.timers.pendingNames());
        assertEquals(0, h.layer.openTransactions());
        assertEquals(1, h.layer.stats().timeouts());
    }

    @Test
    void provisionalStopsRetransmissionsAndTimerB() {
        ClientTransaction tx = send();
        receive(response(invite, 100, null));
        receive(response(invite, 180, "c1"));

        assertEquals(TransactionState.PROCEEDING, tx.state());
        assertEquals(List.of(), h.timers.pendingNames());
        assertEquals(List.of("provisional 100", "provisional 180"), listener.events);
    }

    @Test
    void non2xxFinalIsAckedByTheLayerPerSection17113() {
        ClientTransaction tx = send();
        receive(response(invite, 180, "c1"));
        receive(response(invite, 486, "c1"));

        assertEquals(TransactionState.COMPLETED, tx.state());
        assertEquals(List.of("provisional 180", "final 486"), listener.events);
        assertEquals(List.of("D"), h.timers.pendingNames());
        assertEquals(Duration.ofSeconds(32), h.timers.delayOf("D"));

        RecordingSender.Sent sent = h.sender.last();
        SipMessage ack = sent.message();
        assertSame(CARRIER, sent.destination());
        assertEquals("ACK sip:+15551234@carrier.example.net SIP/2.0", ack.startLine());
        assertEquals(List.of("SIP/2.0/UDP 198.51.100.1:5060;branch=z9hG4bKedge1"),
                ack.headerValues(HeaderName.VIA));
        assertEquals("c1", ack.toTag());
        assertEquals(invite.header(HeaderName.FROM), ack.header(HeaderName.FROM));
        assertEquals(invite.callId(), ack.callId());
        assertEquals("7 ACK", ack.header(HeaderName.CSEQ));
        assertEquals(List.of("<sip:sbc.carrier.example.net;lr>"), ack.headerValues(HeaderName.ROUTE));
        assertEquals("69", ack.header(HeaderName.MAX_FORWARDS));
        assertEquals(0, ack.bodyLength());
    }

    @Test
    void retransmittedFinalInCompletedIsAbsorbedAndAckedAgainUntilTimerD() {
        ClientTransaction tx = send();
        receive(response(invite, 503, "c1"));
        receive(response(invite, 503, "c1"));
        receive(response(invite, 503, "c1"));

        assertEquals(List.of("final 503"), listener.events);
        assertEquals(List.of("INVITE sip:+15551234@carrier.example.net SIP/2.0",
                "ACK sip:+15551234@carrier.example.net SIP/2.0", "ACK sip:+15551234@carrier.example.net SIP/2.0",
                "ACK sip:+15551234@carrier.example.net SIP/2.0"), h.sender.startLines());
        assertEquals(2, h.layer.stats().retransmissionsAbsorbed());

        h.timers.fire("D");

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(0, h.layer.openTransactions());
        receive(response(invite, 503, "c1"));
        assertEquals(1, h.tu.strays.size());
    }

    @Test
    void twoHundredMovesToAcceptedAndFurther2xxReachTheListenerUntilTimerM() {
        ClientTransaction tx = send();
        receive(response(invite, 200, "c1"));

        assertEquals(TransactionState.ACCEPTED, tx.state());
        assertEquals(List.of("M"), h.timers.pendingNames());
        assertEquals(Duration.ofSeconds(32), h.timers.delayOf("M"));
        assertEquals(1, h.sender.sent.size()); // no ACK for a 2xx from the transaction

        receive(response(invite, 200, "c1")); // retransmission
        receive(response(invite, 200, "c2")); // another fork
        receive(response(invite, 486, "c3")); // not a 2xx: absorbed
        receive(response(invite, 180, "c1"));

        assertEquals(List.of("final 200", "additional 200", "additional 200"), listener.events);
        assertEquals("c2", listener.responses.get(2).toTag());

        h.timers.fire("M");

        assertEquals(TransactionState.TERMINATED, tx.state());
        receive(response(invite, 200, "c1"));
        assertEquals(1, h.tu.strays.size());
    }

    @Test
    void overTcpThereIsNoTimerAAndANon2xxEndsTheTransactionAtOnce() {
        Destination tcp = Destination.of(Transport.TCP, new InetSocketAddress("192.0.2.50", 5060));
        ClientTransaction tx = h.layer.sendRequest(invite, tcp, listener);

        assertEquals(List.of("B"), h.timers.pendingNames());

        receive(response(invite, 404, "c1"));

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(List.of("final 404"), listener.events);
        assertEquals("ACK sip:+15551234@carrier.example.net SIP/2.0", h.sender.last().startLine());
        assertEquals(List.of(), h.timers.pendingNames());
        assertEquals(0, h.layer.openTransactions());
    }

    @Test
    void transportErrorReachesTheListenerAndEndsTheTransaction() {
        h.sender.failing = true;
        ClientTransaction tx = send();

        assertEquals(List.of("transport-error"), listener.events);
        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(List.of(), h.timers.pendingNames());
        assertEquals(0, h.layer.openTransactions());
        assertEquals(1, h.layer.stats().transportErrors());
    }

    @Test
    void transportErrorOnARetransmissionReachesTheListener() {
        ClientTransaction tx = send();
        h.timers.fire("A");
        h.sender.failLast();

        assertEquals(List.of("transport-error"), listener.events);
        assertEquals(TransactionState.TERMINATED, tx.state());
        h.sender.failLast();
        assertEquals(1, listener.events.size());
    }

    @Test
    void sendingRequiresAFreshRfc3261BranchAndNoAck() {
        send();
        assertThrows(IllegalStateException.class, this::send);
        assertThrows(IllegalArgumentException.class,
                () -> h.layer.sendRequest(outbound(SipMethod.INVITE, "1234"), CARRIER, listener));
        assertThrows(IllegalArgumentException.class,
                () -> h.layer.sendRequest(outbound(SipMethod.ACK, "z9hG4bKack"), CARRIER, listener));
        assertEquals(1, h.layer.openTransactions());
    }

    @Test
    void responseWithSameBranchButOtherMethodDoesNotMatch() {
        send();
        SipRequest options = outbound(SipMethod.OPTIONS, "z9hG4bKedge1");
        receive(response(options, 200, "c1"));

        assertEquals(List.of(), listener.events);
        assertEquals(1, h.tu.strays.size());
        assertEquals(1, h.layer.stats().strayResponses());
        assertTrue(h.timers.isPending("A"));
    }
}
