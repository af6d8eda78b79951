package io.sipplatform.edge.transport;

import java.util.Locale;

/** SIP transports the edge speaks (RFC 3261 §18, RFC 7118 for WebSocket). */
public enum Transport {
    UDP(false, false),
    TCP(true, false),
    TLS(true, true),
    WS(true, false),
    WSS(true, true);

    private final boolean reliable;
    private final boolean secure;

    Transport(boolean reliable, boolean secure) {
        this.reliable = reliable;
        this.secure = secure;
    }

    /** Reliable transports carry no retransmissions (RFC 3261 §17.1.1.2 Timer A not started). */
    public boolean reliable() {
        return reliable;
    }

    /** TLS and WSS. */
    public boolean secure() {
        return secure;
    }

    /** The Via transport token (RFC 3261 §20.42, RFC 7118 §5.2). */
    public String viaToken() {
        return name();
    }

    /** The {@code transport=} URI parameter value (lower case). */
    public String uriParam() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The transport for a Via token or transport= parameter, any case; null if unknown. */
    public static Transport fromToken(String token) {
        if (token == null) {
            return null;
        }
        for (Transport t : values()) {
            if (t.name().equalsIgnoreCase(token)) {
                return t;
            }
        }
        return null;
    }
}
