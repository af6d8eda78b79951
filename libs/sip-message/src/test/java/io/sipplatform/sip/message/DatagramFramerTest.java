package io.sipplatform.sip.message;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatagramFramerTest {
    private final DatagramFramer framer = new DatagramFramer();

    private Framed.Malformed malformed(byte[] b) {
        return assertInstanceOf(Framed.Malformed.class, framer.frame(b));
    }

    @Test
    void crlfCrlfDatagramIsAPing() {
        assertSame(Framed.KeepAlive.PING, framer.frame("\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void singleCrlfDatagramIsAPong() {
        assertSame(Framed.KeepAlive.PONG, framer.frame("\r\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void emptyAndNulDatagramsAreEmpty() {
        assertEquals(MalformedReason.EMPTY, malformed(new byte[0]).reason());
        assertEquals(MalformedReason.EMPTY, malformed(new byte[4]).reason());
    }

    @Test
    void bodyLongerThanContentLengthIsTruncated() {
        byte[] b = Msgs.head("MESSAGE sip:b@h SIP/2.0", "Via: SIP/2.0/UDP h;branch=z9hG4bK1", "From: <sip:a@h>;tag=1",
                "To: <sip:b@h>", "Call-ID: x", "CSeq: 1 MESSAGE", "Content-Length: 5");
        byte[] withBody = Arrays.copyOf(b, b.length + 9);
        System.arraycopy("helloJUNK".getBytes(StandardCharsets.US_ASCII), 0, withBody, b.length, 9);
        SipMessage m = assertInstanceOf(Framed.Message.class, framer.frame(withBody)).message();
        assertEquals("hello", new String(m.body(), StandardCharsets.US_ASCII));
        assertEquals(b.length + 5, m.length());
    }

    @Test
    void bodyShorterThanContentLengthIsIncomplete() {
        byte[] b = Msgs.head("MESSAGE sip:b@h SIP/2.0", "Via: SIP/2.0/UDP h;branch=z9hG4bK1", "From: <sip:a@h>;tag=1",
                "To: <sip:b@h>", "Call-ID: x", "CSeq: 1 MESSAGE", "Content-Length: 50");
        Framed.Malformed m = malformed(b);
        assertEquals(MalformedReason.BODY_INCOMPLETE, m.reason());
        assertEquals("x", m.readable().callId());
        assertTrue(m.readable().answerable());
    }

    @Test
    void withoutContentLengthTheRestOfTheDatagramIsTheBody() {
        byte[] b = Msgs.head("MESSAGE sip:b@h SIP/2.0", "Via: SIP/2.0/UDP h;branch=z9hG4bK1", "From: <sip:a@h>;tag=1",
                "To: <sip:b@h>", "Call-ID: x", "CSeq: 1 MESSAGE");
        byte[] withBody = Arrays.copyOf(b, b.length + 3);
        withBody[b.length] = 'a';
        withBody[b.length + 1] = 'b';
        withBody[b.length + 2] = 'c';
        SipMessage m = assertInstanceOf(Framed.Message.class, framer.frame(withBody)).message();
        assertEquals(3, m.bodyLength());
        assertEquals(-1, m.contentLength());
    }

    @Test
    void missingCallIdIsMissingHeaderWithTheOthersReadable() {
        byte[] b = Msgs.head("OPTIONS sip:h SIP/2.0", "Via: SIP/2.0/UDP h;branch=z9hG4bK1", "From: <sip:a@h>;tag=1",
                "To: <sip:h>", "CSeq: 1 OPTIONS");
        Framed.Malformed m = malformed(b);
        assertEquals(MalformedReason.MISSING_HEADER, m.reason());
        assertTrue(m.detail().contains("Call-ID"), m.detail());
        assertEquals("OPTIONS", m.readable().method());
        assertEquals("1 OPTIONS", m.readable().cseq());
        assertNull(m.readable().callId());
        assertFalse(m.readable().answerable());
    }

    @Test
    void version3IsUnsupportedVersionAnsweredWith505() {
        byte[] b = Msgs.head("OPTIONS sip:h SIP/3.0", "Via: SIP/2.0/UDP h;branch=z9hG4bK1", "From: <sip:a@h>;tag=1",
                "To: <sip:h>", "Call-ID: c", "CSeq: 1 OPTIONS");
        Framed.Malformed m = malformed(b);
        assertEquals(MalformedReason.UNSUPPORTED_VERSION, m.reason());
        assertEquals(505, m.reason().statusCode());
        assertTrue(m.readable().answerable());
    }

    @Test
    void lowerCaseVersionIsAccepted() {
        byte[] b = Msgs.head("OPTIONS sip:h sip/2.0", "Via: SIP/2.0/UDP h;branch=z9hG4bK1", "From: <sip:a@h>;tag=1",
                "To: <sip:h>", "Call-ID: c", "CSeq: 1 OPTIONS");
        assertInstanceOf(Framed.Message.class, framer.frame(b));
    }

    @Test
    void statusCodesOutside100To699AreBadStatusCode() {
        for (String code : new String[] {"099", "700", "2000", "20", "abc"}) {
            byte[] b = Msgs.head("SIP/2.0 " + code + " X", "Via: SIP/2.0/UDP h;branch=z9hG4bK1",
                    "From: <sip:a@h>;tag=1", "To: <sip:h>", "Call-ID: c", "CSeq: 1 OPTIONS");
            assertEquals(MalformedReason.BAD_STATUS_CODE, malformed(b).reason(), code);
        }
    }

    @Test
    void anyStatusCodeInRangeIsAccepted() {
        byte[] b = Msgs.head("SIP/2.0 299 Whatever", "Via: SIP/2.0/UDP h;branch=z9hG4bK1", "From: <sip:a@h>;tag=1",
                "To: <sip:h>;tag=2", "Call-ID: c", "CSeq: 1 OPTIONS");
        SipResponse r = (SipResponse) assertInstanceOf(Framed.Message.class, framer.frame(b)).message();
        assertEquals(299, r.statusCode());
        assertEquals("Whatever", r.reasonPhrase());
    }

    @Test
    void unknownMethodIsAnyToken() {
        byte[] b = Msgs.head("NEWMETHOD sip:h SIP/2.0", "Via: SIP/2.0/UDP h;branch=z9hG4bK1", "From: <sip:a@h>;tag=1",
                "To: <sip:h>", "Call-ID: c", "CSeq: 1 NEWMETHOD");
        SipRequest r = (SipRequest) assertInstanceOf(Framed.Message.class, framer.frame(b)).message();
        assertEquals(SipMethod.of("NEWMETHOD"), r.method());
    }

    @Test
    void bareLfLineEndsAreAccepted() {
        byte[] b = String.join("\n", Msgs.INVITE).concat("\n\n").getBytes(StandardCharsets.US_ASCII);
        SipRequest r = Msgs.request(b);
        assertEquals("a84b4c76e66710@pc33.atlanta.example.com", r.header(HeaderName.CALL_ID));
    }

    @Test
    void bareCrInsideAHeaderIsBadHeader() {
        byte[] b = Msgs.head("OPTIONS sip:h SIP/2.0", "Via: SIP/2.0/UDP h;branch=z9hG4bK1", "X-Evil: a\rInjected: b",
                "From: <sip:a@h>;tag=1", "To: <sip:h>", "Call-ID: c", "CSeq: 1 OPTIONS");
        assertEquals(MalformedReason.BAD_HEADER, malformed(b).reason());
    }

    @Test
    void bareCrInAMandatoryHeaderMakesTheRequestUnanswerableRatherThanCopied() {
        byte[] b = Msgs.head("OPTIONS sip:h SIP/2.0", "Via: SIP/2.0/UDP h;branch=z9hG4bK1", "From: <sip:a@h>;tag=1",
                "To: <sip:h>", "Call-ID: c\rInjected: yes", "CSeq: 1 OPTIONS");
        Framed.Malformed m = malformed(b);
        assertEquals(MalformedReason.BAD_HEADER, m.reason());
        assertNull(m.readable().callId());
        assertFalse(m.readable().answerable());
    }

    @Test
    void compactAndOddCaseNamesFindTheirHeaders() {
        byte[] b = Msgs.head("OPTIONS sip:h SIP/2.0", "v: SIP/2.0/UDP h;branch=z9hG4bK1", "f: <sip:a@h>;tag=1",
                "T: <sip:h>", "i: c", "cSEQ: 1 OPTIONS", "L: 0", "x-CuStOm: 1");
        SipRequest r = Msgs.request(b);
        assertEquals("c", r.header(HeaderName.CALL_ID));
        assertEquals("1 OPTIONS", r.header("CSeq"));
        assertEquals("1", r.header("X-Custom"));
        assertEquals(0, r.contentLength());
        assertEquals(HeaderName.VIA, r.headerNameOf(0));
    }

    @Test
    void frameNeverCopiesTheDatagram() {
        byte[] b = Msgs.invite();
        SipMessage m = assertInstanceOf(Framed.Message.class, framer.frame(b)).message();
        assertSame(b, m.buf);
    }
}
