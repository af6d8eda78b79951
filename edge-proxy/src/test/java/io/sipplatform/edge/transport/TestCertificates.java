package io.sipplatform.edge.transport;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed PEM pairs made offline with the JDK's keytool (Netty's generator needs BouncyCastle or internal JDK
 * classes). Each names localhost, 127.0.0.1 and ::1, so host-name verification passes on loopback.
 */
public final class TestCertificates {

    /** A PEM certificate and its PKCS#8 key on disk, and the certificate as read. */
    public record Pair(Path certificate, Path privateKey, X509Certificate x509) {
    }

    private TestCertificates() {
    }

    public static Pair generate(Path dir, String name) throws Exception {
        Path store = dir.resolve(name + ".p12");
        Files.deleteIfExists(store);
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "sip", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2", "-dname", "CN=" + name, "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:0:0:0:0:0:0:0:1",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass",
                "changeit")
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        X509Certificate cert = (X509Certificate) ks.getCertificate("sip");
        PrivateKey key = (PrivateKey) ks.getKey("sip", "changeit".toCharArray());
        Path certFile = dir.resolve(name + ".crt.pem");
        Path keyFile = dir.resolve(name + ".key.pem");
        Files.writeString(certFile, pem("CERTIFICATE", cert.getEncoded()));
        Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()));
        return new Pair(certFile, keyFile, cert);
    }

    /** Replaces {@code target}'s files with {@code source}'s, each by an atomic move (as a Kubernetes secret does). */
    static void install(Pair source, Path certificate, Path privateKey) throws Exception {
        copyAtomically(source.certificate(), certificate);
        copyAtomically(source.privateKey(), privateKey);
    }

    private static void copyAtomically(Path from, Path to) throws Exception {
        Path tmp = to.resolveSibling(to.getFileName() + ".tmp");
        Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
