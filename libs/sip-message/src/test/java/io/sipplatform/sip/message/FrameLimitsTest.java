package io.sipplatform.sip.message;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One test per named limit, each failing with its own reason, for datagrams and streams alike. */
class FrameLimitsTest {
    private static final FrameLimits SMALL = new FrameLimits(2_000, 20, 300, 500);

    private static List<String> base() {
        List<String> l = new ArrayList<>(List.of("MESSAGE sip:b@h SIP/2.0", "Via: SIP/2.0/UDP h;branch=z9hG4bK1",
                "From: <sip:a@h>;tag=1", "To: <sip:b@h>", "Call-ID: x", "CSeq: 1 MESSAGE"));
        return l;
    }

    private static void assertBoth(MalformedReason reason, byte[] bytes) {
        Framed d = new DatagramFramer(SMALL).frame(bytes);
        assertEquals(reason, assertInstanceOf(Framed.Malformed.class, d).reason(), "datagram");
        List<Framed> out = new ArrayList<>();
        StreamFramer s = new StreamFramer(SMALL);
        s.feed(bytes, out::add);
        assertEquals(1, out.size(), "stream frames: " + out);
        Framed.Malformed m = assertInstanceOf(Framed.Malformed.class, out.get(0));
        assertEquals(reason, m.reason(), "stream");
        assertTrue(m.fatal(), "limits are fatal on a stream");
        assertTrue(s.failed());
    }

    @Test
    void defaultsAreDocumentedValues() {
        assertEquals(65_536, FrameLimits.DEFAULTS.maxMessageBytes());
        assertEquals(256, FrameLimits.DEFAULTS.maxHeaderCount());
        assertEquals(8_192, FrameLimits.DEFAULTS.maxHeaderLineBytes());
        assertEquals(65_536, FrameLimits.DEFAULTS.maxBodyBytes());
    }

    @Test
    void messageOverMaxMessageBytesIsMessageTooLarge() {
        List<String> l = base();
        for (int i = 0; i < 12; i++) {
            l.add("X-Pad-" + i + ": " + "p".repeat(200));
        }
        assertBoth(MalformedReason.MESSAGE_TOO_LARGE, Msgs.head(l.toArray(String[]::new)));
    }

    @Test
    void moreHeadersThanMaxHeaderCountIsTooManyHeaders() {
        List<String> l = base();
        for (int i = 0; i < 20; i++) {
            l.add("X-H: " + i);
        }
        assertBoth(MalformedReason.TOO_MANY_HEADERS, Msgs.head(l.toArray(String[]::new)));
    }

    @Test
    void headerLineOverMaxHeaderLineBytesIsHeaderLineTooLong() {
        List<String> l = base();
        l.add("Subject: " + "s".repeat(400));
        assertBoth(MalformedReason.HEADER_LINE_TOO_LONG, Msgs.head(l.toArray(String[]::new)));
    }

    @Test
    void foldedContinuationsCountTowardsTheHeaderLine() {
        List<String> l = base();
        l.add("Subject: " + "s".repeat(150));
        l.add("  " + "t".repeat(150));
        assertBoth(MalformedReason.HEADER_LINE_TOO_LONG, Msgs.head(l.toArray(String[]::new)));
    }

    @Test
    void startLineOverMaxHeaderLineBytesIsHeaderLineTooLong() {
        List<String> l = base();
        l.set(0, "MESSAGE sip:" + "b".repeat(400) + "@h SIP/2.0");
        assertBoth(MalformedReason.HEADER_LINE_TOO_LONG, Msgs.head(l.toArray(String[]::new)));
    }

    @Test
    void contentLengthOverMaxBodyBytesIsBodyTooLarge() {
        List<String> l = base();
        l.add("Content-Length: 600");
        byte[] head = Msgs.head(l.toArray(String[]::new));
        byte[] msg = new byte[head.length + 600];
        System.arraycopy(head, 0, msg, 0, head.length);
        assertBoth(MalformedReason.BODY_TOO_LARGE, msg);
    }

    @Test
    void nonNumericContentLengthIsBadContentLength() {
        List<String> l = base();
        l.add("Content-Length: -1");
        assertBoth(MalformedReason.BAD_CONTENT_LENGTH, Msgs.head(l.toArray(String[]::new)));
    }

    @Test
    void conflictingContentLengthsAreBadContentLength() {
        List<String> l = base();
        l.add("Content-Length: 0");
        l.add("l: 1");
        assertBoth(MalformedReason.BAD_CONTENT_LENGTH, Msgs.head(l.toArray(String[]::new)));
    }

    @Test
    void streamWithoutEndOfHeadersFailsOnceTheLimitIsPassedNotBefore() {
        StreamFramer s = new StreamFramer(SMALL);
        List<Framed> out = new ArrayList<>();
        byte[] start = "MESSAGE sip:b@h SIP/2.0\r\nSubject: ".getBytes(StandardCharsets.US_ASCII);
        s.feed(start, out::add);
        byte[] pad = "y".repeat(250).getBytes(StandardCharsets.US_ASCII);
        s.feed(pad, out::add);
        assertEquals(List.of(), out, "within the line limit: waits");
        s.feed(pad, out::add);
        assertEquals(MalformedReason.HEADER_LINE_TOO_LONG,
                assertInstanceOf(Framed.Malformed.class, out.get(0)).reason());
    }
}
