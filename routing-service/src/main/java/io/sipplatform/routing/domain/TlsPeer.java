package io.sipplatform.routing.domain;

import java.util.List;

/**
 * The client certificate the edge verified on the mutual-TLS connection a request came over (the leaf of a chain
 * the edge's client CA accepted). Only meaningful when the request's transport is TLS: {@link DecisionEngine}
 * ignores it on any other transport, so a forged description can never stand in for a handshake.
 *
 * @param subject           subject DN, RFC 4514 string form
 * @param subjectAltNames   DNS and URI subjectAltName entries, in certificate order
 * @param sha256Fingerprint SHA-256 of the DER leaf as the edge wrote it (lower-case hex); normalised here
 */
public record TlsPeer(String subject, List<String> subjectAltNames, String sha256Fingerprint) {
    public TlsPeer {
        subject = subject == null ? "" : subject;
        subjectAltNames = List.copyOf(subjectAltNames);
        sha256Fingerprint = sha256Fingerprint == null ? "" : TlsIdentity.fingerprintKey(sha256Fingerprint);
    }
}
