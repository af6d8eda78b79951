package io.sipplatform.sip.digest;

import io.sipplatform.sip.SipParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One digest challenge, the value of a WWW-Authenticate (401) or Proxy-Authenticate (407) header field
 * (RFC 3261 §22.1, RFC 7616 §3.3). A server may send several, one per algorithm, the preferred one first
 * (RFC 8760 §2.3): see {@link #offers}.
 *
 * @param realm     protection space shown to the user, e.g. the SIP domain (RFC 3261 §22.1); required
 * @param nonce     server nonce, normally from {@link NonceCodec#issue}; required, non-empty
 * @param opaque    echoed back unchanged by the client, or null when absent
 * @param algorithm never null; a challenge without {@code algorithm} parameter means MD5
 * @param qopAuth   true when qop="auth" is offered; false for an RFC 2069 challenge without qop
 * @param stale     true when the previous request had a correct response for an expired nonce (RFC 7616 §3.3)
 * @throws SipParseException when a value is missing, contains a control character, or a -sess algorithm is
 *                           offered without qop (its HA1 needs the client's cnonce)
 */
public record DigestChallenge(String realm, String nonce, String opaque, DigestAlgorithm algorithm, boolean qopAuth,
        boolean stale) {

    public DigestChallenge {
        if (realm == null) {
            throw new SipParseException("missing realm");
        }
        DigestSyntax.text("realm", realm);
        DigestSyntax.required("nonce", nonce);
        if (opaque != null) {
            DigestSyntax.text("opaque", opaque);
        }
        if (algorithm == null) {
            throw new SipParseException("missing algorithm");
        }
        if (algorithm.session() && !qopAuth) {
            throw new SipParseException(algorithm.token() + " without qop");
        }
    }

    /**
     * One challenge per algorithm, all with qop="auth" and the same nonce (our nonces bind the realm, not the
     * algorithm), in the given order, which is the server's preference (RFC 8760 §2.3: SHA-256 before MD5).
     */
    public static List<DigestChallenge> offers(String realm, String nonce, String opaque, boolean stale,
            List<DigestAlgorithm> inPreferenceOrder) {
        List<DigestChallenge> challenges = new ArrayList<>(inPreferenceOrder.size());
        for (DigestAlgorithm algorithm : inPreferenceOrder) {
            challenges.add(new DigestChallenge(realm, nonce, opaque, algorithm, true, stale));
        }
        return List.copyOf(challenges);
    }

    /**
     * Reads a challenge a peer sent (the edge being challenged by a carrier).
     *
     * @param param gives a parameter's unquoted value by lower-case name, or null when absent
     * @throws SipParseException when realm or nonce is missing, the algorithm is unknown, or qop is offered but
     *                           without "auth" (auth-int only): such a challenge cannot be answered, try the next
     */
    public static DigestChallenge fromParams(Function<String, String> param) {
        Objects.requireNonNull(param, "param");
        String realm = param.apply("realm");
        String nonce = param.apply("nonce");
        String opaque = param.apply("opaque");
        String algorithmToken = param.apply("algorithm");
        String qop = param.apply("qop");
        String stale = param.apply("stale");
        DigestAlgorithm algorithm = DigestAlgorithm.fromToken(algorithmToken)
                .orElseThrow(() -> new SipParseException("unsupported algorithm"));
        boolean qopAuth = false;
        if (qop != null) {
            if (!offersAuth(qop)) {
                throw new SipParseException("no supported qop");
            }
            qopAuth = true;
        }
        return new DigestChallenge(realm, nonce, opaque, algorithm, qopAuth, "true".equalsIgnoreCase(stale));
    }

    /**
     * The header field value: {@code Digest realm="..", nonce="..", opaque="..", algorithm=MD5, qop="auth",
     * stale=true}, absent parts omitted (RFC 7616 §3.3 quotes realm, nonce, opaque and qop; algorithm and stale
     * are tokens).
     */
    public String toHeaderValue() {
        StringBuilder out = new StringBuilder(64 + realm.length() + nonce.length()).append("Digest ");
        DigestSyntax.appendQuoted(out, "realm", realm);
        DigestSyntax.appendQuoted(out, "nonce", nonce);
        if (opaque != null) {
            DigestSyntax.appendQuoted(out, "opaque", opaque);
        }
        DigestSyntax.appendToken(out, "algorithm", algorithm.token());
        if (qopAuth) {
            DigestSyntax.appendQuoted(out, "qop", "auth");
        }
        if (stale) {
            DigestSyntax.appendToken(out, "stale", "true");
        }
        return out.toString();
    }

    /** RFC 7616 §3.3: qop is a comma-separated token list; one pass, whitespace around tokens allowed. */
    private static boolean offersAuth(String qopList) {
        int start = 0;
        int length = qopList.length();
        while (start <= length) {
            int comma = qopList.indexOf(',', start);
            int end = comma < 0 ? length : comma;
            int from = start;
            int to = end;
            while (from < to && isSpace(qopList.charAt(from))) {
                from++;
            }
            while (to > from && isSpace(qopList.charAt(to - 1))) {
                to--;
            }
            if (to - from == 4 && qopList.regionMatches(true, from, "auth", 0, 4)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }
}
