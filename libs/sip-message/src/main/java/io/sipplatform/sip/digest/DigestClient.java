package io.sipplatform.sip.digest;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Client side of digest authentication: answers a challenge a peer sent (RFC 3261 §22.2), e.g. the edge towards a
 * carrier that challenges our INVITE with 407. The caller picks the challenge (the first one whose
 * {@link DigestChallenge#fromParams} succeeds, RFC 8760 §2.4), keeps the cnonce and counts nc per nonce: a new
 * nonce starts at 1, each further request with the same nonce uses the next count.
 */
public final class DigestClient {
    private static final long MAX_NONCE_COUNT = 0xFFFF_FFFFL;
    private static final int CNONCE_BYTES = 16;

    private DigestClient() {
    }

    /**
     * Credentials for a request, from the plain password.
     *
     * @param method   request method as in the request line
     * @param uri      the Request-URI, exactly as written in the request line (RFC 3261 §22.4)
     * @param cnonce   client nonce, e.g. from {@link #newCnonce}; ignored when the challenge has no qop
     * @param nc       nonce count, 1 to 0xFFFFFFFF; ignored when the challenge has no qop
     * @throws IllegalArgumentException when nc is out of range or cnonce is missing while qop is offered
     * @throws io.sipplatform.sip.SipParseException when a value cannot go into a header (control characters)
     */
    public static DigestCredentials answer(DigestChallenge challenge, String method, String uri, String username,
            String password, String cnonce, long nc) {
        String ha1 = Ha1.of(challenge.algorithm(), username, challenge.realm(), password);
        return answerWithHa1(challenge, method, uri, username, ha1, cnonce, nc);
    }

    /**
     * As {@link #answer}, from a precomputed HA1 so the password need not be kept: {@code ha1} must be
     * {@link Ha1#of} for the challenge's algorithm and realm (lower-case hex).
     */
    public static DigestCredentials answerWithHa1(DigestChallenge challenge, String method, String uri,
            String username, String ha1, String cnonce, long nc) {
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(ha1, "ha1");
        DigestAlgorithm algorithm = challenge.algorithm();
        String qop = null;
        String nonceCount = null;
        String clientNonce = null;
        if (challenge.qopAuth()) {
            if (nc < 1 || nc > MAX_NONCE_COUNT) {
                throw new IllegalArgumentException("nonce count out of range: " + nc);
            }
            if (cnonce == null || cnonce.isEmpty()) {
                throw new IllegalArgumentException("a cnonce is required when qop is offered");
            }
            qop = "auth"; // RFC 7616 §3.4: the one qop we support, chosen from the offered list
            nonceCount = HexFormat.of().toHexDigits((int) nc); // 8 lower-case digits, RFC 7616 §3.4
            clientNonce = cnonce;
        }
        String response = RequestDigest.compute(algorithm, ha1, challenge.nonce(), nonceCount, clientNonce, qop,
                method, uri);
        return new DigestCredentials(username, challenge.realm(), challenge.nonce(), uri, response, algorithm,
                clientNonce, nonceCount, qop, challenge.opaque());
    }

    /** A fresh cnonce: 16 random bytes, URL-safe base64 (token characters only). Pass a SecureRandom. */
    public static String newCnonce(RandomGenerator random) {
        byte[] bytes = new byte[CNONCE_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
