package io.sipplatform.routing.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Certificate trunks by what their identities accept. A lookup tries the peer's fingerprint first (a pin names one
 * certificate), then its subjectAltNames in certificate order, then its subject DN; the first trunk that also
 * accepts the source address wins. The store keeps each fingerprint, name and DN on one trunk; should two trunks
 * share one anyway, the first in provisioning order keeps it.
 */
final class CertificateIndex {
    private final Map<String, Trunk> byFingerprint = new HashMap<>();
    private final Map<String, Trunk> bySubjectAltName = new HashMap<>();
    private final Map<String, Trunk> bySubject = new HashMap<>();

    void add(Trunk trunk, TlsIdentity identity) {
        identity.fingerprints().forEach(f -> byFingerprint.putIfAbsent(f, trunk));
        identity.subjectAltNames().forEach(s -> bySubjectAltName.putIfAbsent(TlsIdentity.subjectAltNameKey(s), trunk));
        identity.subjects().forEach(s -> bySubject.putIfAbsent(TlsIdentity.subjectKey(s), trunk));
    }

    Optional<Trunk> find(TlsPeer peer, String ip) {
        List<Trunk> candidates = new ArrayList<>();
        candidates.add(byFingerprint.get(peer.sha256Fingerprint()));
        peer.subjectAltNames().forEach(s -> candidates.add(bySubjectAltName.get(TlsIdentity.subjectAltNameKey(s))));
        String subject = TlsIdentity.subjectKey(peer.subject());
        if (subject != null) {
            candidates.add(bySubject.get(subject));
        }
        for (Trunk trunk : candidates) {
            if (trunk != null && ((TrunkAuth.ByCertificate) trunk.auth()).accepts(peer, ip)) {
                return Optional.of(trunk);
            }
        }
        return Optional.empty();
    }
}
