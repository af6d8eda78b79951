package io.sipplatform.edge.transport;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;

/**
 * Checks that a PEM private key belongs to the first certificate of a PEM chain, by signing with one and verifying
 * with the other. A certificate replaced before its key (two files are never written at once) would otherwise be
 * served with the old key and fail every handshake. Blocking CPU work: run it on a worker.
 */
final class KeyPairCheck {
    private static final String PKCS8_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PKCS8_END = "-----END PRIVATE KEY-----";

    private KeyPairCheck() {
    }

    /**
     * Throws when the key does not match the certificate or the certificate cannot be read. Keys not in PKCS#8
     * ("BEGIN PRIVATE KEY") and key types without a known signature are left for the TLS stack to judge.
     */
    static void check(byte[] certificatePem, byte[] keyPem) throws GeneralSecurityException {
        Collection<? extends Certificate> chain = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(certificatePem));
        if (chain.isEmpty()) {
            throw new GeneralSecurityException("no certificate in PEM");
        }
        PublicKey publicKey = chain.iterator().next().getPublicKey();
        String keyText = new String(keyPem, StandardCharsets.US_ASCII);
        int begin = keyText.indexOf(PKCS8_BEGIN);
        int end = keyText.indexOf(PKCS8_END);
        String algorithm = signatureAlgorithm(publicKey.getAlgorithm());
        if (begin < 0 || end < begin || algorithm == null) {
            return;
        }
        byte[] der = Base64.getMimeDecoder().decode(keyText.substring(begin + PKCS8_BEGIN.length(), end));
        PrivateKey privateKey = KeyFactory.getInstance(publicKey.getAlgorithm())
                .generatePrivate(new PKCS8EncodedKeySpec(der));
        byte[] probe = "sip key pair check".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(privateKey);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(publicKey);
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new GeneralSecurityException("private key does not match the certificate");
        }
    }

    private static String signatureAlgorithm(String keyAlgorithm) {
        return switch (keyAlgorithm) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> keyAlgorithm;
            default -> null;
        };
    }
}
