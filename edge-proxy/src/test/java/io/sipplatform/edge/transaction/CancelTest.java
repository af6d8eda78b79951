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

import static io.sipplatform.edge.transaction.Messages.fromCarrier;
import static io.sipplatform.edge.transaction.Messages.outbound;
import static io.sipplatform.edge.transaction.Messages.request;
import static io.sipplatform.edge.transaction.Messages.response;
import static io.sipplatform.edge.transaction.Messages.udp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CancelTest {
    private static final Destination CARRIER =
            Destination.of(Transport.UDP, new InetSocketAddress("192.0.2.50", 5060));
    private static final String CANCEL_LINE = "CANCEL sip:+15551234@carrier.example.net SIP/2.0";

    private final Harness h = new Harness();
    private final RecordingListener listener = new RecordingListener();
    private final SipRequest outInvite = outbound(SipMethod.INVITE, "z9hG4bKedge1");

    // ---- server side: RFC 3261 §9.2

    @Test
    void cancelGetsItsOwnServerTransactionAndFindsItsInvite() {
        SipRequest invite = request(SipMethod.INVITE, "z9hG4bK776asdhds");
        h.layer.onRequest(udp(invite));
        ServerTransaction inviteTx = h.tu.last();

        h.layer.onRequest(udp(request(SipMethod.CANCEL, "z9hG4bK776asdhds")));
        ServerTransaction cancelTx = h.tu.last();

        assertNotSame(inviteTx, cancelTx);
        assertFalse(cancelTx.isInvite());
        assertSame(inviteTx, h.layer.findInviteFor(cancelTx.request()));
        assertEquals(2, h.layer.openTransactions());

        // the TU answers 200 to the CANCEL and 487 to the INVITE
        cancelTx.respond(response(cancelTx.request(), 200, "as83kd9"));
        inviteTx.respond(response(inviteTx.request(), 487, "as83kd9"));
        assertEquals(List.of("SIP/2.0 100 Trying", "SIP/2.0 200 OK", "SIP/2.0 487 Request Terminated"),
                h.sender.startLines());
        assertEquals(TransactionState.COMPLETED, inviteTx.state());
    }

    @Test
    void cancelWithAnotherBranchFindsNoInvite() {
        h.layer.onRequest(udp(request(SipMethod.INVITE, "z9hG4bK776asdhds")));

        assertNull(h.layer.findInviteFor(request(SipMethod.CANCEL, "z9hG4bKother")));
        assertNull(h.layer.findInviteFor(request(SipMethod.CANCEL,
                "SIP/2.0/UDP 10.0.0.8:5060;branch=z9hG4bK776asdhds", 1, null)));
    }

    @Test
    void cancelDoesNotFindANonInviteTransaction() {
        h.layer.onRequest(udp(request(SipMethod.OPTIONS, "z9hG4bKopt")));

        assertNull(h.layer.findInviteFor(request(SipMethod.CANCEL, "z9hG4bKopt")));
    }

    @Test
    void rfc2543CancelFindsItsInviteByHeaders() {
        String via = "SIP/2.0/UDP 10.0.0.7:5060";
        h.layer.onRequest(udp(request(SipMethod.INVITE, via, 5, null)));
        ServerTransaction inviteTx = h.tu.last();

        h.layer.onRequest(udp(request(SipMethod.CANCEL, via, 5, null)));
        ServerTransaction cancelTx = h.tu.last();

        assertNotSame(inviteTx, cancelTx);
        assertSame(inviteTx, h.layer.findInviteFor(cancelTx.request()));
        assertNull(h.layer.findInviteFor(request(SipMethod.CANCEL, via, 6, null)));
    }

    // ---- client side: RFC 3261 §9.1

    @Test
    void cancelBeforeAProvisionalIsQueuedUntilOneArrives() {
        ClientTransaction tx = h.layer.sendRequest(outInvite, CARRIER, listener);

        assertTrue(tx.cancel());
        assertEquals(1, h.sender.sent.size());
        assertEquals(1, h.layer.openTransactions());

        h.layer.onResponse(fromCarrier(response(outInvite, 100, null)));

        assertEquals(CANCEL_LINE, h.sender.last().startLine());
        assertEquals(2, h.layer.openTransactions());
        assertEquals(List.of("E", "CANCEL", "F"), h.timers.pendingNames());
        assertEquals(List.of("provisional 100"), listener.events);
    }

    @Test
    void cancelIsBuiltPerSection91() {
        ClientTransaction tx = h.layer.sendRequest(outInvite, CARRIER, listener);
        h.layer.onResponse(fromCarrier(response(outInvite, 180, "c1")));

        assertTrue(tx.cancel());

        RecordingSender.Sent sent = h.sender.last();
        SipMessage cancel = sent.message();
        assertSame(CARRIER, sent.destination());
        assertEquals(CANCEL_LINE, cancel.startLine());
        assertEquals(List.of("SIP/2.0/UDP 198.51.100.1:5060;branch=z9hG4bKedge1"),
                cancel.headerValues(HeaderName.VIA));
        assertEquals(outInvite.header(HeaderName.TO), cancel.header(HeaderName.TO));
        assertNull(cancel.toTag());
        assertEquals(outInvite.header(HeaderName.FROM), cancel.header(HeaderName.FROM));
        assertEquals(outInvite.callId(), cancel.callId());
        assertEquals("7 CANCEL", cancel.header(HeaderName.CSEQ));
        assertEquals(outInvite.headerValues(HeaderName.ROUTE), cancel.headerValues(HeaderName.ROUTE));
        assertEquals(List.of(), cancel.headerValues(HeaderName.CONTACT));
    }

    @Test
    void cancelTransactionAndInviteTransactionMatchTheirOwnResponses() {
        ClientTransaction tx = h.layer.sendRequest(outInvite, CARRIER, listener);
        h.layer.onResponse(fromCarrier(response(outInvite, 180, "c1")));
        tx.cancel();
        SipRequest cancel = (SipRequest) h.sender.last().message();

        h.layer.onResponse(fromCarrier(response(cancel, 200, "c1")));
        assertEquals(List.of("provisional 180"), listener.events);
        assertEquals(List.of("K", "CANCEL"), h.timers.pendingNames());

        h.layer.onResponse(fromCarrier(response(outInvite, 487, "c1")));
        assertEquals(List.of("provisional 180", "final 487"), listener.events);
        assertEquals(List.of("K", "D"), h.timers.pendingNames());
        assertEquals("ACK sip:+15551234@carrier.example.net SIP/2.0", h.sender.last().startLine());
        assertEquals(List.of(), h.tu.strays);
    }

    @Test
    void cancelledInviteWithoutFinalResponseIsGivenUp64T1AfterTheCancel() {
        ClientTransaction tx = h.layer.sendRequest(outInvite, CARRIER, listener);
        h.layer.onResponse(fromCarrier(response(outInvite, 180, "c1")));
        h.timers.advance(Duration.ofSeconds(10));
        tx.cancel();

        assertEquals(Duration.ofSeconds(32), h.timers.delayOf("CANCEL"));
        h.timers.advance(Duration.ofSeconds(32)); // the CANCEL itself times out on Timer F, then the INVITE

        assertEquals(List.of("provisional 180", "timeout"), listener.events);
        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(0, h.layer.openTransactions());
        assertEquals(List.of(), h.timers.pendingNames());
    }

    @Test
    void cancelIsIdempotent() {
        ClientTransaction tx = h.layer.sendRequest(outInvite, CARRIER, listener);
        h.layer.onResponse(fromCarrier(response(outInvite, 180, "c1")));

        assertTrue(tx.cancel());
        assertTrue(tx.cancel());

        assertEquals(1, h.sender.startLines().stream().filter(CANCEL_LINE::equals).count());
        h.layer.onResponse(fromCarrier(response(outInvite, 487, "c1")));
        assertFalse(tx.cancel());
    }

    @Test
    void aFinalBeforeAnyProvisionalDropsTheQueuedCancel() {
        ClientTransaction tx = h.layer.sendRequest(outInvite, CARRIER, listener);
        tx.cancel();

        SipResponse busy = response(outInvite, 486, "c1");
        h.layer.onResponse(fromCarrier(busy));

        assertEquals(List.of("INVITE sip:+15551234@carrier.example.net SIP/2.0",
                "ACK sip:+15551234@carrier.example.net SIP/2.0"), h.sender.startLines());
        assertFalse(tx.cancel());
    }

    @Test
    void timerBDropsTheQueuedCancel() {
        ClientTransaction tx = h.layer.sendRequest(outInvite, CARRIER, listener);
        tx.cancel();

        h.timers.fire("B");

        assertEquals(List.of("timeout"), listener.events);
        assertEquals(0, h.layer.openTransactions());
        assertFalse(h.sender.startLines().contains(CANCEL_LINE));
    }

    @Test
    void nothingToCancelAfterA2xxOrForANonInvite() {
        ClientTransaction tx = h.layer.sendRequest(outInvite, CARRIER, listener);
        h.layer.onResponse(fromCarrier(response(outInvite, 200, "c1")));
        assertFalse(tx.cancel());

        ClientTransaction options = h.layer.sendRequest(outbound(SipMethod.OPTIONS, "z9hG4bKopt"), CARRIER,
                listener);
        assertFalse(options.cancel());
        assertEquals(2, h.sender.sent.size());
    }
}
