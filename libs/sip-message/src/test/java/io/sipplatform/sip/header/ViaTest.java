package io.sipplatform.sip.header;

import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.grammar.HeaderValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ViaTest {

    private static Via via(String protocol, String transport, String host, int port, Param... params) {
        return new Via(protocol, transport, host, port, List.of(params));
    }

    private static Param p(String name, String value) {
        return new Param(name, value);
    }

    static Stream<Arguments> validVias() {
        return Stream.of(
                Arguments.of("SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds",
                        via("SIP/2.0", "UDP", "pc33.atlanta.com", -1, p("branch", "z9hG4bK776asdhds"))),
                Arguments.of("SIP/2.0/UDP bigbox3.site3.atlanta.com;branch=z9hG4bK77ef4c2312983.1;received=192.0.2.2",
                        via("SIP/2.0", "UDP", "bigbox3.site3.atlanta.com", -1, p("branch", "z9hG4bK77ef4c2312983.1"),
                                p("received", "192.0.2.2"))),
                Arguments.of("sip/2.0/udp 192.0.2.1:5060;rport;branch=z9hG4bKx",
                        via("SIP/2.0", "UDP", "192.0.2.1", 5060, p("rport", null), p("branch", "z9hG4bKx"))),
                Arguments.of("SIP/2.0/UDP 192.0.2.1:5060;rport=5061;received=198.51.100.7;branch=z9hG4bKx",
                        via("SIP/2.0", "UDP", "192.0.2.1", 5060, p("rport", "5061"), p("received", "198.51.100.7"),
                                p("branch", "z9hG4bKx"))),
                // RFC 4475 §3.1.1.1 (wsinv): LWS inside sent-protocol and around parameters
                Arguments.of("SIP  /   2.0 /UDP 192.0.2.2;branch=390skdjuw",
                        via("SIP/2.0", "UDP", "192.0.2.2", -1, p("branch", "390skdjuw"))),
                Arguments.of("SIP  / 2.0  / TCP     spindle.example.com   ;  branch  =   z9hG4bK9ikj8",
                        via("SIP/2.0", "TCP", "spindle.example.com", -1, p("branch", "z9hG4bK9ikj8"))),
                Arguments.of("SIP  /    2.0   / UDP  192.168.255.111   ; branch= z9hG4bK30239",
                        via("SIP/2.0", "UDP", "192.168.255.111", -1, p("branch", "z9hG4bK30239"))),
                // RFC 4475 §3.1.1.2 (intmeth): a branch using every token character
                Arguments.of("SIP/2.0/TCP host1.example.com;branch=z9hG4bK-.!%66*_+`'~",
                        via("SIP/2.0", "TCP", "host1.example.com", -1, p("branch", "z9hG4bK-.!%66*_+`'~"))),
                // RFC 4475 §3.1.1.10 (transports)
                Arguments.of("SIP/2.0/SCTP t2.example.com;branch=z9hG4bKklasjdhf",
                        via("SIP/2.0", "SCTP", "t2.example.com", -1, p("branch", "z9hG4bKklasjdhf"))),
                Arguments.of("SIP/2.0/UNKNOWN t4.example.com;branch=z9hG4bKasd0f3en",
                        via("SIP/2.0", "UNKNOWN", "t4.example.com", -1, p("branch", "z9hG4bKasd0f3en"))),
                Arguments.of("SIP/2.0/wss df7jal23ls0d.invalid;branch=z9hG4bKasudf;rport",
                        via("SIP/2.0", "WSS", "df7jal23ls0d.invalid", -1, p("branch", "z9hG4bKasudf"), p("rport", null))),
                // RFC 2543 style, no branch (RFC 4475 §3.3.15 inv2543)
                Arguments.of("SIP/2.0/UDP 192.0.2.15", via("SIP/2.0", "UDP", "192.0.2.15", -1)),
                // RFC 5118 §4.5: received with and without brackets; §4.7: IPv6 sent-by with port
                Arguments.of("SIP/2.0/UDP [2001:db8::9:1];received=[2001:db8::9:255];branch=z9hG4bKas3-111",
                        via("SIP/2.0", "UDP", "[2001:db8::9:1]", -1, p("received", "[2001:db8::9:255]"),
                                p("branch", "z9hG4bKas3-111"))),
                Arguments.of("SIP/2.0/UDP [2001:db8::9:1];received=2001:db8::9:255;branch=z9hG4bKas3",
                        via("SIP/2.0", "UDP", "[2001:db8::9:1]", -1, p("received", "2001:db8::9:255"),
                                p("branch", "z9hG4bKas3"))),
                Arguments.of("SIP/2.0/UDP [2001:db8::9:1]:6050;branch=z9hG4bKas3-111",
                        via("SIP/2.0", "UDP", "[2001:db8::9:1]", 6050, p("branch", "z9hG4bKas3-111"))),
                Arguments.of("SIP/2.0/UDP host : 5060 ;maddr=239.255.255.1;ttl=16",
                        via("SIP/2.0", "UDP", "host", 5060, p("maddr", "239.255.255.1"), p("ttl", "16"))),
                Arguments.of("SIP/2.0/TLS h;maddr=[::1];ttl=0;ext=\"quoted, value\";flag",
                        via("SIP/2.0", "TLS", "h", -1, p("maddr", "[::1]"), p("ttl", "0"), p("ext", "quoted, value"),
                                p("flag", null))),
                Arguments.of("HIP/3.1/UDP h", via("HIP/3.1", "UDP", "h", -1)),
                Arguments.of("SIP/2.0/UDP h:65535", via("SIP/2.0", "UDP", "h", 65535)));
    }

    @ParameterizedTest
    @MethodSource("validVias")
    void validViasParse(String value, Via expected) {
        assertEquals(expected, Via.parse(value));
    }

    @ParameterizedTest
    @MethodSource("validVias")
    void renderingParsesBackToAnEqualVia(String value, Via expected) {
        String rendered = expected.toString();
        assertEquals(expected, Via.parse(rendered), rendered);
        assertEquals(rendered, Via.parse(rendered).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SIP/2.0/UDP 192.0.2.15;;,;,,", // RFC 4475 §3.1.2.1 (badinv01)
            "SIP/2.0/UDP 2001:db8::9:1",    // unbracketed IPv6 sent-by
            "", "SIP/2.0/UDP", "SIP/2.0/UDP ", "SIP/2.0 UDP h", "SIP/2.0/UDPh", "SIP//UDP h", "/2.0/UDP h",
            "SIP/2.0/UDP h:", "SIP/2.0/UDP h:0", "SIP/2.0/UDP h:65536", "SIP/2.0/UDP h:5060:5060",
            "SIP/2.0/UDP h;branch", "SIP/2.0/UDP h;branch=\"a b\"", "SIP/2.0/UDP h;received",
            "SIP/2.0/UDP h;received=example.com", "SIP/2.0/UDP h;received=256.1.1.1", "SIP/2.0/UDP h;maddr",
            "SIP/2.0/UDP h;maddr=-bad", "SIP/2.0/UDP h;ttl=256", "SIP/2.0/UDP h;ttl=", "SIP/2.0/UDP h;ttl=1000",
            "SIP/2.0/UDP h;ttl=x", "SIP/2.0/UDP h;rport=0", "SIP/2.0/UDP h;rport=65536", "SIP/2.0/UDP h;rport=x",
            "SIP/2.0/UDP h;rport=99999999999999999999999", "SIP/2.0/UDP h;x=2001:db8::1",
            "SIP/2.0/UDP h, SIP/2.0/UDP g", "SIP/2.0/UDP [::1", "SIP/2.0/UDP [1::2::3]", "SIP/2.0/UDP h x",
            "SIP/2.0/U\u00c9P h", "SIP/2.0/UDP h;branch=z9hG4bK;"})
    void malformedViasThrow(String value) {
        assertThrows(SipParseException.class, () -> Via.parse(value));
    }

    @Test
    void accessorsReadTheParameters() {
        Via v = Via.parse("SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK74bf9;received=198.51.100.7;rport=5070;"
                + "maddr=239.255.255.1;ttl=16");
        assertEquals("z9hG4bK74bf9", v.branch());
        assertTrue(v.isRfc3261Branch());
        assertEquals("198.51.100.7", v.received());
        assertTrue(v.hasRport());
        assertEquals(5070, v.rport());
        assertEquals("239.255.255.1", v.maddr());
        assertEquals(16, v.ttl());
        assertEquals("192.0.2.1:5060", v.sentBy());
        assertSame("SIP/2.0", v.protocol());

        Via bare = Via.parse("SIP/2.0/TCP h;rport;branch=1234");
        assertTrue(bare.hasRport());
        assertEquals(-1, bare.rport());
        assertEquals(-1, bare.ttl());
        assertNull(bare.received());
        assertNull(bare.maddr());
        assertFalse(bare.isRfc3261Branch());
        assertEquals("h", bare.sentBy());
        assertFalse(Via.parse("SIP/2.0/UDP h").hasRport());
        assertFalse(Via.parse("SIP/2.0/UDP h;branch=Z9HG4BK1").isRfc3261Branch()); // the cookie is case-sensitive
    }

    @Test
    void proxiesStampReceivedAndRport() {
        Via v = Via.parse("SIP/2.0/UDP client.example.com:5060;rport;branch=z9hG4bKx");
        Via stamped = v.withReceived("192.0.2.7").withRport(61234);
        assertEquals("SIP/2.0/UDP client.example.com:5060;rport=61234;branch=z9hG4bKx;received=192.0.2.7",
                stamped.toString());
        assertEquals("SIP/2.0/UDP client.example.com:5060;rport;branch=z9hG4bKx;received=2001:db8::7",
                v.withReceived("2001:db8::7").toString());
        assertEquals("SIP/2.0/UDP client.example.com:5060;rport;branch=z9hG4bKx;x=\"a b\"",
                v.withParam("x", "a b").toString());
        assertThrows(IllegalArgumentException.class, () -> v.withReceived("example.com"));
        assertThrows(IllegalArgumentException.class, () -> v.withRport(0));
        assertThrows(IllegalArgumentException.class, () -> v.withParam("ttl", "300"));
        assertEquals("SIP/2.0/UDP client.example.com:5060;branch=z9hG4bKx", v.withoutParam("rport").toString());
    }

    @Test
    void factoryBuildsASip20Via() {
        Via v = Via.of("tcp", "edge.example.com", 5060, "z9hG4bK1");
        assertEquals("SIP/2.0/TCP edge.example.com:5060;branch=z9hG4bK1", v.toString());
    }

    @Test
    void constructorNormalisesCaseAndChecksShape() {
        assertEquals("SIP/2.0", via("sip/2.0", "udp", "h", -1).protocol());
        assertEquals("UDP", via("sip/2.0", "udp", "h", -1).transport());
        assertThrows(IllegalArgumentException.class, () -> via("SIP", "UDP", "h", -1));
        assertThrows(IllegalArgumentException.class, () -> via("SIP/2.0/UDP", "UDP", "h", -1));
        assertThrows(IllegalArgumentException.class, () -> via("SIP/2.0", "U P", "h", -1));
        assertThrows(IllegalArgumentException.class, () -> via("SIP/2.0", "UDP", "h h", -1));
        assertThrows(IllegalArgumentException.class, () -> via("SIP/2.0", "UDP", "h", 0));
    }

    @Test
    void aViaLineSplitsIntoViaParms() {
        List<String> values = HeaderValues.split("SIP/2.0/UDP a;branch=z9hG4bK1, SIP/2.0/TCP b:5061;branch=z9hG4bK2");
        assertEquals("b", Via.parse(values.get(1)).host());
        assertEquals(5061, Via.parse(values.get(1)).port());
    }
}
