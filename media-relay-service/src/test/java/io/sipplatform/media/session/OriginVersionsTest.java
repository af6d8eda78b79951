package io.sipplatform.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sipplatform.sip.sdp.Origin;
import org.junit.jupiter.api.Test;

/** RFC 3264 §8 versions of the o= lines the relay writes, one sequence per direction. */
class OriginVersionsTest {
    private final OriginVersions versions = new OriginVersions();

    static Origin sender(String version) {
        return new Origin("alice", "2890844526", version, "IN", "IP4", "192.0.2.10");
    }

    @Test
    void firstSdpKeepsTheSendersVersionAndNamesTheRelay() {
        Origin o = versions.next("A to B", sender("7"), "m=audio 30000", "203.0.113.5");
        assertEquals(new Origin("alice", "2890844526", "7", "IN", "IP4", "203.0.113.5"), o);
    }

    @Test
    void unchangedRewriteKeepsTheVersionEvenWhenTheSenderIncrementedIts() {
        versions.next("A to B", sender("7"), "m=audio 30000", "203.0.113.5");
        assertEquals("7", versions.next("A to B", sender("8"), "m=audio 30000", "203.0.113.5").sessionVersion());
    }

    @Test
    void changedRewriteIncrementsByOneEvenWhenTheSenderKeptIts() {
        versions.next("A to B", sender("7"), "m=audio 30000", "203.0.113.5");
        assertEquals("8", versions.next("A to B", sender("7"), "m=audio 30002", "203.0.113.5").sessionVersion());
        assertEquals("9", versions.next("A to B", sender("3"), "m=audio 30004", "203.0.113.5").sessionVersion());
    }

    @Test
    void ntpSizedVersionsIncrementPastLongRange() {
        versions.next("A to B", sender("99999999999999999999"), "x", "203.0.113.5");
        assertEquals("100000000000000000000",
                versions.next("A to B", sender("99999999999999999999"), "y", "203.0.113.5").sessionVersion());
    }

    @Test
    void directionsCountSeparately() {
        versions.next("A to B", sender("7"), "one", "203.0.113.5");
        assertEquals("2", versions.next("branch b to A", sender("2"), "two", "203.0.113.5").sessionVersion());
        assertEquals("8", versions.next("A to B", sender("7"), "three", "203.0.113.5").sessionVersion());
    }

    @Test
    void newSessionIdOfTheSenderStartsAgainFromItsVersion() {
        versions.next("A to B", sender("7"), "one", "203.0.113.5");
        Origin restarted = new Origin("alice", "1", "1", "IN", "IP4", "192.0.2.10");
        assertEquals("1", versions.next("A to B", restarted, "two", "203.0.113.5").sessionVersion());
    }

    @Test
    void ipv6RelayAddressGetsAddrTypeIp6() {
        Origin o = versions.next("A to B", sender("1"), "x", "2001:db8::5");
        assertEquals("IP6", o.addrType());
        assertEquals("2001:db8::5", o.unicastAddress());
    }
}
