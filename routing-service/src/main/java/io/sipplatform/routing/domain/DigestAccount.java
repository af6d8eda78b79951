package io.sipplatform.routing.domain;

import io.sipplatform.sip.digest.DigestAlgorithm;
import io.sipplatform.sip.digest.Ha1;

/**
 * Digest credentials kept as HA1 only (RFC 7616 §3.4.2), never the password: one hash per base algorithm, MD5 for
 * old UAs and SHA-256 (RFC 8760). Used for registration trunks (verified by the registrar and by routing for
 * INVITE) and for carriers that challenge the platform.
 *
 * @param username  digest username
 * @param realm     realm the hashes were computed for; a challenge for another realm cannot be answered
 * @param ha1Md5    H(username:realm:password) with MD5, 32 lower-case hex; null when not provisioned
 * @param ha1Sha256 the same with SHA-256, 64 lower-case hex; null when not provisioned
 */
public record DigestAccount(String username, String realm, String ha1Md5, String ha1Sha256) {
    public DigestAccount {
        username = FieldRules.name("username", username);
        realm = FieldRules.name("realm", realm);
        ha1Md5 = hex("ha1Md5", ha1Md5, 32);
        ha1Sha256 = hex("ha1Sha256", ha1Sha256, 64);
        if (ha1Md5 == null && ha1Sha256 == null) {
            throw new InvalidField("password", "required (or ha1Md5 / ha1Sha256)");
        }
    }

    /** Hashes a password for both algorithms; the password itself is not kept. */
    public static DigestAccount fromPassword(String username, String realm, String password) {
        username = FieldRules.name("username", username);
        realm = FieldRules.name("realm", realm);
        FieldRules.required("password", password);
        return new DigestAccount(username, realm, Ha1.of(DigestAlgorithm.MD5, username, realm, password),
                Ha1.of(DigestAlgorithm.SHA_256, username, realm, password));
    }

    /** The HA1 for an algorithm's base hash, or null when not provisioned (SHA-512-256 never is). */
    public String ha1For(DigestAlgorithm algorithm) {
        switch (algorithm) {
            case MD5:
            case MD5_SESS:
                return ha1Md5;
            case SHA_256:
            case SHA_256_SESS:
                return ha1Sha256;
            default:
                return null;
        }
    }

    private static String hex(String field, String value, int length) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() != length) {
            throw new InvalidField(field, length + " hex digits");
        }
        StringBuilder lower = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            char c = Character.toLowerCase(value.charAt(i));
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                throw new InvalidField(field, length + " hex digits");
            }
            lower.append(c);
        }
        return lower.toString();
    }
}
