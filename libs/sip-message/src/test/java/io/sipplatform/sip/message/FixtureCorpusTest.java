package io.sipplatform.sip.message;

import io.sipplatform.sip.SipParseException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every {@code .sip} fixture under {@code fixtures/} is framed as a datagram, and through the stream framer whole,
 * split at every offset and byte by byte, with equal results; its {@code .expect} sidecar says what the result must
 * be (see fixtures/README.md). Valid messages also round-trip through the builder.
 */
class FixtureCorpusTest {
    private static final List<String> ACCESSORS = List.of("Request-URI", "Via", "From", "To", "Call-ID", "CSeq",
            "Max-Forwards", "Contact", "Route", "Record-Route", "Expires", "Content-Type");
    /** Fixtures up to this size are split at every offset; larger ones at 97 spread offsets. */
    private static final int SPLIT_EVERY_OFFSET_UP_TO = 6_000;

    @TestFactory
    Stream<DynamicTest> everyFixtureFramesAsItsExpectationSays() throws IOException, URISyntaxException {
        URL root = getClass().getResource("/fixtures");
        assertTrue(root != null, "fixtures on the test classpath");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(root.toURI()))) {
            files = walk.filter(p -> p.toString().endsWith(".sip")).sorted().collect(Collectors.toList());
        }
        assertTrue(files.size() >= 50, "fixture corpus present: " + files.size());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getParent().getFileName() + "/" + f.getFileName(),
                () -> check(f)));
    }

    private static void check(Path sip) throws IOException {
        byte[] bytes = Files.readAllBytes(sip);
        Path expectFile = sip.resolveSibling(sip.getFileName().toString().replace(".sip", ".expect"));
        Properties expect = new Properties();
        try (Reader r = Files.newBufferedReader(expectFile, StandardCharsets.UTF_8)) {
            expect.load(r);
        }
        Framed datagram = new DatagramFramer().frame(bytes.clone());
        verify(expect, datagram, false);

        if ("false".equals(expect.getProperty("stream"))) {
            return;
        }
        List<String> whole = streamed(bytes, new int[0]);
        String streamResult = expect.getProperty("streamResult", expect.getProperty("result"));
        if ("incomplete".equals(streamResult)) {
            assertEquals(List.of(), whole, "stream waits for more bytes");
        } else {
            List<Framed> frames = streamFrames(bytes, new int[0]);
            assertEquals(1, frames.size(), "one frame from the stream: " + whole);
            Properties streamExpect = new Properties();
            streamExpect.putAll(expect);
            streamExpect.setProperty("result", streamResult);
            if (expect.containsKey("streamReason")) {
                streamExpect.setProperty("reason", expect.getProperty("streamReason"));
            }
            verify(streamExpect, frames.get(0), true);
        }
        if (bytes.length <= SPLIT_EVERY_OFFSET_UP_TO) {
            for (int i = 1; i < bytes.length; i++) {
                assertEquals(whole, streamed(bytes, new int[] {i}), "split at " + i);
            }
        } else {
            for (int k = 1; k < 98; k++) {
                int i = (int) ((long) bytes.length * k / 98);
                assertEquals(whole, streamed(bytes, new int[] {i}), "split at " + i);
            }
        }
        int[] every = new int[bytes.length];
        for (int i = 0; i < every.length; i++) {
            every[i] = i;
        }
        assertEquals(whole, streamed(bytes, every), "byte by byte");
    }

    private static List<Framed> streamFrames(byte[] bytes, int[] cuts) {
        StreamFramer framer = new StreamFramer();
        List<Framed> out = new ArrayList<>();
        int prev = 0;
        for (int cut : cuts) {
            if (cut > prev) {
                framer.feed(Arrays.copyOfRange(bytes, prev, cut), out::add);
                prev = cut;
            }
        }
        framer.feed(Arrays.copyOfRange(bytes, prev, bytes.length), out::add);
        return out;
    }

    private static List<String> streamed(byte[] bytes, int[] cuts) {
        return streamFrames(bytes, cuts).stream().map(FixtureCorpusTest::describe).collect(Collectors.toList());
    }

    static String describe(Framed f) {
        if (f instanceof Framed.Message m) {
            return "message:" + new String(m.message().toBytes(), StandardCharsets.ISO_8859_1);
        }
        if (f instanceof Framed.Malformed m) {
            return "malformed:" + m.reason() + "@" + m.offset() + ":" + m.fatal() + ":" + m.readable();
        }
        return "keepalive:" + ((Framed.KeepAlive) f).kind();
    }

    private static void verify(Properties e, Framed framed, boolean stream) {
        String where = stream ? " (stream)" : " (datagram)";
        String result = e.getProperty("result");
        switch (result) {
            case "keepalive" -> {
                Framed.KeepAlive k = assertInstanceOf(Framed.KeepAlive.class, framed, "keep-alive" + where);
                if (e.containsKey("keepalive")) {
                    assertEquals(e.getProperty("keepalive"), k.kind().name(), "keep-alive kind" + where);
                }
            }
            case "malformed" -> {
                if (!(framed instanceof Framed.Malformed m)) {
                    fail("expected malformed " + e.getProperty("reason") + where + " but got " + framed);
                    return;
                }
                if (e.containsKey("reason")) {
                    assertEquals(e.getProperty("reason"), m.reason().name(), "reason" + where + ": " + m.detail());
                }
                if (e.containsKey("callId")) {
                    assertEquals(e.getProperty("callId"), m.readable().callId(), "readable Call-ID" + where);
                }
                if (e.containsKey("cseq")) {
                    assertEquals(e.getProperty("cseq"), m.readable().cseq(), "readable CSeq" + where);
                }
            }
            case "message" -> {
                if (!(framed instanceof Framed.Message fm)) {
                    fail("expected a message" + where + " but got " + framed);
                    return;
                }
                verifyMessage(e, fm.message(), where);
                if (!stream) {
                    verifyRoundTrip(fm.message());
                }
            }
            default -> fail("unknown result in .expect: " + result);
        }
    }

    private static void verifyMessage(Properties e, SipMessage m, String where) {
        Set<String> invalid = Arrays.stream(e.getProperty("invalid", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        for (String accessor : invalid) {
            assertTrue(ACCESSORS.contains(accessor), "unknown accessor in invalid=: " + accessor);
        }
        for (String accessor : ACCESSORS) {
            if (accessor.equals("Request-URI") && !m.isRequest()) {
                continue;
            }
            Runnable read = () -> access(m, accessor);
            if (invalid.contains(accessor)) {
                assertThrows(SipParseException.class, read::run, accessor + " must be rejected" + where);
            } else {
                try {
                    read.run();
                } catch (SipParseException ex) {
                    fail(accessor + " must parse" + where + ": " + ex.getMessage());
                }
            }
        }
        expectEq(e, "kind", () -> m.isRequest() ? "request" : "response", where);
        if (m instanceof SipRequest r) {
            expectEq(e, "method", () -> r.method().name(), where);
            expectEq(e, "requestUri", r::requestUriText, where);
        } else {
            SipResponse r = (SipResponse) m;
            expectEq(e, "status", () -> Integer.toString(r.statusCode()), where);
            expectEq(e, "reason", r::reasonPhrase, where);
            if (!invalid.contains("CSeq")) {
                expectEq(e, "method", r::method, where);
            }
        }
        expectIfValid(e, invalid, "Call-ID", "callId", m::callId, where);
        expectIfValid(e, invalid, "CSeq", "cseq", () -> m.cseq().number() + " " + m.cseq().method(), where);
        expectIfValid(e, invalid, "Via", "topViaBranch", () -> nullToEmpty(m.topVia().branch()), where);
        expectIfValid(e, invalid, "Via", "topViaHost", () -> m.topVia().host(), where);
        expectIfValid(e, invalid, "Via", "viaCount", () -> Integer.toString(m.vias().size()), where);
        expectIfValid(e, invalid, "From", "fromTag", () -> nullToEmpty(m.fromTag()), where);
        expectIfValid(e, invalid, "To", "toTag", () -> nullToEmpty(m.toTag()), where);
        expectIfValid(e, invalid, "Max-Forwards", "maxForwards", () -> Integer.toString(m.maxForwards()), where);
        expectIfValid(e, invalid, "Route", "routeCount", () -> Integer.toString(m.routes().size()), where);
        expectIfValid(e, invalid, "Record-Route", "recordRouteCount",
                () -> Integer.toString(m.recordRoutes().size()), where);
        expectIfValid(e, invalid, "Contact", "contactCount", () -> Integer.toString(m.contacts().size()), where);
        expectIfValid(e, invalid, "Contact", "contactWildcard", () -> Boolean.toString(m.isContactWildcard()),
                where);
        expectIfValid(e, invalid, "Expires", "expires", () -> Long.toString(m.expires()), where);
        expectIfValid(e, invalid, "Content-Type", "contentType",
                () -> m.contentType() == null ? "" : m.contentType().mediaType(), where);
        expectEq(e, "bodyLength", () -> Integer.toString(m.bodyLength()), where);
        expectEq(e, "headerLines", () -> Integer.toString(m.headerCount()), where);
    }

    private static void access(SipMessage m, String accessor) {
        switch (accessor) {
            case "Request-URI" -> ((SipRequest) m).requestUri();
            case "Via" -> {
                m.topVia();
                m.vias();
            }
            case "From" -> m.from();
            case "To" -> m.to();
            case "Call-ID" -> m.callId();
            case "CSeq" -> m.cseq();
            case "Max-Forwards" -> m.maxForwards();
            case "Contact" -> m.contacts();
            case "Route" -> m.routes();
            case "Record-Route" -> m.recordRoutes();
            case "Expires" -> m.expires();
            case "Content-Type" -> m.contentType();
            default -> throw new IllegalArgumentException(accessor);
        }
    }

    /** Write then re-frame: an equal message; byte-identical when the original was CRLF-clean with a right CL. */
    private static void verifyRoundTrip(SipMessage m) {
        byte[] written = m.toBuilder().toBytes();
        Framed again = new DatagramFramer(new FrameLimits(1 << 20, 4096, 1 << 20, 1 << 20)).frame(written);
        SipMessage r = assertInstanceOf(Framed.Message.class, again, "written message frames").message();
        assertEquals(m.startLine(), r.startLine(), "start line survives");
        int added = m.contentLength() < 0 ? 1 : 0;
        assertEquals(m.headerCount() + added, r.headerCount(), "header count (+ Content-Length if it was missing)");
        for (int i = 0; i < m.headerCount(); i++) {
            assertEquals(m.headerName(i), r.headerName(i), "header name " + i);
            assertEquals(m.headerValue(i), r.headerValue(i), "header value " + i);
        }
        assertArrayEquals(m.body(), r.body(), "body survives");
        if (m.contentLength() >= 0 && crlfClean(Arrays.copyOf(m.toBytes(), m.length() - m.bodyLength()))) {
            assertArrayEquals(m.toBytes(), written, "untouched message written back byte for byte");
        }
    }

    private static boolean crlfClean(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n' && (i == 0 || b[i - 1] != '\r')) {
                return false;
            }
        }
        return true;
    }

    private static void expectEq(Properties e, String key, Supplier<String> actual, String where) {
        if (e.containsKey(key)) {
            assertEquals(e.getProperty(key), actual.get(), key + where);
        }
    }

    private static void expectIfValid(Properties e, Set<String> invalid, String accessor, String key,
                                      Supplier<String> actual, String where) {
        if (!invalid.contains(accessor)) {
            expectEq(e, key, actual, where);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
