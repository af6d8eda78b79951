package io.sipplatform.edge.protect;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceGuardTest {
    long now;
    final SourceGuard guard = new SourceGuard(new SourceGuard.Settings(10, 20, Duration.ofSeconds(30),
            List.of(Cidr.parse("198.51.100.0/24"))), () -> now);

    final SourceGuard authGuard = new SourceGuard(new SourceGuard.Settings(10, 20, Duration.ofSeconds(30),
            List.of(Cidr.parse("198.51.100.0/24")), 3, Duration.ofSeconds(60)), () -> now);

    static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void aBurstWithinTheBucketPassesAndTheNextRequestStartsABan() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertTrue(guard.admit(ip("203.0.113.9")), "request " + i);
        }
        assertFalse(guard.admit(ip("203.0.113.9")), "bucket empty: banned");
        assertEquals(1, guard.bans());
        now += Duration.ofSeconds(10).toNanos();
        assertFalse(guard.admit(ip("203.0.113.9")), "still banned even though tokens refilled");
        now += Duration.ofSeconds(21).toNanos();
        assertTrue(guard.admit(ip("203.0.113.9")), "ban over");
    }

    @Test
    void aSteadyRateBelowTheLimitIsNeverLimited() throws Exception {
        for (int i = 0; i < 1000; i++) {
            now += Duration.ofMillis(110).toNanos();
            assertTrue(guard.admit(ip("203.0.113.10")));
        }
        assertEquals(0, guard.dropped());
    }

    @Test
    void trustedNetworksAreNeverLimited() throws Exception {
        for (int i = 0; i < 500; i++) {
            assertTrue(guard.admit(ip("198.51.100.7")));
        }
        assertEquals(0, guard.tracked());
    }

    @Test
    void sourcesAreLimitedIndependently() throws Exception {
        for (int i = 0; i < 21; i++) {
            guard.admit(ip("203.0.113.1"));
        }
        assertTrue(guard.admit(ip("203.0.113.2")));
    }

    @Test
    void idleSourcesAreForgotten() throws Exception {
        guard.admit(ip("203.0.113.3"));
        now += Duration.ofMinutes(5).toNanos();
        guard.sweep();
        assertEquals(0, guard.tracked());
    }

    @Test
    void theThirdFailedAuthenticationWithinTheWindowBansTheSource() throws Exception {
        assertFalse(authGuard.authFailed(ip("203.0.113.20")));
        assertFalse(authGuard.authFailed(ip("203.0.113.20")));
        assertTrue(authGuard.admit(ip("203.0.113.20")), "two failures: still served");
        assertTrue(authGuard.authFailed(ip("203.0.113.20")), "the third bans");
        assertFalse(authGuard.admit(ip("203.0.113.20")), "banned: dropped");
        assertEquals(1, authGuard.authBans());
        assertTrue(authGuard.admit(ip("203.0.113.21")), "another source is not affected");
        now += Duration.ofSeconds(31).toNanos();
        assertTrue(authGuard.admit(ip("203.0.113.20")), "the ban ends");
    }

    @Test
    void failuresSpreadWiderThanTheWindowNeverBan() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertFalse(authGuard.authFailed(ip("203.0.113.22")), "failure " + i);
            now += Duration.ofSeconds(31).toNanos();
        }
        assertEquals(0, authGuard.bans());
    }

    @Test
    void trustedNetworksAndAGuardWithoutAuthLimitNeverBanForFailures() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertFalse(authGuard.authFailed(ip("198.51.100.9")));
            assertFalse(guard.authFailed(ip("203.0.113.23")));
        }
        assertTrue(authGuard.admit(ip("198.51.100.9")));
        assertTrue(guard.admit(ip("203.0.113.23")));
    }

    @Test
    void cidrMatchesIpv4AndIpv6Prefixes() throws Exception {
        assertTrue(Cidr.parse("10.0.0.0/8").contains(ip("10.200.1.1")));
        assertFalse(Cidr.parse("10.0.0.0/8").contains(ip("11.0.0.1")));
        assertTrue(Cidr.parse("2001:db8::/32").contains(ip("2001:db8:1::5")));
        assertFalse(Cidr.parse("2001:db8::/32").contains(ip("10.0.0.1")));
        assertTrue(Cidr.parse("192.0.2.7").contains(ip("192.0.2.7")));
        assertTrue(Cidr.parse("192.0.2.128/25").contains(ip("192.0.2.200")));
        assertFalse(Cidr.parse("192.0.2.128/25").contains(ip("192.0.2.100")));
    }
}
