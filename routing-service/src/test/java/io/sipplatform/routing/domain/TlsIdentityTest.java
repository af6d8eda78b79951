package io.sipplatform.routing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a certificate trunk may be provisioned with, and how values compare. */
class TlsIdentityTest {
    private static final String HEX = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";

    @Test
    void fingerprintWithColonsAndUpperCaseIsStoredAsPlainLowerHex() {
        String openssl = HEX.toUpperCase().replaceAll("(..)(?!$)", "$1:");
        assertEquals(List.of(HEX), new TlsIdentity(List.of(openssl, HEX), List.of(), List.of()).fingerprints());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "zz" + "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f",
            "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9000"})
    void badFingerprintNamesItsIndex(String bad) {
        InvalidField e = assertThrows(InvalidField.class,
                () -> new TlsIdentity(List.of(HEX, bad), List.of(), List.of()));
        assertEquals("fingerprints[1]", e.field());
        assertTrue(e.reason().contains("64 hex digits"), e.reason());
    }

    @Test
    void anIdentityAcceptsSomething() {
        assertEquals("fingerprints",
                assertThrows(InvalidField.class, () -> new TlsIdentity(null, List.of(), null)).field());
    }

    @Test
    void unreadableSubjectAndSpacedNameAreRefused() {
        assertEquals("subjects[0]", assertThrows(InvalidField.class,
                () -> new TlsIdentity(List.of(), List.of(), List.of("not a dn"))).field());
        assertEquals("subjectAltNames[0]", assertThrows(InvalidField.class,
                () -> new TlsIdentity(List.of(), List.of("pbx acme"), List.of())).field());
    }

    @Test
    void peerFingerprintIsComparedWithoutSeparatorsOrCase() {
        TlsIdentity identity = new TlsIdentity(List.of(HEX), List.of(), List.of());
        assertTrue(identity.accepts(new TlsPeer("", List.of(), HEX.toUpperCase())));
        assertFalse(identity.accepts(new TlsPeer("", List.of(), "")));
    }

    @Test
    void certificateTrunkNetworksRestrictTheSourceWhenGiven() {
        TrunkAuth.ByCertificate anywhere = new TrunkAuth.ByCertificate(
                new TlsIdentity(List.of(HEX), List.of(), List.of()), List.of());
        TrunkAuth.ByCertificate office = new TrunkAuth.ByCertificate(anywhere.identity(),
                List.of(Cidr.parse("networks", "198.51.100.0/24"), Cidr.parse("networks", "2001:db8::/32")));
        TlsPeer peer = new TlsPeer("", List.of(), HEX);
        assertTrue(anywhere.accepts(peer, "203.0.113.1"));
        assertTrue(office.accepts(peer, "2001:db8::1"));
        assertFalse(office.accepts(peer, "203.0.113.1"));
    }
}
