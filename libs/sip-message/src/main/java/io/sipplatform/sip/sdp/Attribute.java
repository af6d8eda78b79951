package io.sipplatform.sip.sdp;

import io.sipplatform.sip.SipParseException;

/**
 * An {@code a=} line (RFC 8866 §5.13): a property attribute ({@code a=rtcp-mux}, value null) or a value attribute
 * ({@code a=ptime:20}). The value is kept as sent, leading spaces included.
 */
public record Attribute(String name, String value) {

    public Attribute {
        if (!SdpGrammar.isToken(name)) {
            throw new IllegalArgumentException("attribute name must be a token: " + name);
        }
        if (value != null && !SdpGrammar.isLineText(value)) {
            throw new IllegalArgumentException("attribute value must not contain CR, LF or NUL");
        }
    }

    /** A property attribute such as {@code sendonly}. */
    public static Attribute property(String name) {
        return new Attribute(name, null);
    }

    public boolean isProperty() {
        return value == null;
    }

    static Attribute parse(String lineValue) {
        int end = 0;
        while (end < lineValue.length() && SdpGrammar.isTokenChar(lineValue.charAt(end))) {
            end++;
        }
        if (end == 0) {
            throw new SipParseException("a= line: attribute name must be a token", 0);
        }
        String name = lineValue.substring(0, end);
        if (end == lineValue.length()) {
            return new Attribute(name, null);
        }
        if (lineValue.charAt(end) == ':') {
            return new Attribute(name, lineValue.substring(end + 1));
        }
        // Tolerate trailing whitespace after a property attribute ("a=sendrecv "), which real UAs send.
        for (int i = end; i < lineValue.length(); i++) {
            if (!FieldScanner.isWhitespace(lineValue.charAt(i))) {
                throw new SipParseException("a= line: expected ':' after attribute name", i);
            }
        }
        return new Attribute(name, null);
    }

    /** The name of an a= line value without building the attribute, or null when it does not start with a token. */
    static String nameOf(String lineValue) {
        int end = 0;
        while (end < lineValue.length() && SdpGrammar.isTokenChar(lineValue.charAt(end))) {
            end++;
        }
        return end == 0 ? null : lineValue.substring(0, end);
    }

    SdpLine toLine() {
        return new SdpLine('a', toString());
    }

    /** The a= value, e.g. {@code rtpmap:0 PCMU/8000} or {@code rtcp-mux}. */
    @Override
    public String toString() {
        return value == null ? name : name + ':' + value;
    }
}
