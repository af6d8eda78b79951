package io.sipplatform.routing.admin;

import io.sipplatform.routing.domain.DigestAccount;
import io.sipplatform.routing.domain.InvalidField;

/**
 * JSON of a digest account. Written with a password (hashed to HA1 for MD5 and SHA-256, then dropped) or with
 * ready HA1 values; read back without any of them, only which hashes exist.
 *
 * @param password  plaintext, write-only
 * @param ha1Md5    HA1 with MD5, write-only
 * @param ha1Sha256 HA1 with SHA-256, write-only
 * @param hashes    read-only: which HA1 values are stored, e.g. ["MD5", "SHA-256"]
 */
public record AccountBody(String username, String realm, String password, String ha1Md5, String ha1Sha256,
        java.util.List<String> hashes) {

    /**
     * @param defaultRealm realm when none is given
     * @param keep         the stored account with the same username and realm, whose hashes stay when the body
     *                     carries neither password nor HA1 (a GET body sent back unchanged); null when none
     */
    DigestAccount toDomain(String defaultRealm, DigestAccount keep) {
        String r = realm == null || realm.isEmpty() ? defaultRealm : realm;
        if (password != null && !password.isEmpty()) {
            if (ha1Md5 != null || ha1Sha256 != null) {
                throw new InvalidField("password", "give a password or HA1 values, not both");
            }
            return DigestAccount.fromPassword(username, r, password);
        }
        if ((ha1Md5 == null || ha1Md5.isEmpty()) && (ha1Sha256 == null || ha1Sha256.isEmpty()) && keep != null
                && keep.username().equals(username) && keep.realm().equals(r)) {
            return keep;
        }
        return new DigestAccount(username, r, ha1Md5, ha1Sha256);
    }

    static AccountBody of(DigestAccount a) {
        java.util.List<String> hashes = new java.util.ArrayList<>(2);
        if (a.ha1Md5() != null) {
            hashes.add("MD5");
        }
        if (a.ha1Sha256() != null) {
            hashes.add("SHA-256");
        }
        return new AccountBody(a.username(), a.realm(), null, null, null, hashes);
    }
}
