package io.sipplatform.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipplatform.sip.SipParseException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inputs of up to 64 KiB built to hit worst cases. Each must be parsed (and, when valid, rewritten) well within the
 * time limit, and anything that fails must fail with SipParseException only.
 */
class HostileSdpTest {
    private static final int KIB_64 = 64 * 1024;
    private static final Duration LIMIT = Duration.ofSeconds(2);
    private static final String HEAD = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n";

    private static String repeatToSize(String unit) {
        return unit.repeat(KIB_64 / unit.length());
    }

    private static String formats(int count, String format) {
        return (" " + format).repeat(count);
    }

    static List<Arguments> validButHuge() {
        return List.of(
                Arguments.of("64 KiB of a= lines", (Supplier<String>) () ->
                        HEAD + "m=audio 4000 RTP/AVP 0\r\n" + repeatToSize("a=x-custom:1\r\n")),
                Arguments.of("64 KiB of candidates", (Supplier<String>) () -> HEAD + "m=audio 4000 RTP/AVP 0\r\n"
                        + repeatToSize("a=candidate:1 1 UDP 2130706303 192.168.0.105 7078 typ host\r\n")),
                Arguments.of("10 000 formats", (Supplier<String>) () ->
                        HEAD + "m=audio 4000 RTP/AVP" + formats(10_000, "0") + "\r\n"),
                Arguments.of("10 000 distinct-looking formats with rtpmaps", (Supplier<String>) () ->
                        HEAD + "m=audio 4000 RTP/AVP" + formats(5_000, "96 8") + "\r\n"
                                + "a=rtpmap:96 opus/48000/2\r\n".repeat(1_000)),
                Arguments.of("10 000 non-RTP formats", (Supplier<String>) () ->
                        HEAD + "m=application 4000 TCP/MSRP" + formats(10_000, "x") + "\r\n"),
                Arguments.of("2 000 media descriptions", (Supplier<String>) () ->
                        HEAD + "m=audio 4000 RTP/AVP 0 8\r\na=rtpmap:0 PCMU/8000\r\n".repeat(1_500)),
                Arguments.of("60 KB attribute value", (Supplier<String>) () ->
                        HEAD + "a=tool:" + "x".repeat(60_000) + "\r\nm=audio 4000 RTP/AVP 0\r\n"),
                Arguments.of("60 KB session name", (Supplier<String>) () ->
                        "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=" + "-".repeat(60_000) + "\r\nt=0 0\r\n"),
                Arguments.of("60 KB of zeros before a port", (Supplier<String>) () ->
                        HEAD + "m=audio " + "0".repeat(60_000) + "4000 RTP/AVP 0\r\n"),
                Arguments.of("60 KB session version of nines", (Supplier<String>) () ->
                        "v=0\r\no=- 1 " + "9".repeat(60_000) + " IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n"),
                Arguments.of("60 KB of spaces between m= fields", (Supplier<String>) () ->
                        HEAD + "m=audio" + " ".repeat(60_000) + "4000 RTP/AVP 0\r\n"),
                Arguments.of("64 KiB of bare LF lines", (Supplier<String>) () ->
                        HEAD + "m=audio 4000 RTP/AVP 0\r\n" + repeatToSize("a=x\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validButHuge")
    void hugeValidInputParsesAndRewritesQuickly(String name, Supplier<String> input) {
        String text = input.get();
        assertTimeoutPreemptively(LIMIT, () -> {
            SessionDescription sd = SessionDescription.parse(text);
            SessionDescription rewritten = sd.withoutIce().withConnectionAddress("203.0.113.1")
                    .mapMedia(m -> m.retainEncodings(Set.of("PCMA", "opus")).withPort(30000)
                            .withRtcp(new Rtcp(30001, null)))
                    .withSessionVersionIncremented();
            assertEquals(rewritten, SessionDescription.parse(rewritten.toBytes()));
        });
    }

    static List<Arguments> invalidAndHuge() {
        return List.of(
                Arguments.of("64 KiB of =", (Supplier<String>) () -> "=".repeat(KIB_64)),
                Arguments.of("64 KiB of LF after v=0", (Supplier<String>) () -> "v=0" + "\n".repeat(KIB_64)),
                Arguments.of("64 KiB of CR", (Supplier<String>) () -> "\r".repeat(KIB_64)),
                Arguments.of("64 KiB of colons in an IPv6 address", (Supplier<String>) () ->
                        "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP6 " + ":".repeat(KIB_64) + "\r\n"),
                Arguments.of("64 KiB of dots in an IPv4 address", (Supplier<String>) () ->
                        "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 " + ".".repeat(KIB_64) + "\r\n"),
                Arguments.of("64 KiB of slashes in a connection address", (Supplier<String>) () ->
                        "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 1.2.3.4" + "/".repeat(KIB_64) + "\r\n"),
                Arguments.of("64 KiB port digits", (Supplier<String>) () ->
                        HEAD + "m=audio " + "9".repeat(KIB_64) + " RTP/AVP 0\r\n"),
                Arguments.of("10 000 formats with one bad", (Supplier<String>) () ->
                        HEAD + "m=audio 4000 RTP/AVP" + formats(10_000, "8") + " x\r\n"),
                Arguments.of("64 KiB of a= lines then garbage", (Supplier<String>) () ->
                        HEAD + "m=audio 4000 RTP/AVP 0\r\n" + repeatToSize("a=x\r\n") + "garbage\r\n"),
                Arguments.of("64 KiB of v= lines", (Supplier<String>) () -> repeatToSize("v=0\r\n")),
                Arguments.of("64 KiB of tokens in a rtpmap", (Supplier<String>) () ->
                        HEAD + "m=audio 4000 RTP/AVP 0\r\na=rtpmap:0 " + repeatToSize("PCMU/") + "\r\n"),
                Arguments.of("64 KiB of NUL", (Supplier<String>) () -> "\u0000".repeat(KIB_64)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAndHuge")
    void hugeInvalidInputFailsQuicklyWithSipParseException(String name, Supplier<String> input) {
        String text = input.get();
        assertTimeoutPreemptively(LIMIT, () -> {
            assertThrows(SipParseException.class, () -> SessionDescription.parse(text));
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomBytesFailOnlyWithSipParseException(long seed) {
        byte[] body = new byte[KIB_64];
        new Random(seed).nextBytes(body);
        System.arraycopy("v=0\r\n".getBytes(StandardCharsets.US_ASCII), 0, body, 0, 5);
        assertTimeoutPreemptively(LIMIT, () -> {
            SipParseException e = assertThrows(SipParseException.class, () -> SessionDescription.parse(body));
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
        });
    }

    static List<Long> seeds() {
        return List.of(1L, 2L, 3L);
    }
}
