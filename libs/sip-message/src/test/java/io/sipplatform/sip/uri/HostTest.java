package io.sipplatform.sip.uri;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostTest {

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "example.com.", "a", "chair-dnrc.example.com", "x1.y2.z3", "1a.example",
            "host5.example.net", "EXAMPLE.COM", "a-b-c.d"})
    void hostnamesAreAccepted(String host) {
        assertTrue(Host.isHost(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "example..com", ".example.com", "-a.com", "a-.com", "example.1com", "a.123",
            "_sip._udp.example.com", "exa mple.com", "ex@mple.com", "caf\u00e9.example", "example.com..", "1.2.3"})
    void malformedHostnamesAreRejected(String host) {
        assertFalse(Host.isHost(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.1", "0.0.0.0", "255.255.255.255", "010.0.0.1"})
    void ipv4AddressesAreAccepted(String host) {
        assertTrue(Host.isIPv4Address(host, 0, host.length()));
        assertTrue(Host.isHost(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.0.0.1", "1.2.3.4.5", "1.2.3.", "1..2.3", "1234.1.1.1", "1.2.3.4."})
    void malformedIpv4AddressesAreRejected(String host) {
        assertFalse(Host.isIPv4Address(host, 0, host.length()));
        assertFalse(Host.isHost(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[2001:db8::10]", "[2001:db8::10:5070]", "[::1]", "[::]", "[1::]",
            "[2001:db8:0:0:0:0:0:1]", "[1:2:3:4:5:6:7:8]", "[::ffff:192.0.2.10]", "[2001:db8::192.0.2.1]",
            "[1:2:3:4:5:6:1.2.3.4]", "[::1.2.3.4]", "[FEDC:BA98:7654:3210:FEDC:BA98:7654:3210]",
            // RFC 5118 §4.10: the three-colon form the RFC 3261 ABNF derives
            "[2001:db8:::192.0.2.1]"})
    void ipv6ReferencesAreAccepted(String host) {
        assertTrue(Host.isIPv6Reference(host));
        assertTrue(Host.isHost(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[:]", "[:::]", "[2001:db8::10", "2001:db8::10]", "[1:2:3:4:5:6:7:8:9]",
            "[1::2:3:4:5:6:7:8]", "[12345::1]", "[::ffff:192.0.2.256]", "[g::1]", "[1::2::3]", "[1:2]",
            "[:1::2]", "[1::2:]", "[fe80::1%25eth0]", "[2001:db8:::10]", "[1:2:3:4:5:6:7:1.2.3.4]", "[1.2.3.4]",
            "[::1.2.3]", "[ ::1]", "[::1.2.3.4:5]", "[1:::2:3]"})
    void malformedIpv6ReferencesAreRejected(String host) {
        assertFalse(Host.isIPv6Reference(host));
        assertFalse(Host.isHost(host));
    }

    @Test
    void bareIpv6IsNotAHost() {
        assertTrue(Host.isIPv6Address("2001:db8::1"));
        assertFalse(Host.isHost("2001:db8::1"));
    }

    @Test
    void ipv6ValueExpandsTheGap() {
        assertArrayEquals(new int[] {0x2001, 0xdb8, 0, 0, 0, 0, 0, 1}, Host.ipv6Value("[2001:db8::1]"));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0xffff, 0xc000, 0x020a}, Host.ipv6Value("::ffff:192.0.2.10"));
        assertArrayEquals(new int[8], Host.ipv6Value("[::]"));
        assertArrayEquals(new int[] {1, 0, 0, 0, 0, 0, 0, 0}, Host.ipv6Value("1::"));
        assertNull(Host.ipv6Value("[1::2::3]"));
    }
}
