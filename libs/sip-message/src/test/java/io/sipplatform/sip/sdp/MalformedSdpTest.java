package io.sipplatform.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipplatform.sip.SipParseException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each case is the Asterisk offer with one line replaced (or removed, when the replacement is null). */
class MalformedSdpTest {
    private static final String FIXTURE = "asterisk-offer";
    private static final String V = "v=0";
    private static final String O = "o=- 1754398402 1754398402 IN IP4 203.0.113.10";
    private static final String S = "s=Asterisk";
    private static final String C = "c=IN IP4 203.0.113.10";
    private static final String T = "t=0 0";
    private static final String M = "m=audio 17846 RTP/AVP 0 8 9 3 101";
    private static final String RTPMAP = "a=rtpmap:0 PCMU/8000";
    private static final String PTIME = "a=ptime:20";

    static List<Arguments> brokenLines() {
        return List.of(
                Arguments.of("missing v=", V, null),
                Arguments.of("v= other than 0", V, "v=1"),
                Arguments.of("v= with trailing text", V, "v=0 0"),
                Arguments.of("missing o=", O, null),
                Arguments.of("o= with five fields", O, "o=- 1754398402 IN IP4 203.0.113.10"),
                Arguments.of("o= with seven fields", O, O + " x"),
                Arguments.of("o= with non-numeric version", O, "o=- 1754398402 v2 IN IP4 203.0.113.10"),
                Arguments.of("missing s=", S, null),
                Arguments.of("duplicate s=", T, "s=again"),
                Arguments.of("duplicate o= in the session", T, O),
                Arguments.of("two session c= lines", T, C),
                Arguments.of("c= without address", C, "c=IN IP4"),
                Arguments.of("c= with unknown addrtype", C, "c=IN IP5 203.0.113.10"),
                Arguments.of("c= with unknown nettype", C, "c=ATM IP4 203.0.113.10"),
                Arguments.of("c= with octet above 255", C, "c=IN IP4 999.1.1.1"),
                Arguments.of("c= with three octets", C, "c=IN IP4 203.0.113"),
                Arguments.of("c= IP6 with IPv4 literal", C, "c=IN IP6 203.0.113.10"),
                Arguments.of("c= IP4 with IPv6 literal", C, "c=IN IP4 2001:db8::1"),
                Arguments.of("c= IP6 with two ::", C, "c=IN IP6 2001::db8::1"),
                Arguments.of("c= with ttl above 255", C, "c=IN IP4 233.252.0.1/300"),
                Arguments.of("c= with zero address count", C, "c=IN IP4 233.252.0.1/127/0"),
                Arguments.of("c= with trailing field", C, C + " extra"),
                Arguments.of("c= lower-case nettype", C, "c=in ip4 203.0.113.10"),
                Arguments.of("t= with one time", T, "t=0"),
                Arguments.of("t= with letters", T, "t=now later"),
                Arguments.of("b= without value", T, "b=AS"),
                Arguments.of("b= with non-numeric bandwidth", T, "b=AS:fast"),
                Arguments.of("m= port above 65535", M, "m=audio 65536 RTP/AVP 0 8 9 3 101"),
                Arguments.of("m= non-numeric port", M, "m=audio port RTP/AVP 0 8 9 3 101"),
                Arguments.of("m= negative port", M, "m=audio -1 RTP/AVP 0 8 9 3 101"),
                Arguments.of("m= zero port count", M, "m=audio 17846/0 RTP/AVP 0 8 9 3 101"),
                Arguments.of("m= without formats", M, "m=audio 17846 RTP/AVP"),
                Arguments.of("m= without proto", M, "m=audio 17846"),
                Arguments.of("m= non-numeric RTP format", M, "m=audio 17846 RTP/AVP PCMU"),
                Arguments.of("m= RTP format above 127", M, "m=audio 17846 RTP/AVP 0 128"),
                Arguments.of("m= proto with empty element", M, "m=audio 17846 RTP//AVP 0"),
                Arguments.of("line without =", PTIME, "a ptime:20"),
                Arguments.of("line with two-letter type", PTIME, "ab=ptime:20"),
                Arguments.of("line with digit type", PTIME, "1=ptime:20"),
                Arguments.of("line with space before =", PTIME, "a =ptime:20"),
                Arguments.of("line of just a letter", PTIME, "a"),
                Arguments.of("empty line in the middle", PTIME, ""),
                Arguments.of("a= without name", PTIME, "a="),
                Arguments.of("a= starting with colon", PTIME, "a=:20"),
                Arguments.of("a= name with a space", PTIME, "a=p time:20"),
                Arguments.of("NUL inside a line", PTIME, "a=ptime:2\u00000"),
                Arguments.of("CR inside a line", PTIME, "a=ptime:2\r0"),
                Arguments.of("rtpmap with non-numeric type", RTPMAP, "a=rtpmap:x PCMU/8000"),
                Arguments.of("rtpmap type above 127", RTPMAP, "a=rtpmap:200 PCMU/8000"),
                Arguments.of("rtpmap with empty clock rate", RTPMAP, "a=rtpmap:0 PCMU/"),
                Arguments.of("rtpmap with zero clock rate", RTPMAP, "a=rtpmap:0 PCMU/0"),
                Arguments.of("rtpmap with clock rate beyond int", RTPMAP, "a=rtpmap:0 PCMU/99999999999"),
                Arguments.of("rtpmap with letters for channels", RTPMAP, "a=rtpmap:0 PCMU/8000/x"),
                Arguments.of("rtpmap without value", RTPMAP, "a=rtpmap"),
                Arguments.of("rtpmap with empty encoding name", RTPMAP, "a=rtpmap:0 /8000"),
                Arguments.of("rtcp port above 65535", PTIME, "a=rtcp:65536"),
                Arguments.of("rtcp non-numeric port", PTIME, "a=rtcp:auto"),
                Arguments.of("rtcp address without addrtype", PTIME, "a=rtcp:5000 IN 203.0.113.10"),
                Arguments.of("rtcp address with bad address", PTIME, "a=rtcp:5000 IN IP4 300.0.0.1"),
                Arguments.of("crypto tag of ten digits", PTIME,
                        "a=crypto:1234567890 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR"),
                Arguments.of("crypto without key params", PTIME, "a=crypto:1 AES_CM_128_HMAC_SHA1_80"),
                Arguments.of("t= in a media description", PTIME, T),
                Arguments.of("o= in a media description", PTIME, O),
                Arguments.of("second SDP body glued on", PTIME, V));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenLines")
    void brokenLineIsRejectedWithSipParseException(String name, String line, String replacement) {
        String text = SdpFixtures.withLine(FIXTURE, line, replacement);
        assertThrows(SipParseException.class, () -> SessionDescription.parse(text));
        assertThrows(SipParseException.class,
                () -> SessionDescription.parse(text.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> notSdpAtAll() {
        return List.of("", "\r\n", "\n\n\n", "   ", "v=0", "v=0\r\n", "m=audio 0 RTP/AVP 0\r\nv=0\r\n",
                "\ufeffv=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\n", "=\r\n", "v=0\r\ns=-\r\no=- 1 1 IN IP4 192.0.2.1\r\n",
                "INVITE sip:bob@example.com SIP/2.0\r\n");
    }

    @ParameterizedTest
    @MethodSource("notSdpAtAll")
    void textThatIsNotSdpIsRejected(String text) {
        assertThrows(SipParseException.class, () -> SessionDescription.parse(text));
    }

    @Test
    void nullBodyIsRejectedWithSipParseException() {
        assertThrows(SipParseException.class, () -> SessionDescription.parse((String) null));
        assertThrows(SipParseException.class, () -> SessionDescription.parse((byte[]) null));
    }

    @Test
    void lineErrorsCarryTheOffsetOfTheLine() {
        String text = SdpFixtures.withLine(FIXTURE, PTIME, "a ptime:20");
        SipParseException e = assertThrows(SipParseException.class, () -> SessionDescription.parse(text));
        assertTrue(text.startsWith("a ptime:20", e.offset()), "offset " + e.offset());
    }
}
