package io.sipplatform.routing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NatContactTest {
    private static final SourceAddress PUBLIC_UDP = new SourceAddress("203.0.113.7", 40123, Transport.UDP);

    private static RegisteredContact contact(String uri, SourceAddress received) {
        return new RegisteredContact(uri, List.of(), null, null, received);
    }

    @Test
    void privateContactBehindNatIsSentToTheRegistersSource() {
        assertEquals("sip:203.0.113.7:40123;transport=udp",
                NatContact.destination(contact("sip:alice@192.168.1.20:5060", PUBLIC_UDP)));
    }

    @Test
    void contactMatchingTheSourceIsNotBehindNat() {
        assertEquals("", NatContact.destination(contact("sip:alice@203.0.113.7:40123",
                PUBLIC_UDP)));
        assertEquals("", NatContact.destination(contact("sip:alice@198.51.100.9",
                new SourceAddress("198.51.100.9", 5060, Transport.UDP))));
    }

    @Test
    void sameAddressWithANatMappedPortIsSentToTheSourcePort() {
        assertEquals("sip:203.0.113.7:40123;transport=udp",
                NatContact.destination(contact("sip:alice@203.0.113.7:5060", PUBLIC_UDP)));
    }

    @Test
    void hostNameContactIsSentToTheSourceWithoutAnyDnsLookup() {
        assertEquals("sip:203.0.113.7:40123;transport=udp",
                NatContact.destination(contact("sip:alice@pbx.invalid:5060", PUBLIC_UDP)));
    }

    @Test
    void ipv6SourceIsBracketed() {
        assertEquals("sip:[2001:db8::7]:5062;transport=tcp", NatContact.destination(contact(
                "sip:alice@[fd00::1]:5060", new SourceAddress("2001:db8::7", 5062, Transport.TCP))));
        assertEquals("", NatContact.destination(contact("sip:alice@[2001:DB8:0::7]:5062",
                new SourceAddress("2001:db8::7", 5062, Transport.TCP))));
    }

    @Test
    void pathFlowOrMissingSourceLeaveTheContactAlone() {
        assertEquals("", NatContact.destination(new RegisteredContact("sip:alice@192.168.1.20", List.of(
                "<sip:outbound.example;lr>"), null, null, PUBLIC_UDP)));
        assertEquals("", NatContact.destination(new RegisteredContact("sip:alice@192.168.1.20", List.of(),
                new FlowRef("edge-1", "f9"), null, PUBLIC_UDP)));
        assertEquals("", NatContact.destination(contact("sip:alice@192.168.1.20", null)));
    }

    @Test
    void unparsableContactIsLeftToTheEdge() {
        assertEquals("", NatContact.destination(contact("tel:+15550001001", PUBLIC_UDP)));
    }
}
