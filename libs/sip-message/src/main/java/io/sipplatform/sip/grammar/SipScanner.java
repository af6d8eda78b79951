package io.sipplatform.sip.grammar;

import io.sipplatform.sip.SipParseException;

/**
 * A cursor over {@code input[position, limit)} with the rules of the RFC 3261 §25 grammar. Rules named consumeX try:
 * on a mismatch they leave the position unchanged and return false, null or -1. Rules named expectX must match,
 * else they throw {@link SipParseException} with the offset in {@code input}. No rule recurses or backtracks, so a
 * parser built from them runs in time linear in the input.
 *
 * <p>Header values reach the parsers already unfolded (RFC 3261 §7.3.1), so LWS here is just SP / HTAB.
 */
public final class SipScanner {
    private final CharSequence input;
    private final int limit;
    private int position;

    /** Scans all of {@code input}. */
    public SipScanner(CharSequence input) {
        this(input, 0, input.length());
    }

    /** Scans {@code input[from, to)}; offsets in exceptions are indexes into {@code input}. */
    public SipScanner(CharSequence input, int from, int to) {
        if (from < 0 || from > to || to > input.length()) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") of " + input.length());
        }
        this.input = input;
        this.position = from;
        this.limit = to;
    }

    /**
     * A scanner over {@code value} without its leading and trailing SP / HTAB: the form in which header values
     * reach the value parsers. A null value is reported as a parse error, not a NullPointerException.
     */
    public static SipScanner trimmed(CharSequence value) {
        if (value == null) {
            throw new SipParseException("missing value", -1);
        }
        int from = 0;
        int to = value.length();
        while (from < to && SipChars.isWsp(value.charAt(from))) {
            from++;
        }
        while (to > from && SipChars.isWsp(value.charAt(to - 1))) {
            to--;
        }
        return new SipScanner(value, from, to);
    }

    public CharSequence input() {
        return input;
    }

    public int position() {
        return position;
    }

    public int limit() {
        return limit;
    }

    /** Moves the cursor back (or forward) to a position obtained from {@link #position()}. */
    public void reset(int newPosition) {
        if (newPosition < 0 || newPosition > limit) {
            throw new IndexOutOfBoundsException("position " + newPosition + " outside [0, " + limit + "]");
        }
        position = newPosition;
    }

    public boolean atEnd() {
        return position >= limit;
    }

    /** The character at the cursor, or -1 at the end. */
    public int peek() {
        return position < limit ? input.charAt(position) : -1;
    }

    /** The character {@code ahead} positions after the cursor, or -1 past the end. */
    public int peek(int ahead) {
        int i = position + ahead;
        return i >= 0 && i < limit ? input.charAt(i) : -1;
    }

    public boolean lookingAt(char c) {
        return position < limit && input.charAt(position) == c;
    }

    public char charAt(int index) {
        return input.charAt(index);
    }

    /** {@code input[from, to)} as a String; the one allocation a rule makes per field. */
    public String substring(int from, int to) {
        return input.subSequence(from, to).toString();
    }

    /** The unread rest, {@code input[position, limit)}. */
    public String rest() {
        return substring(position, limit);
    }

    /** A parse error at the cursor, for the caller to throw. */
    public SipParseException error(String message) {
        return new SipParseException(message, position);
    }

    /** A parse error at {@code offset}, for the caller to throw. */
    public SipParseException error(String message, int offset) {
        return new SipParseException(message, offset);
    }

    public boolean consumeChar(char c) {
        if (position < limit && input.charAt(position) == c) {
            position++;
            return true;
        }
        return false;
    }

    public void expectChar(char c) {
        if (!consumeChar(c)) {
            throw error(atEnd() ? "expected '" + c + "' at end" : "expected '" + c + "'");
        }
    }

    /** Skips characters in any of {@code classes} (see {@link SipChars}); returns how many. */
    public int skipWhile(int classes) {
        int start = position;
        int i = position;
        while (i < limit && SipChars.is(input.charAt(i), classes)) {
            i++;
        }
        position = i;
        return i - start;
    }

    /** Index where the run of {@code classes} characters starting at the cursor ends; does not move. */
    public int runEnd(int classes) {
        int i = position;
        while (i < limit && SipChars.is(input.charAt(i), classes)) {
            i++;
        }
        return i;
    }

    /** Skips SP / HTAB; returns how many. */
    public int skipSpaces() {
        int start = position;
        while (position < limit && SipChars.isWsp(input.charAt(position))) {
            position++;
        }
        return position - start;
    }

    /** LWS (RFC 3261 §25, unfolded): true when at least one SP / HTAB was skipped. */
    public boolean consumeLws() {
        return skipSpaces() > 0;
    }

    /** LWS that the grammar requires, e.g. between the CSeq number and method. */
    public void expectLws(String what) {
        if (!consumeLws()) {
            throw error("expected whitespace " + what);
        }
    }

    /** Skips a token; returns true if there was one. */
    public boolean skipToken() {
        return skipWhile(SipChars.TOKEN) > 0;
    }

    /** token (RFC 3261 §25), or null if the cursor is not at a token character. */
    public String consumeToken() {
        int start = position;
        int end = runEnd(SipChars.TOKEN);
        if (end == start) {
            return null;
        }
        position = end;
        return substring(start, end);
    }

    /** token, else a parse error naming {@code what}. */
    public String expectToken(String what) {
        String token = consumeToken();
        if (token == null) {
            throw error("expected " + what);
        }
        return token;
    }

    /**
     * 1*DIGIT as a number, saturating at {@code clamp} so that 10 000 digits cannot overflow; -1 (and no move)
     * if the cursor is not at a digit. Callers with an upper bound pass bound + 1 and reject a result above it.
     */
    public long consumeDigits(long clamp) {
        int i = position;
        long value = 0;
        while (i < limit) {
            char c = input.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            if (value < clamp) {
                // value <= clamp < 2^63: multiply only while it cannot overflow, otherwise saturate
                value = value <= (Long.MAX_VALUE - 9) / 10 ? Math.min(value * 10 + (c - '0'), clamp) : clamp;
            }
            i++;
        }
        if (i == position) {
            return -1;
        }
        position = i;
        return value;
    }

    /** 1*DIGIT within {@code [min, max]}, else a parse error naming {@code what}. */
    public long expectNumber(String what, long min, long max) {
        int start = position;
        long value = consumeDigits(max == Long.MAX_VALUE ? max : max + 1);
        if (value < 0) {
            throw error("expected " + what);
        }
        if (value < min || value > max) {
            throw error(what + " out of range", start);
        }
        return value;
    }

    /**
     * quoted-string (RFC 3261 §25) at the cursor, returning its content with quoted-pairs unescaped; null (and no
     * move) if the cursor is not at DQUOTE. Throws on an unterminated string, a control character in qdtext, or a
     * quoted-pair of CR, LF or a non-ASCII character. Linear: one pass, at most one StringBuilder.
     */
    public String consumeQuotedString() {
        if (!lookingAt('"')) {
            return null;
        }
        int start = position;
        int i = position + 1;
        StringBuilder unescaped = null;
        int copied = i; // start of the run not yet copied into unescaped
        while (i < limit) {
            char c = input.charAt(i);
            if (c == '"') {
                position = i + 1;
                if (unescaped == null) {
                    return substring(start + 1, i);
                }
                return unescaped.append(input, copied, i).toString();
            }
            if (c == '\\') {
                // quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F)
                if (i + 1 >= limit) {
                    break;
                }
                char e = input.charAt(i + 1);
                if (e > 0x7F || e == '\r' || e == '\n') {
                    throw error("invalid quoted-pair", i);
                }
                if (unescaped == null) {
                    unescaped = new StringBuilder(i - start + 16);
                }
                unescaped.append(input, copied, i).append(e);
                i += 2;
                copied = i;
                continue;
            }
            // qdtext = LWS / %x21 / %x23-5B / %x5D-7E / UTF8-NONASCII
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                throw error("control character in quoted string", i);
            }
            i++;
        }
        throw error("unterminated quoted string", start);
    }

    /** quoted-string, else a parse error naming {@code what}. */
    public String expectQuotedString(String what) {
        String s = consumeQuotedString();
        if (s == null) {
            throw error("expected quoted " + what);
        }
        return s;
    }

    /** Throws unless the whole range has been read. */
    public void expectEnd(String what) {
        if (position < limit) {
            throw error("unexpected '" + printable(input.charAt(position)) + "' in " + what);
        }
    }

    private static String printable(char c) {
        if (c >= 0x20 && c < 0x7F) {
            return String.valueOf(c);
        }
        String hex = Integer.toHexString(c);
        return "\\u" + "0000".substring(hex.length()) + hex;
    }

    @Override
    public String toString() {
        return "SipScanner[" + position + "/" + limit + "]";
    }
}
