package io.sipplatform.sip.digest;

import io.sipplatform.sip.SipParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Digest credentials, the value of an Authorization or Proxy-Authorization header field (RFC 3261 §22.2,
 * RFC 7616 §3.4). Every instance is well formed, so {@link DigestVerifier} can take any of them without failing.
 *
 * @param username   required, non-empty (the plain form; userhash and username* are not supported)
 * @param realm      required, may be empty
 * @param nonce      required, non-empty; checked against {@link NonceCodec} by the verifier, not here
 * @param uri        digest-uri, required, non-empty; in SIP the Request-URI (RFC 3261 §22.4)
 * @param response   request-digest, hex of the algorithm's length; normalised to lower case
 * @param algorithm  never null; absent in the header means MD5
 * @param cnonce     required with qop, must be absent without
 * @param nonceCount {@code nc}, 8 hex digits, required with qop, must be absent without
 * @param qop        "auth" in any case, or null for the RFC 2069 form; auth-int is not supported
 * @param opaque     echoed from the challenge, or null
 * @throws SipParseException for any value breaking these rules
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
        DigestAlgorithm algorithm, String cnonce, String nonceCount, String qop, String opaque) {

    private static final int NC_DIGITS = 8;

    public DigestCredentials {
        DigestSyntax.required("username", username);
        if (realm == null) {
            throw new SipParseException("missing realm");
        }
        DigestSyntax.text("realm", realm);
        DigestSyntax.required("nonce", nonce);
        DigestSyntax.required("uri", uri);
        if (algorithm == null) {
            throw new SipParseException("missing algorithm");
        }
        if (response == null) {
            throw new SipParseException("missing response");
        }
        if (!DigestSyntax.isHex(response, algorithm.hexLength())) {
            throw new SipParseException("response is not " + algorithm.hexLength() + " hex digits");
        }
        response = response.toLowerCase(Locale.ROOT); // RFC 7616 §3.4.1 LHEX; some UAs send upper case
        if (qop != null) {
            if (!qop.equalsIgnoreCase("auth")) { // RFC 5234 §2.3: ABNF literals ignore case
                throw new SipParseException("unsupported qop");
            }
            // RFC 7616 §3.4: with qop the client MUST send cnonce and nc.
            DigestSyntax.required("cnonce", cnonce);
            if (nonceCount == null) {
                throw new SipParseException("missing nc");
            }
            if (!DigestSyntax.isHex(nonceCount, NC_DIGITS)) {
                throw new SipParseException("nc is not 8 hex digits");
            }
        } else {
            // RFC 2617 §3.2.2: cnonce and nc MUST NOT be sent without qop; -sess needs a cnonce for its HA1.
            if (cnonce != null || nonceCount != null) {
                throw new SipParseException("cnonce or nc without qop");
            }
            if (algorithm.session()) {
                throw new SipParseException(algorithm.token() + " without qop");
            }
        }
        if (opaque != null) {
            DigestSyntax.text("opaque", opaque);
        }
    }

    /**
     * Reads credentials from Authorization / Proxy-Authorization parameters.
     *
     * @param param gives a parameter's unquoted value by lower-case name, or null when absent
     * @throws SipParseException when a required parameter is missing, the algorithm is unknown, qop is not "auth",
     *                           userhash=true is asked for, or a value is malformed
     */
    public static DigestCredentials fromParams(Function<String, String> param) {
        Objects.requireNonNull(param, "param");
        if ("true".equalsIgnoreCase(param.apply("userhash"))) { // RFC 7616 §3.4.4, not used in SIP
            throw new SipParseException("userhash unsupported");
        }
        DigestAlgorithm algorithm = DigestAlgorithm.fromToken(param.apply("algorithm"))
                .orElseThrow(() -> new SipParseException("unsupported algorithm"));
        return new DigestCredentials(param.apply("username"), param.apply("realm"), param.apply("nonce"),
                param.apply("uri"), param.apply("response"), algorithm, param.apply("cnonce"), param.apply("nc"),
                param.apply("qop"), param.apply("opaque"));
    }

    /** The nonce count as a number, 0 when there is no qop (and so no nc; counts start at 1). */
    public long nonceCountValue() {
        return nonceCount == null ? 0 : Long.parseLong(nonceCount, 16);
    }

    /**
     * The header field value, parameters in the order of RFC 7616 §3.9.1: {@code Digest username="..", realm="..",
     * uri="..", algorithm=SHA-256, nonce="..", nc=00000001, cnonce="..", qop=auth, response="..", opaque=".."};
     * algorithm, nc and qop are tokens (RFC 3261 §25.1), the rest quoted.
     */
    public String toHeaderValue() {
        StringBuilder out = new StringBuilder(192 + username.length() + realm.length() + nonce.length() + uri.length())
                .append("Digest ");
        DigestSyntax.appendQuoted(out, "username", username);
        DigestSyntax.appendQuoted(out, "realm", realm);
        DigestSyntax.appendQuoted(out, "uri", uri);
        DigestSyntax.appendToken(out, "algorithm", algorithm.token());
        DigestSyntax.appendQuoted(out, "nonce", nonce);
        if (qop != null) {
            DigestSyntax.appendToken(out, "nc", nonceCount);
            DigestSyntax.appendQuoted(out, "cnonce", cnonce);
            DigestSyntax.appendToken(out, "qop", qop);
        }
        DigestSyntax.appendQuoted(out, "response", response);
        if (opaque != null) {
            DigestSyntax.appendQuoted(out, "opaque", opaque);
        }
        return out.toString();
    }
}
