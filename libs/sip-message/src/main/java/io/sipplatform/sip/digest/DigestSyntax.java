package io.sipplatform.sip.digest;

import io.sipplatform.sip.SipParseException;

/** Value rules shared by challenges and credentials: what a parameter may contain and how it is quoted. */
final class DigestSyntax {
    private DigestSyntax() {
    }

    /** Rejects null and empty: a required parameter that must say something. */
    static String required(String name, String value) {
        if (value == null) {
            throw new SipParseException("missing " + name);
        }
        if (value.isEmpty()) {
            throw new SipParseException("empty " + name);
        }
        return text(name, value);
    }

    /**
     * Rejects control characters (RFC 3261 §25.1 qdtext has none once LWS is unfolded): a CR or LF that got this far
     * would be a header injection when the value is written back, e.g. a carrier's realm echoed in our Authorization.
     */
    static String text(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new SipParseException("control character in " + name, i);
            }
        }
        return value;
    }

    /** True when {@code value} is exactly {@code length} hex digits of either case. */
    static boolean isHex(String value, int length) {
        if (value == null || value.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                return false;
            }
        }
        return true;
    }

    /** Appends {@code , name="value"} (or without the comma when first), escaping per RFC 3261 §25.1 quoted-pair. */
    static void appendQuoted(StringBuilder out, String name, String value) {
        separator(out).append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    /** Appends {@code , name=token} for values that RFC 7616 §3.3/§3.4 writes as a bare token. */
    static void appendToken(StringBuilder out, String name, String value) {
        separator(out).append(name).append('=').append(value);
    }

    private static StringBuilder separator(StringBuilder out) {
        return out.length() == "Digest ".length() ? out : out.append(", ");
    }
}
