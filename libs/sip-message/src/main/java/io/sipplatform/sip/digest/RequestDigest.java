package io.sipplatform.sip.digest;

/** The {@code response} parameter value, shared by the verifier and the client so both sides compute it alike. */
final class RequestDigest {
    private RequestDigest() {
    }

    /**
     * @param ha1 the stored HA1 (base hash, lower-case hex); the -sess step is applied here
     * @param qop "auth" (any case) or null for the RFC 2069 form; when null, nc and cnonce are ignored
     */
    static String compute(DigestAlgorithm algorithm, String ha1, String nonce, String nc, String cnonce, String qop,
            String method, String uri) {
        String requestHa1 = Ha1.forNonce(algorithm, ha1, nonce, cnonce);
        String ha2 = algorithm.hashJoined(method, uri); // RFC 7616 §3.4.3, qop=auth or absent
        if (qop == null) {
            return algorithm.hashJoined(requestHa1, nonce, ha2); // RFC 2069 §2.1.2, kept by RFC 3261 §22.4
        }
        return algorithm.hashJoined(requestHa1, nonce, nc, cnonce, qop, ha2); // RFC 7616 §3.4.1
    }
}
