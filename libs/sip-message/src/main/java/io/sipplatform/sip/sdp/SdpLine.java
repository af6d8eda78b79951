package io.sipplatform.sip.sdp;

/**
 * One {@code <type>=<value>} line of a session description (RFC 8866 §5), kept exactly as received minus its line
 * terminator. Unknown types and attributes travel as these lines, so a description serialises back to what was read.
 *
 * @param type  the single-letter type, case-sensitive
 * @param value everything after {@code =}; never contains CR, LF or NUL
 */
public record SdpLine(char type, String value) {

    public SdpLine {
        if (!isTypeLetter(type)) {
            throw new IllegalArgumentException("SDP line type must be an ASCII letter: " + type);
        }
        if (value == null || !SdpGrammar.isLineText(value)) {
            throw new IllegalArgumentException("SDP line value must not be null or contain CR, LF or NUL");
        }
    }

    static boolean isTypeLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The line without terminator, e.g. {@code a=rtcp-mux}. */
    @Override
    public String toString() {
        return type + "=" + value;
    }
}
