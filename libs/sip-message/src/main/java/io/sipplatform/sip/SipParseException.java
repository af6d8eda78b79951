package io.sipplatform.sip;

/**
 * The one exception type that the lazy parsers of this library throw: a header value, URI or SDP body that does not
 * match its RFC grammar. The framer never throws it (malformed framing is a {@code Framed.Malformed} value); header
 * accessors on an already framed message throw it when the value they are asked for is invalid, so the edge can answer
 * 400 with {@link #getMessage()} as the reason.
 */
public final class SipParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int offset;

    /**
     * @param message what is wrong, short enough for a SIP reason phrase
     * @param offset  character offset in the parsed value where the problem was found, or -1 if unknown
     */
    public SipParseException(String message, int offset) {
        super(message, null, false, false); // no stack trace: hostile input must not cost a stack walk
        this.offset = offset;
    }

    public SipParseException(String message) {
        this(message, -1);
    }

    /** Character offset in the parsed value where the problem was found, or -1 if unknown. */
    public int offset() {
        return offset;
    }
}
