package io.sipplatform.routing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Mutual-TLS trunks: who a verified client certificate names, and when it is not believed. */
class CertificateTrunkTest {
    private static final String RURI = "sip:0891234567@sip.example";
    private static final String PINNED = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static final String OTHER = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static final String ANYWHERE = "198.51.100.99";
    private static final String OFFICE_IP = "198.51.100.20";

    private final World world = new World();

    private static Trunk certificateTrunk(String id, boolean enabled, TlsIdentity identity, List<Cidr> networks) {
        return new Trunk(id, "acme", "Acme TLS PBX", enabled, new TrunkAuth.ByCertificate(identity, networks),
                TrunkLimits.NONE, DestinationPolicy.DOMESTIC, CallerIdPolicy.PASS, World.GERMANY, MediaPolicy.RELAY,
                List.of(), NumberFormat.E164);
    }

    private World with(Trunk... trunks) {
        world.trunks.addAll(List.of(trunks));
        return world.publish();
    }

    private static CallIntent over(Transport transport, String ip, TlsPeer peer) {
        return World.invite(ip, transport, RURI, "+4930555", List.of()).withTlsPeer(peer);
    }

    private static TlsPeer peer(String subject, List<String> sans, String fingerprint) {
        return new TlsPeer(subject, sans, fingerprint);
    }

    private Decision decide(CallIntent intent) {
        return world.engine().decide(intent);
    }

    private String trunkOf(CallIntent intent) {
        return assertInstanceOf(Decision.Proxy.class, decide(intent)).context().trunkId();
    }

    @Test
    void pinnedFingerprintFromAnySourceIsTheTrunksOutboundCall() {
        with(certificateTrunk("acme-tls", true, new TlsIdentity(List.of(PINNED), List.of(), List.of()), List.of()));
        Decision.Proxy proxy = assertInstanceOf(Decision.Proxy.class,
                decide(over(Transport.TLS, ANYWHERE, peer("CN=x", List.of(), PINNED))));
        assertEquals("acme-tls", proxy.context().trunkId());
        assertEquals(Direction.OUTBOUND, proxy.context().direction());
        assertEquals("+49891234567", proxy.context().calleeE164());
    }

    @Test
    void fingerprintMatchWinsOverAnotherTrunksSubjectAltName() {
        with(certificateTrunk("by-name", true, new TlsIdentity(List.of(), List.of("pbx.acme.example"), List.of()),
                List.of()),
                certificateTrunk("by-pin", true, new TlsIdentity(List.of(PINNED), List.of(), List.of()), List.of()));
        assertEquals("by-pin", trunkOf(over(Transport.TLS, ANYWHERE,
                peer("CN=pbx.acme.example", List.of("pbx.acme.example"), PINNED))));
        assertEquals("by-name", trunkOf(over(Transport.TLS, ANYWHERE,
                peer("CN=pbx.acme.example", List.of("pbx.acme.example"), OTHER))));
    }

    @Test
    void subjectAltNameMatchesWithoutCaseOrTrailingDotAndUrisExactly() {
        with(certificateTrunk("acme-tls", true, new TlsIdentity(List.of(),
                List.of("PBX.Acme.Example.", "sip:trunk@acme.example"), List.of()), List.of()));
        assertEquals("acme-tls", trunkOf(over(Transport.TLS, ANYWHERE,
                peer("", List.of("other.example", "pbx.acme.example"), OTHER))));
        assertEquals("acme-tls", trunkOf(over(Transport.TLS, ANYWHERE,
                peer("", List.of("sip:trunk@acme.example"), OTHER))));
        assertInstanceOf(Decision.Challenge.class, decide(over(Transport.TLS, ANYWHERE,
                peer("", List.of("sip:TRUNK@acme.example"), OTHER))));
    }

    @Test
    void subjectDnMatchesInCanonicalFormAfterFingerprintAndNames() {
        with(certificateTrunk("by-dn", true, new TlsIdentity(List.of(), List.of(),
                List.of("CN=PBX.acme.example, O=Acme GmbH, C=DE")), List.of()));
        assertEquals("by-dn", trunkOf(over(Transport.TLS, ANYWHERE,
                peer("cn=pbx.acme.example,o=acme gmbh,c=de", List.of("unrelated.example"), OTHER))));
        assertInstanceOf(Decision.Challenge.class, decide(over(Transport.TLS, ANYWHERE,
                peer("CN=pbx.acme.example,O=Acme GmbH", List.of(), OTHER))));
    }

