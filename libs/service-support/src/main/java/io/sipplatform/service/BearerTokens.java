package io.sipplatform.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/** The bearer-token check (RFC 6750 §2.1) of the services' REST APIs, in constant time. */
public final class BearerTokens {
    private static final String PREFIX = "Bearer ";

    private BearerTokens() {
    }

    /**
     * True when the Authorization header value carries one of the configured tokens; an absent header, another
     * scheme, or no configured token (empty ones never count) is false.
     */
    public static boolean accepted(String authorization, List<String> configured) {
        if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] presented = authorization.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (String token : configured) {
            // No early exit: the time taken does not tell which token came close.
            ok |= !token.isEmpty() && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), presented);
        }
        return ok;
    }
}
