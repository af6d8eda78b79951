package io.sipplatform.sip.digest;

/**
 * What {@link DigestVerifier#verify} decided. A closed set of verdicts, each with the reaction RFC 3261 §22 and
 * RFC 7616 expect from a registrar (401 / WWW-Authenticate) or proxy (407 / Proxy-Authenticate).
 */
public enum DigestOutcome {
    /** The client knows the password: process the request. */
    OK,
    /** Correct response for an expired nonce: challenge again with a fresh nonce and stale=true (RFC 7616 §3.3). */
    STALE_NONCE,
    /** The nonce is not ours (forged, other realm, unknown secret): challenge again, stale=false. */
    INVALID_NONCE,
    /** The credentials are for another realm: challenge again for ours; they may be meant for another hop. */
    REALM_MISMATCH,
    /**
     * Wrong password, or unknown user: the same verdict for both so the answer does not reveal which users exist.
     * Challenge again (stale=false), and count the failure against the source.
     */
    BAD_RESPONSE,
    /**
     * Correct response, but the nonce count was used before: a replayed request. Do not process it; challenge again
     * with a fresh nonce (stale=true lets a confused but honest client retry without asking its user).
     */
    NONCE_COUNT_REPLAY;

    /** True only for {@link #OK}. */
    public boolean authenticated() {
        return this == OK;
    }
}
