package io.sipplatform.routing.domain;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;

/**
 * Which client certificates a certificate trunk accepts: pinned SHA-256 fingerprints, subjectAltName values (DNS
 * names or URIs, compared literally: a provisioned {@code *.pbx.example} matches only a certificate that carries
 * that wildcard entry) and subject DNs. A certificate is accepted when it matches any one of them.
 *
 * @param fingerprints    SHA-256 of the DER leaf, 64 hex digits; colons and upper case are accepted and removed
 * @param subjectAltNames DNS names (case-insensitive, a trailing dot ignored) or URIs (exact)
 * @param subjects        RFC 4514 DNs, compared in X.500 canonical form (case and spacing ignored)
 */
public record TlsIdentity(List<String> fingerprints, List<String> subjectAltNames, List<String> subjects) {
    private static final int SHA256_HEX = 64;
    private static final int MAX_VALUE = 500;

    public TlsIdentity {
        fingerprints = FieldRules.each("fingerprints", fingerprints, TlsIdentity::fingerprint).stream().distinct()
                .toList();
        subjectAltNames = FieldRules.each("subjectAltNames", subjectAltNames, TlsIdentity::subjectAltName).stream()
                .distinct().toList();
        subjects = FieldRules.each("subjects", subjects, TlsIdentity::subject).stream().distinct().toList();
        if (fingerprints.isEmpty() && subjectAltNames.isEmpty() && subjects.isEmpty()) {
            throw new InvalidField("fingerprints", "at least one fingerprint, subjectAltName or subject");
        }
    }

    /** True when the peer's certificate is one this identity accepts. */
    public boolean accepts(TlsPeer peer) {
        if (fingerprints.contains(peer.sha256Fingerprint())) {
            return true;
        }
        for (String san : peer.subjectAltNames()) {
            String key = subjectAltNameKey(san);
            if (subjectAltNames.stream().anyMatch(s -> subjectAltNameKey(s).equals(key))) {
                return true;
            }
        }
        String subject = subjectKey(peer.subject());
        return subject != null && subjects.stream().anyMatch(s -> subject.equals(subjectKey(s)));
    }

    /** A fingerprint as matched: lower-case hex without separators. Not validated. */
    public static String fingerprintKey(String text) {
        return text.replace(":", "").toLowerCase(Locale.ROOT);
    }

    /** A DNS subjectAltName lower case without a trailing dot; a URI (it has a scheme, so a colon) as is. */
    public static String subjectAltNameKey(String san) {
        if (san.indexOf(':') >= 0) {
            return san;
        }
        String lower = san.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** A DN in X.500 canonical form (RFC 4514 attribute values, case and spacing folded); null when unreadable. */
    public static String subjectKey(String dn) {
        if (dn.isEmpty()) {
            return null;
        }
        try {
            return new X500Principal(dn).getName(X500Principal.CANONICAL);
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static String fingerprint(String path, String text) {
        String key = fingerprintKey(text.strip());
        if (key.length() != SHA256_HEX || !key.chars().allMatch(HexFormat::isHexDigit)) {
            throw new InvalidField(path, "a SHA-256 fingerprint is 64 hex digits (pairs may be separated by ':')");
        }
        return key;
    }

    private static String subjectAltName(String path, String text) {
        String value = text.strip();
        if (value.isEmpty() || value.length() > MAX_VALUE || value.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new InvalidField(path, "a DNS name or URI of 1.." + MAX_VALUE + " characters without spaces");
        }
        return value;
    }

    private static String subject(String path, String text) {
        String value = text.strip();
        if (value.length() > MAX_VALUE || subjectKey(value) == null) {
            throw new InvalidField(path, "an RFC 4514 distinguished name such as 'CN=pbx.acme.example,O=Acme'");
        }
        return value;
    }
}
