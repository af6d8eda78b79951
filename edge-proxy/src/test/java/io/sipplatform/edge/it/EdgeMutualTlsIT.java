package io.sipplatform.edge.it;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.sipplatform.edge.transport.TestCertificates;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.edge.wiring.SipEdge;
import io.sipplatform.proto.routing.v1.DecideRequest;
import io.sipplatform.sip.message.Framed;
import io.sipplatform.sip.message.SipResponse;
import io.sipplatform.sip.message.StreamFramer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A trunk calling over mutual TLS: the edge's TLS listener demands a client certificate from the configured CA, and
 * routing-service's DecideRequest carries the verified certificate (subject, names, SHA-256 fingerprint) so it can
 * match the trunk.
 */
@QuarkusTest
@TestProfile(EdgeMutualTlsIT.MutualTls.class)
class EdgeMutualTlsIT {
    static final Path DIR = Path.of("target", "mtls-it").toAbsolutePath();
    static final TestCertificates.Pair SERVER;
    static final TestCertificates.Pair TRUNK;

    static {
        try {
            Files.createDirectories(DIR);
            SERVER = TestCertificates.generate(DIR, "edge");
            TRUNK = TestCertificates.generate(DIR, "trunk-pbx");
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** TLS listener with client certificates required, the trunk's self-signed certificate as the client CA. */
    public static final class MutualTls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("edge.sip.tls.enabled", "true", "edge.sip.tls.port", "0",
                    "edge.sip.tls.cert-path", SERVER.certificate().toString(),
                    "edge.sip.tls.key-path", SERVER.privateKey().toString(),
                    "edge.sip.tls.client-ca-path", TRUNK.certificate().toString());
        }
    }

    @Inject
    SipEdge edge;

    static KeyStore store(String name) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(DIR.resolve(name + ".p12"))) {
            ks.load(in, "changeit".toCharArray());
        }
        return ks;
    }

    @Test
    void theTrunksVerifiedCertificateReachesRoutingWithTheInvite() throws Exception {
        FakeRouting.failWith = io.grpc.Status.UNAVAILABLE; // the decision is not the point: its request is
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store("trunk-pbx"), "changeit".toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store("edge"));
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        int port = edge.transports().listener(Transport.TLS).orElseThrow().bound().getPort();
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.startHandshake();
            int local = socket.getLocalPort();
            OutputStream out = socket.getOutputStream();
            out.write("""
                    INVITE sip:030123456@sip.example.net SIP/2.0
                    Via: SIP/2.0/TLS 127.0.0.1:%d;branch=z9hG4bKmtls1;rport
                    Max-Forwards: 70
                    From: <sip:100@sip.example.net>;tag=pbx
                    To: <sip:030123456@sip.example.net>
                    Call-ID: call-mtls-1@127.0.0.1
                    CSeq: 1 INVITE
                    Contact: <sips:100@127.0.0.1:%d;transport=tls>
                    Content-Length: 0

                    """.formatted(local, local).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            StreamFramer framer = new StreamFramer();
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[8192];
            int[] finalCode = {0};
            while (finalCode[0] < 200) {
                int n = in.read(buf);
                assertTrue(n > 0, "the edge answers over the same connection");
                framer.feed(buf, 0, n, f -> {
                    if (f instanceof Framed.Message m && m.message() instanceof SipResponse r) {
                        finalCode[0] = Math.max(finalCode[0], r.statusCode());
                    }
                });
            }
            assertEquals(503, finalCode[0]);
        } finally {
            FakeRouting.failWith = null;
        }
        DecideRequest seen = FakeRouting.seen.stream().filter(r -> r.getCallId().equals("call-mtls-1@127.0.0.1"))
                .findFirst().orElseThrow();
        assertTrue(seen.hasTlsPeer(), "routing learns the client certificate");
        assertEquals("CN=trunk-pbx", seen.getTlsPeer().getSubject());
        assertEquals(List.of("localhost"), seen.getTlsPeer().getSubjectAltNamesList());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(TRUNK.x509().getEncoded())),
                seen.getTlsPeer().getSha256Fingerprint());
    }
}
