package io.sipplatform.sip.header;

import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.grammar.HeaderValues;
import io.sipplatform.sip.grammar.SipScanner;

import java.util.List;

/**
 * Retry-After = delta-seconds [ comment ] *( SEMI retry-param ), retry-param = ("duration" EQUAL delta-seconds) /
 * generic-param (RFC 3261 §20.33, §25). Comments nest; they are read with a depth counter, never by recursion, so
 * 20 000 '(' cost one pass and no stack.
 *
 * @param seconds delta-seconds, values above 2^32-1 clamped
 * @param comment the text between the outer parentheses exactly as written (nested comments and quoted-pairs
 *                included), or null when absent
 * @param params  retry-params in order
 */
public record RetryAfter(long seconds, String comment, List<Param> params) {
    public RetryAfter {
        if (seconds < 0 || seconds > HeaderValues.MAX_DELTA_SECONDS) {
            throw new IllegalArgumentException("seconds out of range: " + seconds);
        }
        if (comment != null) {
            String written = "(" + comment + ")";
            boolean valid;
            try {
                valid = commentEnd(written, 0, written.length()) == written.length();
            } catch (SipParseException e) {
                valid = false;
            }
            if (!valid) {
                throw new IllegalArgumentException("not a comment body: " + comment);
            }
        }
        params = Params.requireHeaderParams(params);
        if (Params.has(params, "duration") && deltaSeconds(Params.get(params, "duration")) < 0) {
            throw new IllegalArgumentException("duration is not delta-seconds");
        }
    }

    public static RetryAfter parse(String value) {
        SipScanner s = SipScanner.trimmed(value);
        long seconds = s.consumeDigits(HeaderValues.MAX_DELTA_SECONDS);
        if (seconds < 0) {
            throw s.error("expected delta-seconds");
        }
        String comment = null;
        int save = s.position();
        s.skipSpaces();
        if (s.lookingAt('(')) {
            int open = s.position();
            int end = commentEnd(s.input(), open, s.limit());
            comment = s.substring(open + 1, end - 1);
            s.reset(end);
        } else {
            s.reset(save);
        }
        int paramsStart = s.position();
        List<Param> params = Params.parseGenericParams(s);
        s.skipSpaces();
        s.expectEnd("Retry-After");
        if (Params.has(params, "duration") && deltaSeconds(Params.get(params, "duration")) < 0) {
            throw new SipParseException("duration is not delta-seconds", paramsStart);
        }
        return new RetryAfter(seconds, comment, params);
    }

    /**
     * Index just after the ')' that closes the comment opening at {@code open}: comment = LPAREN *(ctext /
     * quoted-pair / comment) RPAREN, ctext = %x21-27 / %x2A-5B / %x5D-7E / UTF8-NONASCII / LWS (RFC 3261 §25).
     */
    static int commentEnd(CharSequence s, int open, int limit) {
        int depth = 0;
        int i = open;
        while (i < limit) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (--depth == 0) {
                    return i + 1;
                }
            } else if (c == '\\') {
                if (i + 1 >= limit) {
                    break;
                }
                char e = s.charAt(i + 1);
                if (e > 0x7F || e == '\r' || e == '\n') {
                    throw new SipParseException("invalid quoted-pair in comment", i);
                }
                i++;
            } else if ((c < 0x20 && c != '\t') || c == 0x7F) {
                throw new SipParseException("control character in comment", i);
            }
            i++;
        }
        throw new SipParseException("unterminated comment", open);
    }

    // delta-seconds clamped, or -1
    private static long deltaSeconds(String v) {
        if (v == null || v.isEmpty()) {
            return -1;
        }
        SipScanner s = new SipScanner(v);
        long n = s.consumeDigits(HeaderValues.MAX_DELTA_SECONDS);
        return s.atEnd() ? n : -1;
    }

    /** The duration parameter in seconds (clamped), or -1 when absent. */
    public long duration() {
        String v = Params.get(params, "duration");
        return v == null ? -1 : deltaSeconds(v);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(16 + (comment == null ? 0 : comment.length() + 3));
        out.append(seconds);
        if (comment != null) {
            out.append(" (").append(comment).append(')');
        }
        Params.appendTo(out, params);
        return out.toString();
    }
}
