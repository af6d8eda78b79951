package io.sipplatform.edge.transaction;

import io.sipplatform.edge.transport.Destination;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.sip.message.SipMessageBuilder;
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

/** Both sides together, as the proxy core drives them: a call relayed through one layer. */
class ProxiedCallTest {
    private static final Destination CARRIER =
            Destination.of(Transport.UDP, new InetSocketAddress("192.0.2.50", 5060));

    private final Harness h = new Harness();
    private final SipRequest invite = request(SipMethod.INVITE, "z9hG4bKphone1");
    private final SipRequest forwarded = outbound(SipMethod.INVITE, "z9hG4bKedge1");

    /** Relays every response of the branch to the server transaction, as a proxy does (§16.7). */
    private final class Relay extends RecordingListener {
        private final ServerTransaction upstream;

        Relay(ServerTransaction upstream) {
            this.upstream = upstream;
        }

        private void relay(SipResponse r) {
            SipMessageBuilder b = SipMessageBuilder.responseTo(upstream.request(), r.status());
            if (r.toTag() != null) {
                b.toTagIfAbsent(r.toTag());
            }
            upstream.respond((SipResponse) b.build());
        }

        @Override
        public void onProvisional(ClientTransaction tx, SipResponse r) {
            super.onProvisional(tx, r);
            if (r.statusCode() > 100) {
                relay(r);
            }
        }

        @Override
        public void onFinal(ClientTransaction tx, SipResponse r) {
            super.onFinal(tx, r);
            relay(r);
        }

        @Override
        public void onAdditionalSuccess(ClientTransaction tx, SipResponse r) {
            super.onAdditionalSuccess(tx, r);
            relay(r);
        }

        @Override
        public void onTimeout(ClientTransaction tx) {
            super.onTimeout(tx);
            upstream.respond(response(upstream.request(), 408, "edge"));
        }
    }

    @Test
    void answeredCallLeavesNoTransactionBehindAfterTimersLAndM() {
        h.tu.onRequest = tx -> h.layer.sendRequest(forwarded, CARRIER, new Relay(tx));
        h.layer.onRequest(udp(invite));
        ServerTransaction server = h.tu.last();

        h.layer.onResponse(fromCarrier(response(forwarded, 100, null)));
        h.layer.onResponse(fromCarrier(response(forwarded, 180, "c1")));
        h.layer.onResponse(fromCarrier(response(forwarded, 200, "c1")));
        h.layer.onResponse(fromCarrier(response(forwarded, 200, "c1"))); // retransmitted downstream
        h.layer.onRequest(udp(request(SipMethod.ACK, "SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bKack;rport", 1,
                "c1")));

        assertEquals(List.of("SIP/2.0 100 Trying", "INVITE sip:+15551234@carrier.example.net SIP/2.0",
                "SIP/2.0 180 Ringing", "SIP/2.0 200 OK", "SIP/2.0 200 OK"), h.sender.startLines());
        assertEquals(TransactionState.ACCEPTED, server.state());
        assertEquals(1, h.tu.acks.size());
        assertEquals(2, h.layer.openTransactions());
        assertEquals(1, h.layer.stats().serverTransactionsCreated());
        assertEquals(1, h.layer.stats().clientTransactionsCreated());

        h.timers.advance(Duration.ofSeconds(32));

        assertEquals(0, h.layer.openTransactions());
        assertEquals(0, h.layer.stats().open());
        assertEquals(List.of(new RecordingUser.Ended(server, TerminationCause.NORMAL)), h.tu.ended);
    }

    @Test
    void unansweredBranchBecomes408UpstreamOnTimerB() {
        h.tu.onRequest = tx -> h.layer.sendRequest(forwarded, CARRIER, new Relay(tx));
        h.layer.onRequest(udp(invite));
        ServerTransaction server = h.tu.last();

        h.timers.fire("B");

        assertEquals("SIP/2.0 408 Request Timeout", h.sender.last().startLine());
        assertEquals(TransactionState.COMPLETED, server.state());
        assertEquals(1, h.layer.stats().timeouts());
        assertEquals(1, h.layer.openTransactions());
    }
}