    @Test
    void wrongOrNoCertificateFromTheTrunksOwnNetworkIsChallengedLikeAStranger() {
        with(certificateTrunk("acme-tls", true, new TlsIdentity(List.of(PINNED), List.of(), List.of()),
                List.of(Cidr.parse("networks", "198.51.100.0/24"))));
        assertInstanceOf(Decision.Challenge.class,
                decide(over(Transport.TLS, OFFICE_IP, peer("CN=x", List.of("pbx.acme.example"), OTHER))));
        assertInstanceOf(Decision.Challenge.class, decide(over(Transport.TLS, OFFICE_IP, null)));
        assertEquals("acme-tls", trunkOf(over(Transport.TLS, OFFICE_IP, peer("CN=x", List.of(), PINNED))));
    }

    @Test
    void rightCertificateFromOutsideTheTrunksNetworksIsChallenged() {
        with(certificateTrunk("acme-tls", true, new TlsIdentity(List.of(PINNED), List.of(), List.of()),
                List.of(Cidr.parse("networks", "198.51.100.0/24"))));
        assertInstanceOf(Decision.Challenge.class,
                decide(over(Transport.TLS, "198.18.0.1", peer("CN=x", List.of(), PINNED))));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Transport.class, names = {"UDP", "TCP", "WS", "WSS"})
    void certificateDescribedForAnotherTransportIsIgnored(Transport transport) {
        with(certificateTrunk("acme-tls", true, new TlsIdentity(List.of(PINNED), List.of(), List.of()), List.of()));
        assertInstanceOf(Decision.Challenge.class, decide(over(transport, ANYWHERE, peer("CN=x", List.of(), PINNED))));
    }

    @Test
    void certificateWithoutTransportIsIgnored() {
        with(certificateTrunk("acme-tls", true, new TlsIdentity(List.of(PINNED), List.of(), List.of()), List.of()));
        assertInstanceOf(Decision.Challenge.class, decide(over(null, ANYWHERE, peer("CN=x", List.of(), PINNED))));
    }

    @Test
    void certificateOutranksTheSourceAddressOfACarrierAndOfAnIpTrunk() {
        with(certificateTrunk("acme-tls", true, new TlsIdentity(List.of(PINNED), List.of(), List.of()), List.of()));
        assertEquals("acme-tls", trunkOf(over(Transport.TLS, World.CARRIER_IP, peer("CN=x", List.of(), PINNED))));
        assertEquals("acme-tls", trunkOf(over(Transport.TLS, World.PBX_IP, peer("CN=x", List.of(), PINNED))));
    }

    @Test
    void ipTrunkAndCarrierStillMatchByAddressWhenTheCertificateIsNobodys() {
        with(certificateTrunk("acme-tls", true, new TlsIdentity(List.of(PINNED), List.of(), List.of()), List.of()));
        assertEquals("acme-ip", trunkOf(World.invite(World.PBX_IP, Transport.TCP, RURI, "+4930555", List.of())));
        Decision.Reject tlsNotAllowed = assertInstanceOf(Decision.Reject.class,
                decide(over(Transport.TLS, World.PBX_IP, peer("CN=x", List.of(), OTHER))));
        assertEquals(RejectCause.TRANSPORT_NOT_ALLOWED, tlsNotAllowed.cause());
    }

    @Test
    void disabledCertificateTrunkIs403() {
        with(certificateTrunk("acme-tls", false, new TlsIdentity(List.of(PINNED), List.of(), List.of()), List.of()));
        Decision.Reject reject = assertInstanceOf(Decision.Reject.class,
                decide(over(Transport.TLS, ANYWHERE, peer("CN=x", List.of(), PINNED))));
        assertEquals(403, reject.cause().code());
        assertEquals("acme-tls", reject.context().trunkId());
    }
}
