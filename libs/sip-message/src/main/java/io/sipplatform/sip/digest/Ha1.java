package io.sipplatform.sip.digest;

import java.util.Objects;

/**
 * HA1, the password-equivalent hash a registrar stores instead of the password (RFC 7616 §3.4.2). A stored HA1
 * belongs to one realm and one base hash: a user who may authenticate with SHA-256 and MD5 needs one HA1 for each.
 */
public final class Ha1 {
    private Ha1() {
    }

    /**
     * H(username:realm:password) with the base hash of {@code algorithm}; the same value for {@code X} and
     * {@code X-sess}, since the session part is added per request by {@link #forNonce}.
     */
    public static String of(DigestAlgorithm algorithm, String username, String realm, String password) {
        Objects.requireNonNull(algorithm, "algorithm");
        return algorithm.hashJoined(Objects.requireNonNull(username, "username"),
                Objects.requireNonNull(realm, "realm"), Objects.requireNonNull(password, "password"));
    }

    /**
     * The HA1 that enters the request digest: {@code ha1} itself, or for a {@code -sess} algorithm
     * H(ha1:nonce:cnonce) (RFC 7616 §3.4.2).
     *
     * @throws IllegalArgumentException for a {@code -sess} algorithm without cnonce
     */
    public static String forNonce(DigestAlgorithm algorithm, String ha1, String nonce, String cnonce) {
        if (!algorithm.session()) {
            return ha1;
        }
        if (cnonce == null) {
            throw new IllegalArgumentException(algorithm.token() + " needs a cnonce");
        }
        return algorithm.hashJoined(ha1, nonce, cnonce);
    }
}
