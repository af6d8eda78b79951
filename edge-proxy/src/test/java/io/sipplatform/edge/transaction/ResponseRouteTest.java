package io.sipplatform.edge.transaction;

import io.sipplatform.edge.transport.Destination;
import io.sipplatform.edge.transport.Inbound;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.sip.message.SipMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 3261 §18.2.2 and RFC 3581 §4, one row per rule. The request comes from 203.0.113.7:40000. */
class ResponseRouteTest {
    private static final InetSocketAddress SOURCE = new InetSocketAddress("203.0.113.7", 40000);

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("UDP with rport goes back to the source IP and port",
                        Transport.UDP, "SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bK1;rport",
                        dest(Transport.UDP, "203.0.113.7", 40000, null)),
                Arguments.of("UDP with rport already filled still uses the real source port",
                        Transport.UDP, "SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bK1;rport=1234",
                        dest(Transport.UDP, "203.0.113.7", 40000, null)),
                Arguments.of("UDP without rport goes to the source IP at the sent-by port",
                        Transport.UDP, "SIP/2.0/UDP 10.0.0.7:5070;branch=z9hG4bK1",
                        dest(Transport.UDP, "203.0.113.7", 5070, null)),
                Arguments.of("UDP without rport or sent-by port uses 5060",
                        Transport.UDP, "SIP/2.0/UDP phone.example.com;branch=z9hG4bK1",
                        dest(Transport.UDP, "203.0.113.7", 5060, null)),
                Arguments.of("UDP ignores a forged received parameter",
                        Transport.UDP, "SIP/2.0/UDP 10.0.0.7:5070;branch=z9hG4bK1;received=192.0.2.99",
                        dest(Transport.UDP, "203.0.113.7", 5070, null)),
                Arguments.of("UDP with maddr goes to maddr at the sent-by port",
                        Transport.UDP, "SIP/2.0/UDP 10.0.0.7:5070;branch=z9hG4bK1;maddr=192.0.2.200;rport",
                        dest(Transport.UDP, "192.0.2.200", 5070, null)),
                Arguments.of("UDP with maddr and no sent-by port uses 5060",
                        Transport.UDP, "SIP/2.0/UDP 10.0.0.7;branch=z9hG4bK1;maddr=192.0.2.200",
                        dest(Transport.UDP, "192.0.2.200", 5060, null)),
                Arguments.of("UDP with an IPv6 maddr",
                        Transport.UDP, "SIP/2.0/UDP 10.0.0.7;branch=z9hG4bK1;maddr=[2001:db8::1]",
                        dest(Transport.UDP, "2001:db8::1", 5060, null)),
                Arguments.of("TCP reuses the flow, falling back to the source IP at the sent-by port",
                        Transport.TCP, "SIP/2.0/TCP 10.0.0.7:5070;branch=z9hG4bK1;rport",
                        dest(Transport.TCP, "203.0.113.7", 5070, "flow-1")),
                Arguments.of("TCP without sent-by port falls back to 5060",
                        Transport.TCP, "SIP/2.0/TCP phone.example.com;branch=z9hG4bK1",
                        dest(Transport.TCP, "203.0.113.7", 5060, "flow-1")),
                Arguments.of("TCP ignores maddr: the connection comes first",
                        Transport.TCP, "SIP/2.0/TCP 10.0.0.7:5070;branch=z9hG4bK1;maddr=192.0.2.200",
                        dest(Transport.TCP, "203.0.113.7", 5070, "flow-1")),
                Arguments.of("TLS without sent-by port falls back to 5061",
                        Transport.TLS, "SIP/2.0/TLS phone.example.com;branch=z9hG4bK1",
                        dest(Transport.TLS, "203.0.113.7", 5061, "flow-1")),
                Arguments.of("WS without sent-by port falls back to 80",
                        Transport.WS, "SIP/2.0/WS df7jal23ls0d.invalid;branch=z9hG4bK1",
                        dest(Transport.WS, "203.0.113.7", 80, "flow-1")),
                Arguments.of("WSS without sent-by port falls back to 443",
                        Transport.WSS, "SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bK1",
                        dest(Transport.WSS, "203.0.113.7", 443, "flow-1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void responseDestinationFollowsTheRule(String rule, Transport transport, String via, Destination expected) {
        Inbound in = new Inbound(Messages.request(SipMethod.OPTIONS, via, 1, null), transport, SOURCE,
                Messages.EDGE, transport.reliable() ? "flow-1" : null, 0L);

        assertEquals(expected, ResponseRoute.of(in));
    }

    @Test
    void maddrHostNameIsLeftUnresolvedForTheSender() {
        Inbound in = Messages.udp(Messages.request(SipMethod.OPTIONS,
                "SIP/2.0/UDP 10.0.0.7:5070;branch=z9hG4bK1;maddr=sip.example.com", 1, null));

        Destination d = ResponseRoute.of(in);

        assertTrue(d.address().isUnresolved());
        assertEquals("sip.example.com", d.address().getHostString());
        assertEquals(5070, d.address().getPort());
    }

    @Test
    void ipv6SourceWithRport() {
        InetSocketAddress v6 = new InetSocketAddress("2001:db8::7", 40001);
        Inbound in = new Inbound(Messages.request(SipMethod.OPTIONS,
                "SIP/2.0/UDP [2001:db8::7]:5060;branch=z9hG4bK1;rport", 1, null), Transport.UDP, v6, Messages.EDGE,
                null, 0L);

        assertEquals(Destination.of(Transport.UDP, v6), ResponseRoute.of(in));
    }

    private static Destination dest(Transport transport, String ip, int port, String flow) {
        return new Destination(transport, new InetSocketAddress(ip, port), flow);
    }
}
