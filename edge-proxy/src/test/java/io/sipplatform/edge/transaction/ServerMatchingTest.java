package io.sipplatform.edge.transaction;

import io.sipplatform.edge.transport.Inbound;
import io.sipplatform.sip.message.HeaderName;
import io.sipplatform.sip.message.SipMessageBuilder;
import io.sipplatform.sip.message.SipMethod;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.sipplatform.edge.transaction.Messages.request;
import static io.sipplatform.edge.transaction.Messages.response;
import static io.sipplatform.edge.transaction.Messages.udp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 3261 §17.2.3 and its RFC 2543 fallback; §17.1.3 for responses. */
class ServerMatchingTest {
    private static final String LEGACY_VIA = "SIP/2.0/UDP 10.0.0.7:5060";

    private final Harness h = new Harness();

    @Test
    void branchAndSentByCompareIgnoringCase() {
        h.layer.onRequest(udp(request(SipMethod.OPTIONS, "SIP/2.0/UDP Phone.Example.COM:5060;branch=z9hG4bKAbC", 1,
                null)));
        h.layer.onRequest(udp(request(SipMethod.OPTIONS, "SIP/2.0/UDP phone.example.com:5060;branch=z9hG4bKabc", 1,
                null)));

        assertEquals(1, h.tu.requests.size());
        assertEquals(1, h.layer.stats().retransmissionsAbsorbed());
    }

    @Test
    void sameBranchFromAnotherSentByIsANewTransaction() {
        h.layer.onRequest(udp(request(SipMethod.OPTIONS, "SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bKsame", 1, null)));
        h.layer.onRequest(udp(request(SipMethod.OPTIONS, "SIP/2.0/UDP 10.0.0.7:5062;branch=z9hG4bKsame", 1, null)));
        h.layer.onRequest(udp(request(SipMethod.OPTIONS, "SIP/2.0/UDP 10.0.0.8:5060;branch=z9hG4bKsame", 1, null)));

        assertEquals(3, h.tu.requests.size());
        assertEquals(3, h.layer.openTransactions());
    }

    @Test
    void sameBranchWithAnotherMethodIsANewTransaction() {
        h.layer.onRequest(udp(request(SipMethod.OPTIONS, "z9hG4bKsame")));
        h.layer.onRequest(udp(request(SipMethod.INFO, "z9hG4bKsame")));

        assertEquals(2, h.tu.requests.size());
    }

    @Test
    void rfc2543InviteRetransmissionMatchesByHeaders() {
        SipRequest invite = request(SipMethod.INVITE, LEGACY_VIA, 5, null);
        h.layer.onRequest(udp(invite));
        h.layer.onRequest(udp(invite));

        assertEquals(1, h.tu.requests.size());
        assertEquals(List.of("SIP/2.0 100 Trying", "SIP/2.0 100 Trying"), h.sender.startLines());
    }

    @Test
    void rfc2543RequestsDifferingInAnyKeyHeaderAreNewTransactions() {
        h.layer.onRequest(udp(request(SipMethod.OPTIONS, LEGACY_VIA, 5, null)));
        h.layer.onRequest(udp(request(SipMethod.OPTIONS, LEGACY_VIA, 6, null)));               // CSeq
        h.layer.onRequest(udp(request(SipMethod.OPTIONS, LEGACY_VIA, 5, "dlg")));              // To tag
        h.layer.onRequest(udp(request(SipMethod.OPTIONS, "SIP/2.0/UDP 10.0.0.9:5060", 5, null))); // top Via
        h.layer.onRequest(udp(request(SipMethod.OPTIONS, LEGACY_VIA + ";branch=1", 5, null)));    // old branch
        SipRequest otherUri = (SipRequest) request(SipMethod.OPTIONS, LEGACY_VIA, 5, null).toBuilder()
                .requestUri("sip:carol@example.com").build();
        h.layer.onRequest(udp(otherUri));
        SipRequest otherCallId = (SipRequest) request(SipMethod.OPTIONS, LEGACY_VIA, 5, null).toBuilder()
                .setHeader(HeaderName.CALL_ID, "other@example.com").build();
        h.layer.onRequest(udp(otherCallId));
        SipRequest otherFromTag = (SipRequest) request(SipMethod.OPTIONS, LEGACY_VIA, 5, null).toBuilder()
                .setHeader(HeaderName.FROM, "Alice <sip:alice@example.com>;tag=2").build();
        h.layer.onRequest(udp(otherFromTag));

        assertEquals(8, h.tu.requests.size());
        assertEquals(0, h.layer.stats().retransmissionsAbsorbed());
    }

    @Test
    void rfc2543AckMatchesByTheToTagOfTheFinalResponse() {
        SipRequest invite = request(SipMethod.INVITE, LEGACY_VIA, 5, null);
        h.layer.onRequest(udp(invite));
        ServerTransaction tx = h.tu.last();
        tx.respond(response(tx.request(), 486, "srv1"));

        h.layer.onRequest(udp(request(SipMethod.ACK, LEGACY_VIA, 5, "wrong")));
        assertEquals(1, h.tu.acks.size());
        assertEquals(TransactionState.COMPLETED, tx.state());

        h.layer.onRequest(udp(request(SipMethod.ACK, LEGACY_VIA, 5, "srv1")));
        assertEquals(TransactionState.CONFIRMED, tx.state());
        assertEquals(1, h.tu.acks.size());
    }

