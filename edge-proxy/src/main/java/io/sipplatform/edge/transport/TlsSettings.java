package io.sipplatform.edge.transport;

import java.nio.file.Path;
import java.util.Objects;

/**
 * PEM files of a TLS or WSS listener. The files are read without blocking at start and checked again every
 * {@link TransportSettings#certificateCheckInterval()}; a changed pair is served to new connections while open
 * connections keep their session.
 *
 * @param certificate  PEM certificate chain, leaf first; required
 * @param privateKey   PEM private key (PKCS#8 or PKCS#1) of the leaf; required
 * @param trustedCa    PEM CA certificates that client certificates must chain to; null: none (required when
 *                     {@code clientAuth} is not NONE)
 * @param clientAuth   whether a client certificate is asked for (mutual TLS, matched to a trunk by the proxy via
 *                     {@link Flow#peerCertificates()}); default NONE
 */
public record TlsSettings(Path certificate, Path privateKey, Path trustedCa, ClientAuth clientAuth) {

    /** Whether the server asks the client for a certificate. */
    public enum ClientAuth {
        /** No client certificate is asked for. */
        NONE,
        /** A client certificate is asked for and verified when sent; clients without one are accepted. */
        REQUEST,
        /** A verified client certificate is required: the handshake of a client without one fails. */
        REQUIRED
    }

    public TlsSettings {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        clientAuth = clientAuth == null ? ClientAuth.NONE : clientAuth;
        if (clientAuth != ClientAuth.NONE && trustedCa == null) {
            throw new IllegalArgumentException("client authentication needs trustedCa");
        }
    }

    /** A server certificate without client authentication. */
    public static TlsSettings of(Path certificate, Path privateKey) {
        return new TlsSettings(certificate, privateKey, null, ClientAuth.NONE);
    }

    /** The same files, asking for client certificates that chain to {@code trustedCa}. */
    public TlsSettings withClientAuth(ClientAuth mode, Path trustedCa) {
        return new TlsSettings(certificate, privateKey, trustedCa, mode);
    }
}
