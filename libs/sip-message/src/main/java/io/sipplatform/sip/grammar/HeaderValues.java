package io.sipplatform.sip.grammar;

import io.sipplatform.sip.SipParseException;

import java.util.ArrayList;
import java.util.List;

/**
 * Rules for whole header values that need no model type: splitting comma-separated lines (RFC 3261 §7.3.1), option
 * tag and method lists, delta-seconds, Call-ID and Max-Forwards. Input is an unfolded header value, possibly with
 * leading and trailing SP / HTAB. Every rule is one pass over the value.
 */
public final class HeaderValues {
    /** The largest delta-seconds value; larger ones mean this (RFC 3261 §20.19). */
    public static final long MAX_DELTA_SECONDS = 4_294_967_295L;

    private HeaderValues() {
    }

    /**
     * Splits a header line into its comma-separated values (RFC 3261 §7.3.1), at top-level commas only: commas
     * inside quoted strings (with \-escapes) or inside {@code <...>} do not split. Each value is trimmed of
     * SP / HTAB. A blank line gives an empty list (e.g. an empty Supported); an empty value between commas, or a
     * leading or trailing comma, is an error, as is an unterminated quoted string or '&lt;'.
     */
    public static List<String> split(String headerValue) {
        if (headerValue == null) {
            throw new SipParseException("missing value", -1);
        }
        int n = headerValue.length();
        List<String> values = new ArrayList<>(4);
        int start = 0;
        while (true) {
            int end = valueEnd(headerValue, start, n);
            int from = start;
            int to = end;
            while (from < to && SipChars.isWsp(headerValue.charAt(from))) {
                from++;
            }
            while (to > from && SipChars.isWsp(headerValue.charAt(to - 1))) {
                to--;
            }
            if (from == to) {
                if (end == n && values.isEmpty()) {
                    return List.of(); // the whole line is blank
                }
                throw new SipParseException("empty value in comma-separated list", from);
            }
            values.add(headerValue.substring(from, to));
            if (end == n) {
                return values;
            }
            start = end + 1;
        }
    }

    /**
     * Index of the first top-level comma in {@code s[from, to)}, or {@code to} if there is none, with the quoting
     * rules of {@link #split}: lets a caller parse only the first value of a long line.
     */
    public static int valueEnd(CharSequence s, int from, int to) {
        if (s == null) {
            throw new SipParseException("missing value", -1);
        }
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == ',') {
                return i;
            }
            if (c == '"') {
                i = quotedEnd(s, i, to);
            } else if (c == '<') {
                int close = i + 1;
                while (close < to && s.charAt(close) != '>') {
                    close++;
                }
                if (close == to) {
                    throw new SipParseException("unterminated '<'", i);
                }
                i = close + 1;
            } else {
                i++;
            }
        }
        return to;
    }

    /** Index just after the closing DQUOTE of the quoted string starting at {@code open}. */
    private static int quotedEnd(CharSequence s, int open, int to) {
        int i = open + 1;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            i += c == '\\' ? 2 : 1;
        }
        throw new SipParseException("unterminated quoted string", open);
    }

    /**
     * A comma-separated list of tokens: option-tags of Require, Proxy-Require, Supported, Unsupported and the
     * methods of Allow (RFC 3261 §20). A blank value gives an empty list; the caller decides whether the header
     * allows that.
     */
    public static List<String> tokens(String headerValue) {
        SipScanner s = SipScanner.trimmed(headerValue);
        if (s.atEnd()) {
            return List.of();
        }
        List<String> tokens = new ArrayList<>(4);
        while (true) {
            tokens.add(s.expectToken("token"));
            s.skipSpaces();
            if (s.atEnd()) {
                return tokens;
            }
            s.expectChar(',');
            s.skipSpaces();
        }
    }

    /**
     * delta-seconds = 1*DIGIT (RFC 3261 §25) within 0..2^32-1 (§20.19). A larger value is rejected, as RFC 4475
     * §3.1.2.4 (scalar02) allows: the registrar then applies its default expiry. No sign, no inner space.
     */
    public static long deltaSeconds(String headerValue) {
        SipScanner s = SipScanner.trimmed(headerValue);
        long value = s.consumeDigits(MAX_DELTA_SECONDS + 1);
        if (value < 0) {
            throw s.error("expected delta-seconds");
        }
        if (value > MAX_DELTA_SECONDS) {
            throw s.error("delta-seconds above 2^32-1");
        }
        s.expectEnd("delta-seconds");
        return value;
    }

    /** callid = word [ "@" word ] (RFC 3261 §25); returns the trimmed Call-ID. */
    public static String callId(String headerValue) {
        SipScanner s = SipScanner.trimmed(headerValue);
        int start = s.position();
        if (s.skipWhile(SipChars.WORD) == 0) {
            throw s.error("expected Call-ID");
        }
        if (s.consumeChar('@') && s.skipWhile(SipChars.WORD) == 0) {
            throw s.error("expected word after '@' in Call-ID");
        }
        s.expectEnd("Call-ID");
        return s.substring(start, s.position());
    }

    /** Max-Forwards = 1*DIGIT (RFC 3261 §20.22), within 0..255. */
    public static int maxForwards(String headerValue) {
        SipScanner s = SipScanner.trimmed(headerValue);
        int value = (int) s.expectNumber("Max-Forwards", 0, 255);
        s.expectEnd("Max-Forwards");
        return value;
    }
}
