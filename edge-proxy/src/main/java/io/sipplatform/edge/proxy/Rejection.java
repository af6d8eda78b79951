package io.sipplatform.edge.proxy;

import java.util.Map;

/**
 * A request the edge answers itself instead of forwarding: status, reason and extra headers (e.g. Unsupported
 * with 420, Retry-After with 503).
 *
 * @param code    SIP status code
 * @param reason  reason phrase
 * @param headers extra header fields to add to the response, name to value
 */
public record Rejection(int code, String reason, Map<String, String> headers) {
    public Rejection {
        headers = Map.copyOf(headers);
    }

    public static Rejection of(int code, String reason) {
        return new Rejection(code, reason, Map.of());
    }
}
