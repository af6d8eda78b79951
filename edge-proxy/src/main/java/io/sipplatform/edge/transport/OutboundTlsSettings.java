package io.sipplatform.edge.transport;

import java.nio.file.Path;

/**
 * TLS settings for connections the edge opens (to carriers and trunks).
 *
 * @param trustedCa      PEM CA certificates the peer's certificate must chain to; null: the JVM's default trust
 *                       store
 * @param certificate    PEM client certificate for peers that require mutual TLS; null: none (then
 *                       {@code privateKey} must be null too)
 * @param privateKey     PEM private key of {@code certificate}
 * @param verifyHostname check the peer certificate against the host connected to (DNS name or IP address SAN,
 *                       RFC 5922 §7.2); default true. Turning it off accepts any certificate the CA signed.
 */
public record OutboundTlsSettings(Path trustedCa, Path certificate, Path privateKey, boolean verifyHostname) {

    /** JVM trust store, no client certificate, host names verified. */
    public static final OutboundTlsSettings DEFAULTS = new OutboundTlsSettings(null, null, null, true);

    public OutboundTlsSettings {
        if ((certificate == null) != (privateKey == null)) {
            throw new IllegalArgumentException("client certificate and private key go together");
        }
    }

    /** Trusting only {@code trustedCa}, host names verified. */
    public static OutboundTlsSettings trusting(Path trustedCa) {
        return new OutboundTlsSettings(trustedCa, null, null, true);
    }
}
