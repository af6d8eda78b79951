package io.sipplatform.routing.domain;

import java.util.Locale;

/**
 * SIP transports (RFC 3261 §18, TLS §26.2, WebSocket RFC 7118). A closed set: the edge speaks exactly these, so a
 * trunk's allowed transports and a gateway's transport are checked against it.
 */
public enum Transport {
    UDP, TCP, TLS, WS, WSS;

    /** The URI transport parameter value (RFC 3261 §19.1.1), lower case. */
    public String uriParam() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a transport name in any case. */
    public static Transport of(String field, String name) {
        FieldRules.required(field, name);
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field, "unknown transport '" + name + "' (UDP, TCP, TLS, WS, WSS)");
        }
    }
}
