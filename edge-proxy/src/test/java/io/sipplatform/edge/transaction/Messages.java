package io.sipplatform.edge.transaction;

import io.sipplatform.edge.transport.Inbound;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.sip.message.DatagramFramer;
import io.sipplatform.sip.message.Framed;
import io.sipplatform.sip.message.HeaderName;
import io.sipplatform.sip.message.SipMessage;
import io.sipplatform.sip.message.SipMessageBuilder;
import io.sipplatform.sip.message.SipMethod;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;
import io.sipplatform.sip.message.SipStatus;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** Requests and responses for transaction tests, built with the message library's builder. */
final class Messages {
    /** The UAC the server-side tests receive from: a NAT'd phone whose source differs from its sent-by. */
    static final InetSocketAddress PHONE = new InetSocketAddress("203.0.113.7", 40000);
    static final InetSocketAddress EDGE = new InetSocketAddress("198.51.100.1", 5060);
    static final String CALL_ID = "a84b4c76e66710@pc33.example.com";

    private Messages() {
    }

    /** A request from the phone with an RFC 3261 branch. */
    static SipRequest request(SipMethod method, String branch) {
        return request(method, "SIP/2.0/UDP 10.0.0.7:5060;branch=" + branch + ";rport", 1, null);
    }

    /** A request with the given top Via, CSeq number and To tag (null for none). */
    static SipRequest request(SipMethod method, String via, long cseq, String toTag) {
        return (SipRequest) SipMessageBuilder.request(method, "sip:bob@example.com")
                .addHeader(HeaderName.VIA, via)
                .addHeader(HeaderName.MAX_FORWARDS, "70")
                .addHeader(HeaderName.TO, "Bob <sip:bob@example.com>" + (toTag == null ? "" : ";tag=" + toTag))
                .addHeader(HeaderName.FROM, "Alice <sip:alice@example.com>;tag=1928301774")
                .addHeader(HeaderName.CALL_ID, CALL_ID)
                .addHeader(HeaderName.CSEQ, cseq + " " + method.name())
                .build();
    }

    /** A request the edge sends downstream: its own top Via, the phone's below, a Route set. */
    static SipRequest outbound(SipMethod method, String branch) {
        return (SipRequest) SipMessageBuilder.request(method, "sip:+15551234@carrier.example.net")
                .addHeader(HeaderName.VIA, "SIP/2.0/UDP 198.51.100.1:5060;branch=" + branch)
                .addHeader(HeaderName.VIA, "SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bKphone;rport=40000")
                .addHeader(HeaderName.MAX_FORWARDS, "69")
                .addHeader(HeaderName.ROUTE, "<sip:sbc.carrier.example.net;lr>")
                .addHeader(HeaderName.TO, "<sip:+15551234@carrier.example.net>")
                .addHeader(HeaderName.FROM, "Alice <sip:alice@example.com>;tag=1928301774")
                .addHeader(HeaderName.CALL_ID, CALL_ID)
                .addHeader(HeaderName.CSEQ, "7 " + method.name())
                .addHeader(HeaderName.CONTACT, "<sip:alice@198.51.100.1:5060>")
                .build();
    }

    /** A response to {@code request}; a To tag is added when given. */
    static SipResponse response(SipRequest request, int code, String toTag) {
        SipMessageBuilder b = SipMessageBuilder.responseTo(request, SipStatus.of(code));
        if (toTag != null) {
            b.toTagIfAbsent(toTag);
        }
        return (SipResponse) b.build();
    }

    /** The ACK a UAC sends for a non-2xx final (RFC 3261 §17.1.1.3): same branch as the INVITE. */
    static SipRequest ackFor(SipRequest invite, String toTag) {
        return request(SipMethod.ACK, invite.headerValues(HeaderName.VIA).get(0), invite.cseq().number(), toTag);
    }

    static Inbound udp(SipMessage message) {
        return new Inbound(message, Transport.UDP, PHONE, EDGE, null, 0L);
    }

    static Inbound over(Transport transport, SipMessage message) {
        return new Inbound(message, transport, PHONE, EDGE, transport.reliable() ? "flow-1" : null, 0L);
    }

    /** A received response, from the carrier. */
    static Inbound fromCarrier(SipMessage message) {
        return new Inbound(message, Transport.UDP, new InetSocketAddress("192.0.2.50", 5060), EDGE, null, 0L);
    }

    static SipMessage parse(byte[] bytes) {
        if (new DatagramFramer().frame(bytes) instanceof Framed.Message m) {
            return m.message();
        }
        throw new AssertionError("does not frame: " + new String(bytes, StandardCharsets.UTF_8));
    }
}
