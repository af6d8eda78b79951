package io.sipplatform.sip.grammar;

import io.sipplatform.sip.SipParseException;

/**
 * The {@code escaped} rule of RFC 3261 §25 ({@code "%" HEXDIG HEXDIG}) for URI components. Decoding checks every
 * literal character against the component's class (user, password, paramchar, hname/hvalue) and reads the escaped
 * octets as UTF-8, rejecting malformed sequences rather than replacing them, so that decode then {@link #encode}
 * gives back an equivalent component. Encoding escapes exactly what the class does not allow.
 */
public final class PercentEncoding {
    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    /**
     * Decodes {@code s[from, to)} whose literal characters must belong to {@code classes} (see {@link SipChars}).
     * Returns a substring without copying twice when there is no escape.
     *
     * @param what the component name for the error message, e.g. "user"
     */
    public static String decode(CharSequence s, int from, int to, int classes, String what) {
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '%') {
                break;
            }
            if (!SipChars.is(c, classes)) {
                throw invalidChar(c, what, i);
            }
            i++;
        }
        if (i == to) {
            return s.subSequence(from, to).toString();
        }
        StringBuilder out = new StringBuilder(to - from);
        out.append(s, from, i);
        while (i < to) {
            char c = s.charAt(i);
            if (c != '%') {
                if (!SipChars.is(c, classes)) {
                    throw invalidChar(c, what, i);
                }
                out.append(c);
                i++;
                continue;
            }
            int lead = escapedOctet(s, i, to, what);
            int at = i;
            i += 3;
            if (lead < 0x80) {
                out.append((char) lead);
                continue;
            }
            int continuation;
            int codePoint;
            if (lead >= 0xC2 && lead <= 0xDF) {
                continuation = 1;
                codePoint = lead & 0x1F;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                continuation = 2;
                codePoint = lead & 0x0F;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                continuation = 3;
                codePoint = lead & 0x07;
            } else {
                throw new SipParseException("escaped octets in " + what + " are not UTF-8", at);
            }
            for (int k = 0; k < continuation; k++) {
                if (i >= to || s.charAt(i) != '%') {
                    throw new SipParseException("incomplete UTF-8 sequence in " + what, at);
                }
                int octet = escapedOctet(s, i, to, what);
                i += 3;
                boolean valid = (octet & 0xC0) == 0x80;
                if (k == 0) {
                    // RFC 3629 §4: no overlong forms, no surrogates, nothing above U+10FFFF
                    valid &= !(lead == 0xE0 && octet < 0xA0) && !(lead == 0xED && octet > 0x9F)
                            && !(lead == 0xF0 && octet < 0x90) && !(lead == 0xF4 && octet > 0x8F);
                }
                if (!valid) {
                    throw new SipParseException("escaped octets in " + what + " are not UTF-8", at);
                }
                codePoint = (codePoint << 6) | (octet & 0x3F);
            }
            out.appendCodePoint(codePoint);
        }
        return out.toString();
    }

    private static int escapedOctet(CharSequence s, int i, int to, String what) {
        if (i + 2 >= to) {
            throw new SipParseException("truncated escape in " + what, i);
        }
        int hi = SipChars.hexValue(s.charAt(i + 1));
        int lo = SipChars.hexValue(s.charAt(i + 2));
        if (hi < 0 || lo < 0) {
            throw new SipParseException("invalid escape in " + what, i);
        }
        return hi << 4 | lo;
    }

    private static SipParseException invalidChar(char c, String what, int offset) {
        return new SipParseException("invalid character in " + what, offset);
    }

    /** True when {@link #encode} would escape something in {@code value}. */
    public static boolean needsEncoding(CharSequence value, int classes) {
        for (int i = 0; i < value.length(); i++) {
            if (!SipChars.is(value.charAt(i), classes)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Appends {@code value}, escaping as UTF-8 octets every character outside {@code classes}. An unpaired
     * surrogate (only possible in a value built in code) is written as U+FFFD.
     */
    public static void encode(StringBuilder out, CharSequence value, int classes) {
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (SipChars.is(c, classes)) {
                out.append(c);
                continue;
            }
            int codePoint = c;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                codePoint = Character.toCodePoint(c, value.charAt(i + 1));
                i++;
            } else if (Character.isSurrogate(c)) {
                codePoint = 0xFFFD;
            }
            if (codePoint < 0x80) {
                octet(out, codePoint);
            } else if (codePoint < 0x800) {
                octet(out, 0xC0 | codePoint >> 6);
                octet(out, 0x80 | codePoint & 0x3F);
            } else if (codePoint < 0x10000) {
                octet(out, 0xE0 | codePoint >> 12);
                octet(out, 0x80 | codePoint >> 6 & 0x3F);
                octet(out, 0x80 | codePoint & 0x3F);
            } else {
                octet(out, 0xF0 | codePoint >> 18);
                octet(out, 0x80 | codePoint >> 12 & 0x3F);
                octet(out, 0x80 | codePoint >> 6 & 0x3F);
                octet(out, 0x80 | codePoint & 0x3F);
            }
        }
    }

    private static void octet(StringBuilder out, int octet) {
        out.append('%').append(HEX_DIGITS[octet >> 4]).append(HEX_DIGITS[octet & 0xF]);
    }
}
