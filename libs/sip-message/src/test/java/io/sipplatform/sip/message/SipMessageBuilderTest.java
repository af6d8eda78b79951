package io.sipplatform.sip.message;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SipMessageBuilderTest {

    private static SipRequest proxied() {
        return Msgs.request(Msgs.head(
                "INVITE sip:bob@biloxi.example.com SIP/2.0",
                "Via: SIP/2.0/UDP p1.example.com;branch=z9hG4bKa, SIP/2.0/UDP pc33.example.com;branch=z9hG4bKb",
                "Max-Forwards: 10",
                "Route: <sip:p2.example.com;lr>, <sip:p3.example.com;lr>",
                "Record-Route: <sip:p1.example.com;lr>",
                "To: Bob <sip:bob@biloxi.example.com>",
                "From:   Alice <sip:alice@atlanta.example.com>;tag=1928301774  ",
                "Call-ID: a84b4c76e66710",
                "CSeq: 314159 INVITE",
                "X-Odd:    spacing   kept",
                "Content-Length: 0"));
    }

    @Test
    void untouchedMessageIsWrittenBackByteForByte() {
        SipRequest r = proxied();
        assertArrayEquals(r.toBytes(), r.toBuilder().toBytes());
    }

    @Test
    void proxyForwardingStepsLeaveOtherHeadersByteIdentical() {
        SipRequest r = proxied();
        SipMessage out = r.toBuilder()
                .decrementMaxForwards()
                .popRoute()
                .addRecordRoute("<sip:edge.example.net;lr;r2=on>")
                .pushVia("SIP/2.0/UDP edge.example.net;branch=z9hG4bKedge1")
                .build();
        String text = out.toString();
        assertTrue(text.contains("\r\nFrom:   Alice <sip:alice@atlanta.example.com>;tag=1928301774  \r\n"), text);
        assertTrue(text.contains("\r\nX-Odd:    spacing   kept\r\n"), text);
        assertEquals(9, out.maxForwards());
        assertEquals(List.of("<sip:p3.example.com;lr>"), out.headerValues(HeaderName.ROUTE));
        assertEquals(List.of("<sip:edge.example.net;lr;r2=on>", "<sip:p1.example.com;lr>"),
                out.headerValues(HeaderName.RECORD_ROUTE));
        assertEquals(List.of("SIP/2.0/UDP edge.example.net;branch=z9hG4bKedge1",
                        "SIP/2.0/UDP p1.example.com;branch=z9hG4bKa", "SIP/2.0/UDP pc33.example.com;branch=z9hG4bKb"),
                out.headerValues(HeaderName.VIA));
    }

    @Test
    void popViaSplitsACommaJoinedLine() {
        SipMessage out = proxied().toBuilder().popVia().build();
        assertEquals(List.of("SIP/2.0/UDP pc33.example.com;branch=z9hG4bKb"), out.headerValues(HeaderName.VIA));
    }

    @Test
    void poppingTheLastRouteRemovesTheField() {
        SipMessage out = proxied().toBuilder().popRoute().popRoute().build();
        assertFalse(out.hasHeader(HeaderName.ROUTE));
    }

    @Test
    void missingMaxForwardsIsAddedAs70() {
        SipRequest r = Msgs.request(Msgs.head("OPTIONS sip:h SIP/2.0", "Via: SIP/2.0/UDP h;branch=z9hG4bK1",
                "From: <sip:a@h>;tag=1", "To: <sip:h>", "Call-ID: c", "CSeq: 1 OPTIONS"));
        assertEquals(70, r.toBuilder().decrementMaxForwards().build().maxForwards());
    }

    @Test
    void replacingTheBodyFixesContentLengthAndType() {
        byte[] sdp = "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        SipMessage out = proxied().toBuilder().body(sdp, "application/sdp").build();
        assertEquals(sdp.length, out.contentLength());
        assertArrayEquals(sdp, out.body());
        assertEquals("application/sdp", out.header(HeaderName.CONTENT_TYPE));
    }

    @Test
    void missingContentLengthIsAddedOnWrite() {
        SipRequest r = Msgs.request(Msgs.head("OPTIONS sip:h SIP/2.0", "Via: SIP/2.0/UDP h;branch=z9hG4bK1",
                "From: <sip:a@h>;tag=1", "To: <sip:h>", "Call-ID: c", "CSeq: 1 OPTIONS"));
        assertEquals(0, r.toBuilder().build().contentLength());
    }

    @Test
    void requestUriIsReplaced() {
        SipMessage out = proxied().toBuilder().requestUri("sip:bob@192.0.2.4:5080;transport=tcp").build();
        assertEquals("sip:bob@192.0.2.4:5080;transport=tcp", ((SipRequest) out).requestUriText());
        assertEquals("INVITE sip:bob@192.0.2.4:5080;transport=tcp SIP/2.0", out.startLine());
    }

    @Test
    void setAndRemoveHeaders() {
        SipMessage out = proxied().toBuilder()
                .addHeader("X-Trunk", "t1")
                .setHeader(HeaderName.of("X-Odd"), "even")
                .removeHeader(HeaderName.RECORD_ROUTE)
                .build();
        assertEquals("t1", out.header("x-trunk"));
        assertEquals("even", out.header("X-Odd"));
        assertNull(out.header(HeaderName.RECORD_ROUTE));
    }

    @Test
    void headerInjectionIsRefused() {
        SipMessageBuilder b = proxied().toBuilder();
        assertThrows(IllegalArgumentException.class, () -> b.addHeader("X-A", "v\r\nVia: evil"));
        assertThrows(IllegalArgumentException.class, () -> b.addHeader("Bad Name", "v"));
        assertThrows(IllegalArgumentException.class, () -> b.requestUri("sip:a b"));
    }

    @Test
    void responseToCopiesViasFromToCallIdCSeqByteForByteAndAddsToTag() {
        SipRequest r = proxied();
        SipResponse resp = (SipResponse) SipMessageBuilder.responseTo(r, SipStatus.of(486)).toTagIfAbsent("xyz")
                .build();
        assertEquals(486, resp.statusCode());
        assertEquals("Busy Here", resp.reasonPhrase());
        assertEquals(r.headerValues(HeaderName.VIA), resp.headerValues(HeaderName.VIA));
        assertEquals(r.header(HeaderName.FROM), resp.header(HeaderName.FROM));
        assertEquals("Bob <sip:bob@biloxi.example.com>;tag=xyz", resp.header(HeaderName.TO));
        assertEquals("314159 INVITE", resp.header(HeaderName.CSEQ));
        assertTrue(resp.toString().contains("\r\nFrom:   Alice <sip:alice@atlanta.example.com>;tag=1928301774  \r\n"));
    }

    @Test
    void responseToMalformedRequestUsesItsReadableHeaders() {
        byte[] bad = Msgs.head("OPTIONS sip:h SIP/7.0", "Via: SIP/2.0/UDP h;branch=z9hG4bK1;rport",
                "From: <sip:a@h>;tag=1", "To: <sip:h>", "Call-ID: c", "CSeq: 1 OPTIONS");
        Framed.Malformed m = assertInstanceOf(Framed.Malformed.class, new DatagramFramer().frame(bad));
        SipMessage resp = SipMessageBuilder.responseTo(m.readable(), SipStatus.of(m.reason().statusCode()))
                .toTagIfAbsent("t")
                .build();
        assertEquals("SIP/2.0 505 Version Not Supported", resp.startLine());
        assertEquals("c", resp.callId());
    }

    @Test
    void newRequestFromScratch() {
        SipMessage m = SipMessageBuilder.request(SipMethod.OPTIONS, "sip:carrier.example.com")
                .addHeader(HeaderName.VIA, "SIP/2.0/UDP edge.example.net;branch=z9hG4bKping")
                .addHeader(HeaderName.MAX_FORWARDS, "70")
                .addHeader(HeaderName.FROM, "<sip:ping@edge.example.net>;tag=p1")
                .addHeader(HeaderName.TO, "<sip:carrier.example.com>")
                .addHeader(HeaderName.CALL_ID, "ping-1")
                .addHeader(HeaderName.CSEQ, "1 OPTIONS")
                .build();
        SipRequest r = assertInstanceOf(SipRequest.class, m);
        assertEquals(SipMethod.OPTIONS, r.method());
        assertEquals(0, r.contentLength());
    }
}
