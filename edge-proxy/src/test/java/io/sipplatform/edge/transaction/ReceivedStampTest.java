package io.sipplatform.edge.transaction;

import io.sipplatform.edge.transport.Inbound;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.sip.header.Via;
import io.sipplatform.sip.message.HeaderName;
import io.sipplatform.sip.message.SipMethod;
import io.sipplatform.sip.message.SipRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetSocketAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** RFC 3261 §18.2.1 and RFC 3581 §4. The request comes from 203.0.113.7:40000 unless stated. */
class ReceivedStampTest {

    private static Inbound from(String via, String ip, int port) {
        SipRequest r = (SipRequest) Messages.request(SipMethod.OPTIONS, via, 1, null).toBuilder()
                .addHeader(HeaderName.VIA, "SIP/2.0/UDP 10.9.9.9;branch=z9hG4bKbelow").build();
        return new Inbound(r, Transport.UDP, new InetSocketAddress(ip, port), Messages.EDGE, null, 0L);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            rport gets the source port and received | SIP/2.0/UDP 10.0.0.7;branch=z9hG4bK1;rport | 203.0.113.7 | 40000
            rport adds received even when sent-by is the source | SIP/2.0/UDP 203.0.113.7;branch=z9hG4bK1;rport \
                | 203.0.113.7 | 40000
            a host name sent-by gets received | SIP/2.0/UDP phone.example.com;branch=z9hG4bK1 | 203.0.113.7 | -1
            another IP in sent-by gets received | SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bK1 | 203.0.113.7 | -1
            a forged received is replaced | SIP/2.0/UDP 10.0.0.7;branch=z9hG4bK1;received=192.0.2.9 | 203.0.113.7 | -1
            a wrong rport value is corrected | SIP/2.0/UDP 10.0.0.7;branch=z9hG4bK1;rport=9 | 203.0.113.7 | 40000
            """)
    void topViaIsCompleted(String rule, String via, String received, int rport) {
        Inbound stamped = ReceivedStamp.apply(from(via, "203.0.113.7", 40000));

        List<Via> vias = stamped.message().vias();
        assertEquals(received, vias.get(0).received());
        assertEquals(rport, vias.get(0).rport());
        assertEquals(Via.parse(via).branch(), vias.get(0).branch());
        assertEquals(Via.parse(via).sentBy(), vias.get(0).sentBy());
        assertEquals("SIP/2.0/UDP 10.9.9.9;branch=z9hG4bKbelow", stamped.message().headerValues(HeaderName.VIA).get(1));
    }

    @Test
    void sentByEqualToTheSourceWithoutRportIsLeftAlone() {
        Inbound in = from("SIP/2.0/UDP 203.0.113.7:5060;branch=z9hG4bK1", "203.0.113.7", 5060);

        assertSame(in, ReceivedStamp.apply(in));
    }

    @Test
    void alreadyCompleteViaIsLeftAlone() {
        Inbound in = from("SIP/2.0/UDP 10.0.0.7;branch=z9hG4bK1;rport=40000;received=203.0.113.7",
                "203.0.113.7", 40000);

        assertSame(in, ReceivedStamp.apply(in));
    }

    @Test
    void ipv6SentByEqualToTheSourceIsLeftAloneAndAnotherGetsABareReceived() {
        Inbound same = from("SIP/2.0/UDP [2001:db8:0::7]:5060;branch=z9hG4bK1", "2001:db8::7", 5060);
        assertSame(same, ReceivedStamp.apply(same));

        Inbound other = from("SIP/2.0/UDP [2001:db8::8]:5060;branch=z9hG4bK1", "2001:db8::7", 5060);
        Via stamped = ReceivedStamp.apply(other).message().topVia();
        assertEquals("2001:db8:0:0:0:0:0:7", stamped.received());
        assertNull(stamped.param("rport"));
    }

    @Test
    void stampedInboundKeepsTransportAndAddresses() {
        Inbound in = from("SIP/2.0/UDP 10.0.0.7;branch=z9hG4bK1;rport", "203.0.113.7", 40000);

        Inbound stamped = ReceivedStamp.apply(in);

        assertEquals(in.transport(), stamped.transport());
        assertEquals(in.remote(), stamped.remote());
        assertEquals(in.local(), stamped.local());
        assertEquals(in.receivedNanos(), stamped.receivedNanos());
    }

    @Test
    void ipv4LiteralsParseWithoutDns() {
        assertEquals("192.0.2.1", IpLiteral.parse("192.0.2.1").getHostAddress());
        assertEquals("10.0.0.7", IpLiteral.parse("010.000.000.007").getHostAddress());
        assertNull(IpLiteral.parse("256.0.0.1"));
        assertNull(IpLiteral.parse("1.2.3"));
        assertNull(IpLiteral.parse("1.2.3.4.5"));
        assertNull(IpLiteral.parse("1..2.3"));
        assertNull(IpLiteral.parse("example.com"));
        assertNull(IpLiteral.parse("[not-v6]"));
        assertEquals("0:0:0:0:0:0:0:1", IpLiteral.parse("[::1]").getHostAddress());
    }
}
