package io.sipplatform.edge.transport;

import io.sipplatform.edge.upstream.TlsPeers;
import io.sipplatform.proto.common.v1.TlsPeerIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What routing-service is told about a mutual-TLS trunk's client certificate. */
class TlsPeerIdentityTest {

    @Test
    void theLeafsSubjectDnsNamesAndFingerprintDescribeTheTrunk(@TempDir Path dir) throws Exception {
        TestCertificates.Pair pbx = TestCertificates.generate(dir, "pbx.customer.example");
        TlsPeerIdentity id = TlsPeers.identity(List.of(pbx.x509())).orElseThrow();
        assertEquals("CN=pbx.customer.example", id.getSubject());
        assertEquals(List.of("localhost"), id.getSubjectAltNamesList(), "DNS names only; IP SANs are not names");
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pbx.x509().getEncoded())),
                id.getSha256Fingerprint());
        assertEquals(64, id.getSha256Fingerprint().length());
    }

    @Test
    void noCertificateMeansNoIdentity() {
        assertTrue(TlsPeers.identity(List.of()).isEmpty());
    }
}