    @Test
    void rfc2543AckInsideADialogMatchesAnInviteThatCarriedTheToTag() {
        SipRequest reInvite = request(SipMethod.INVITE, LEGACY_VIA, 6, "dlg");
        h.layer.onRequest(udp(reInvite));
        ServerTransaction tx = h.tu.last();
        tx.respond(response(tx.request(), 491, "dlg"));

        h.layer.onRequest(udp(request(SipMethod.ACK, LEGACY_VIA, 6, "dlg")));

        assertEquals(TransactionState.CONFIRMED, tx.state());
        assertEquals(List.of(), h.tu.acks);
    }

    @Test
    void ackMatchingNothingGoesToTheTu() {
        h.layer.onRequest(udp(request(SipMethod.ACK, "z9hG4bKnothing")));
        h.layer.onRequest(udp(request(SipMethod.ACK, LEGACY_VIA, 9, "x")));

        assertEquals(2, h.tu.acks.size());
        assertEquals(0, h.layer.openTransactions());
    }

    @Test
    void requestWithUnreadableViaGoesToOnMalformedAndIsCounted() {
        SipRequest bad = (SipRequest) request(SipMethod.OPTIONS, "z9hG4bKx").toBuilder()
                .setHeader(HeaderName.VIA, "SIP/2.0/UDP ;;;").build();
        h.layer.onRequest(udp(bad));
        SipRequest badAck = (SipRequest) request(SipMethod.ACK, "z9hG4bKx").toBuilder()
                .setHeader(HeaderName.VIA, "garbage").build();
        h.layer.onRequest(udp(badAck));

        assertEquals(2, h.tu.malformed.size());
        assertEquals(2, h.layer.stats().unreadable());
        assertEquals(List.of(), h.tu.requests);
        assertEquals(List.of(), h.tu.acks);
        assertEquals(List.of(), h.sender.sent);
    }

    @Test
    void rfc2543RequestWithUnreadableFromGoesToOnMalformed() {
        SipRequest bad = (SipRequest) request(SipMethod.OPTIONS, LEGACY_VIA, 1, null).toBuilder()
                .setHeader(HeaderName.FROM, "<sip:unterminated").build();
        h.layer.onRequest(udp(bad));

        assertEquals(1, h.tu.malformed.size());
    }

    @Test
    void responseWithUnreadableViaGoesToOnMalformed() {
        SipRequest req = Messages.outbound(SipMethod.OPTIONS, "z9hG4bKo");
        byte[] bytes = SipMessageBuilder.responseTo(req, SipStatus.of(200)).setHeader(HeaderName.VIA, "nonsense")
                .toBytes();
        h.layer.onResponse(Messages.fromCarrier(Messages.parse(bytes)));

        assertEquals(1, h.tu.malformed.size());
        assertEquals(List.of(), h.tu.strays);
    }

    @Test
    void responseWithoutBranchIsStray() {
        SipRequest req = Messages.outbound(SipMethod.OPTIONS, "z9hG4bKo");
        byte[] bytes = SipMessageBuilder.responseTo(req, SipStatus.of(200))
                .setHeader(HeaderName.VIA, "SIP/2.0/UDP 198.51.100.1:5060").toBytes();
        h.layer.onResponse(Messages.fromCarrier(Messages.parse(bytes)));

        assertEquals(1, h.tu.strays.size());
    }

    @Test
    void wrongDirectionIsAProgrammingError() {
        SipRequest req = request(SipMethod.OPTIONS, "z9hG4bKx");
        Inbound asResponse = udp(req);
        assertThrows(IllegalArgumentException.class, () -> h.layer.onResponse(asResponse));
        assertThrows(IllegalArgumentException.class,
                () -> h.layer.onRequest(udp(response(req, 200, "t"))));
    }

    @Test
    void branchKeysOfDifferentCaseAreEqualAndOrderedConsistently() {
        ServerKey.Branch a = new ServerKey.Branch("z9hG4bKAbC", "Host", 5060, "INVITE");
        ServerKey.Branch b = new ServerKey.Branch("z9hg4bkabc", "host", 5060, "INVITE");
        ServerKey.Branch c = new ServerKey.Branch("z9hG4bKAbD", "host", 5060, "INVITE");

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(0, a.compareTo(b));
        assertNotEquals(a, c);
        assertTrue(a.compareTo(c) < 0 && c.compareTo(a) > 0);
    }

    @Test
    void manyTransactionsWithCollidingHashesStayFindable() {
        // "a~" and "b_" hash alike (97*31+126 == 98*31+95), case-folded or not: all these keys share one bucket
        String[] parts = {"a~", "b_"};
        int n = 1 << 10;
        for (int i = 0; i < n; i++) {
            StringBuilder branch = new StringBuilder("z9hG4bK");
            for (int bit = 0; bit < 10; bit++) {
                branch.append(parts[(i >> bit) & 1]);
            }
            h.layer.onRequest(udp(request(SipMethod.OPTIONS, branch.toString())));
            h.layer.onRequest(udp(request(SipMethod.OPTIONS, branch.toString())));
        }

        ServerKey first = ServerKey.of(request(SipMethod.OPTIONS, "z9hG4bK" + "a~".repeat(10)), "OPTIONS");
        ServerKey last = ServerKey.of(request(SipMethod.OPTIONS, "z9hG4bK" + "b_".repeat(10)), "OPTIONS");
        assertEquals(first.hashCode(), last.hashCode());
        assertNotEquals(first, last);
        assertEquals(n, h.layer.openTransactions());
        assertEquals(n, h.layer.stats().retransmissionsAbsorbed());
    }
}
