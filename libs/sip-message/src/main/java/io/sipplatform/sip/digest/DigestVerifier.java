package io.sipplatform.sip.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Server side of digest authentication (RFC 3261 §22.1-§22.3): checks credentials against a stored HA1 and a
 * stateless nonce. Thread-safe when its tracker is.
 *
 * <p>Not checked here: that {@code uri} names the Request-URI (RFC 7616 §3.4.6 - the caller may compare after its
 * own URI normalisation) and that {@code opaque} is the one sent (nothing is stored per challenge). Responses without
 * qop (RFC 2069) are accepted and have no nonce count, so they can be replayed within the nonce lifetime.
 */
public final class DigestVerifier {
    // Stands in for the HA1 of unknown users, so an unknown user costs the same hashing as a wrong password.
    private static final Map<DigestAlgorithm, String> UNKNOWN_USER_HA1 = new EnumMap<>(DigestAlgorithm.class);

    static {
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            UNKNOWN_USER_HA1.put(algorithm, algorithm.hash("no such user"));
        }
    }

    private final NonceCodec nonces;
    private final NonceCountTracker nonceCounts;

    public DigestVerifier(NonceCodec nonces, NonceCountTracker nonceCounts) {
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.nonceCounts = Objects.requireNonNull(nonceCounts, "nonceCounts");
    }

    /**
     * Verifies one request's credentials. Never throws because of what the credentials contain; null arguments other
     * than {@code storedHa1} are caller bugs (NullPointerException), and exceptions of the tracker pass through.
     *
     * @param credentials   the request's Authorization / Proxy-Authorization, already validated
     * @param method        the request method, as in the request line (ACK and CANCEL: RFC 3261 §22.1)
     * @param expectedRealm the realm this server challenges for
     * @param storedHa1     HA1 of {@code credentials.algorithm()}'s base hash for username and realm (see
     *                      {@link Ha1#of}), any hex case; null when the user is unknown
     */
    public DigestOutcome verify(DigestCredentials credentials, String method, String expectedRealm,
            String storedHa1) {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(expectedRealm, "expectedRealm");
        if (!credentials.realm().equals(expectedRealm)) {
            return DigestOutcome.REALM_MISMATCH;
        }
        NonceStatus nonceStatus = nonces.check(credentials.nonce(), expectedRealm);
        if (nonceStatus == NonceStatus.INVALID) {
            return DigestOutcome.INVALID_NONCE;
        }
        DigestAlgorithm algorithm = credentials.algorithm();
        // A stored HA1 of the wrong length (e.g. MD5's for a SHA-256 response) cannot match: treat as unknown.
        boolean knownUser = DigestSyntax.isHex(storedHa1, algorithm.hexLength());
        String ha1 = knownUser ? storedHa1.toLowerCase(Locale.ROOT) : unknownUserHa1(algorithm);
        String expected = RequestDigest.compute(algorithm, ha1, credentials.nonce(), credentials.nonceCount(),
                credentials.cnonce(), credentials.qop(), method, credentials.uri());
        // Constant time, so response bytes cannot be guessed one by one from timing.
        boolean matches = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                credentials.response().getBytes(StandardCharsets.US_ASCII));
        if (!matches || !knownUser) {
            return DigestOutcome.BAD_RESPONSE;
        }
        // RFC 7616 §3.3: stale=true only once the response proved the password, so a wrong one is not retried.
        if (nonceStatus == NonceStatus.STALE) {
            return DigestOutcome.STALE_NONCE;
        }
        if (credentials.qop() != null
                && !nonceCounts.accept(credentials.nonce(), credentials.nonceCountValue())) {
            return DigestOutcome.NONCE_COUNT_REPLAY;
        }
        return DigestOutcome.OK;
    }

    static String unknownUserHa1(DigestAlgorithm algorithm) {
        return UNKNOWN_USER_HA1.get(algorithm);
    }
}
