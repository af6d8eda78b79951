package io.sipplatform.sip.message;

/**
 * What a framer yields for each unit it finds on the wire: a message, a malformed frame (a value, never an
 * exception), or an RFC 5626 keep-alive. Handled by exhaustive switch at the edge.
 */
public sealed interface Framed permits Framed.Message, Framed.Malformed, Framed.KeepAlive {

    /** A framed SIP message whose start line and header structure are valid; header values parse lazily. */
    record Message(SipMessage message) implements Framed {
    }

    /**
     * A frame that is not a valid SIP message.
     *
     * @param reason   why; carries the status code to answer with
     * @param offset   byte offset within the frame where the problem was found
     * @param detail   a short human-readable description (safe to log; never contains message bytes beyond 64 chars)
     * @param readable the mandatory headers that could be read, so a request can still be answered (RFC 3261 §8.2.6)
     * @param fatal    true when a stream cannot be trusted past this frame (the framer stops; close the connection);
     *                 false when framing stayed intact and the stream framer continues with the next message
     */
    record Malformed(MalformedReason reason, int offset, String detail, MandatoryHeaders readable, boolean fatal)
            implements Framed {
    }

    /**
     * An RFC 5626 §3.5.1 keep-alive: a "ping" (CRLFCRLF), which a server answers with a "pong" (CRLF), or a pong.
     *
     * @param kind which one
     */
    record KeepAlive(Kind kind) implements Framed {
        /** Ping (CRLFCRLF) or pong (single CRLF). */
        public enum Kind { PING, PONG }

        public static final KeepAlive PING = new KeepAlive(Kind.PING);
        public static final KeepAlive PONG = new KeepAlive(Kind.PONG);
    }
}
