package io.sipplatform.registrar.domain;

import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.digest.DigestCredentials;

/**
 * One Authorization header with the Digest scheme, its parameters unquoted as received (RFC 3261 §22.4, RFC 7616
 * §3.4). Unvalidated text: {@link #toCredentials} turns it into checked credentials. An empty string means the
 * parameter was absent.
 */
public record DigestFields(String username, String realm, String nonce, String uri, String response,
        String algorithm, String cnonce, String opaque, String qop, String nonceCount, boolean userhash,
        String method) {

    public DigestFields {
        username = orEmpty(username);
        realm = orEmpty(realm);
        nonce = orEmpty(nonce);
        uri = orEmpty(uri);
        response = orEmpty(response);
        algorithm = orEmpty(algorithm);
        cnonce = orEmpty(cnonce);
        opaque = orEmpty(opaque);
        qop = orEmpty(qop);
        nonceCount = orEmpty(nonceCount);
        method = method == null || method.isEmpty() ? "REGISTER" : method;
    }

    /**
     * Validated credentials.
     *
     * @throws SipParseException when a parameter is missing or malformed, the algorithm is unknown, or userhash is
     *                           asked for
     */
    public DigestCredentials toCredentials() {
        return DigestCredentials.fromParams(name -> switch (name) {
            case "username" -> nullIfEmpty(username);
            case "realm" -> realm; // an empty realm is a value, not an absence (RFC 7616 §3.4)
            case "nonce" -> nullIfEmpty(nonce);
            case "uri" -> nullIfEmpty(uri);
            case "response" -> nullIfEmpty(response);
            case "algorithm" -> nullIfEmpty(algorithm);
            case "cnonce" -> nullIfEmpty(cnonce);
            case "opaque" -> nullIfEmpty(opaque);
            case "qop" -> nullIfEmpty(qop);
            case "nc" -> nullIfEmpty(nonceCount);
            case "userhash" -> userhash ? "true" : null;
            default -> null;
        });
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String nullIfEmpty(String s) {
        return s.isEmpty() ? null : s;
    }
}
