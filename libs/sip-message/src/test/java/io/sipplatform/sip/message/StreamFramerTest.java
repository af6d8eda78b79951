package io.sipplatform.sip.message;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamFramerTest {
    private final List<Framed> out = new ArrayList<>();
    private final StreamFramer framer = new StreamFramer();

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] message(String callId, String body) {
        return concat(Msgs.head("MESSAGE sip:b@h SIP/2.0", "Via: SIP/2.0/TCP h;branch=z9hG4bK1",
                "From: <sip:a@h>;tag=1", "To: <sip:b@h>", "Call-ID: " + callId, "CSeq: 1 MESSAGE",
                "Content-Length: " + body.length()), ascii(body));
    }

    @Test
    void pingBetweenMessagesIsReportedInOrder() {
        framer.feed(concat(message("one", "hi"), ascii("\r\n\r\n"), message("two", "")), out::add);
        assertEquals(3, out.size());
        assertEquals("one", ((Framed.Message) out.get(0)).message().header(HeaderName.CALL_ID));
        assertSame(Framed.KeepAlive.PING, out.get(1));
        assertEquals("two", ((Framed.Message) out.get(2)).message().header(HeaderName.CALL_ID));
    }

    @Test
    void lonePongIsReportedOnceTheNextByteShowsItIsNotAPing() {
        framer.feed(ascii("\r\n"), out::add);
        assertEquals(List.of(), out, "undecided: could become CRLFCRLF");
        assertTrue(framer.pendingCrlf(), "a client awaiting a pong sees it pending");
        framer.feed(message("m", ""), out::add);
        assertSame(Framed.KeepAlive.PONG, out.get(0));
        assertInstanceOf(Framed.Message.class, out.get(1));
    }

    @Test
    void bodyArrivingLaterCompletesTheMessage() {
        byte[] m = message("late", "0123456789");
        framer.feed(m, 0, m.length - 4, out::add);
        assertEquals(List.of(), out);
        assertTrue(framer.buffered() > 0);
        framer.feed(m, m.length - 4, 4, out::add);
        SipMessage msg = assertInstanceOf(Framed.Message.class, out.get(0)).message();
        assertEquals("0123456789", new String(msg.body(), StandardCharsets.US_ASCII));
        assertEquals(0, framer.buffered());
    }

    @Test
    void missingContentLengthOnAStreamMeansNoBody() {
        byte[] head = Msgs.head("OPTIONS sip:h SIP/2.0", "Via: SIP/2.0/TCP h;branch=z9hG4bK1",
                "From: <sip:a@h>;tag=1", "To: <sip:h>", "Call-ID: c", "CSeq: 1 OPTIONS");
        framer.feed(concat(head, head), out::add);
        assertEquals(2, out.size());
        assertEquals(0, ((Framed.Message) out.get(0)).message().bodyLength());
    }

    @Test
    void nonFatalMalformedMessageIsSkippedAndTheNextOneFramed() {
        byte[] missingCallId = concat(Msgs.head("MESSAGE sip:b@h SIP/2.0", "Via: SIP/2.0/TCP h;branch=z9hG4bK1",
                "From: <sip:a@h>;tag=1", "To: <sip:b@h>", "CSeq: 1 MESSAGE", "Content-Length: 3"), ascii("abc"));
        framer.feed(concat(missingCallId, message("next", "x")), out::add);
        Framed.Malformed bad = assertInstanceOf(Framed.Malformed.class, out.get(0));
        assertEquals(MalformedReason.MISSING_HEADER, bad.reason());
        assertFalse(bad.fatal());
        assertEquals("next", ((Framed.Message) out.get(1)).message().header(HeaderName.CALL_ID));
        assertFalse(framer.failed());
    }

    @Test
    void fatalMalformedStopsTheFramer() {
        framer.feed(concat(ascii("\u0016\u0003\u0001 binary TLS hello\r\n\r\n"), message("after", "")), out::add);
        Framed.Malformed bad = assertInstanceOf(Framed.Malformed.class, out.get(0));
        assertEquals(MalformedReason.BAD_START_LINE, bad.reason());
        assertTrue(bad.fatal());
        assertTrue(framer.failed());
        framer.feed(message("ignored", ""), out::add);
        assertEquals(1, out.size(), "nothing after a fatal frame");
    }

    @Test
    void manyMessagesInOneChunkAllComeOut() {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (int i = 0; i < 200; i++) {
            o.writeBytes(message("c" + i, "body" + i));
        }
        framer.feed(o.toByteArray(), out::add);
        assertEquals(200, out.size());
        assertEquals("c199", ((Framed.Message) out.get(199)).message().header(HeaderName.CALL_ID));
        assertEquals(0, framer.buffered());
    }

    @Test
    void messagesDoNotShareTheFramerBuffer() {
        byte[] a = message("first", "aaaa");
        framer.feed(a, out::add);
        framer.feed(message("second", "bbbb"), out::add);
        SipMessage first = ((Framed.Message) out.get(0)).message();
        assertEquals("first", first.header(HeaderName.CALL_ID));
        assertEquals("aaaa", new String(first.body(), StandardCharsets.US_ASCII));
    }
}
