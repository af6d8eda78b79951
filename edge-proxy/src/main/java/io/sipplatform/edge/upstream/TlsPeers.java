package io.sipplatform.edge.upstream;

import io.sipplatform.proto.common.v1.TlsPeerIdentity;

import javax.security.auth.x500.X500Principal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The verified client certificate of a mutual-TLS connection as routing-service matches it to a trunk: subject
 * DN, DNS and URI subjectAltNames, SHA-256 fingerprint of the DER leaf. The TLS listener has already verified the
 * chain against the configured client CA; this only describes the leaf.
 */
public final class TlsPeers {
    private static final int SAN_DNS = 2;
    private static final int SAN_URI = 6;

    private TlsPeers() {
    }

    /** The identity of the chain's leaf, or empty when the peer presented no X.509 certificate. */
    public static Optional<TlsPeerIdentity> identity(List<Certificate> chain) {
        if (chain.isEmpty() || !(chain.get(0) instanceof X509Certificate leaf)) {
            return Optional.empty();
        }
        TlsPeerIdentity.Builder b = TlsPeerIdentity.newBuilder()
                .setSubject(leaf.getSubjectX500Principal().getName(X500Principal.RFC2253));
        try {
            Collection<List<?>> sans = leaf.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (san.size() >= 2 && san.get(0) instanceof Integer type
                            && (type == SAN_DNS || type == SAN_URI) && san.get(1) instanceof String value) {
                        b.addSubjectAltNames(value);
                    }
                }
            }
            b.setSha256Fingerprint(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(leaf.getEncoded())));
        } catch (CertificateParsingException | CertificateEncodingException e) {
            return Optional.empty(); // the handshake accepted it, so this does not happen; no identity then
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
        return Optional.of(b.build());
    }
}
