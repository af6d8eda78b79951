package io.sipplatform.sip.grammar;

/**
 * Character classes of the RFC 3261 §25 grammar as one lookup table of bit flags over US-ASCII. A class is an
 * {@code int} mask; {@link #is(char, int)} is true when the character belongs to any class in the mask, so
 * {@code is(c, ALPHA | DIGIT)} is {@code alphanum}. Characters at or above 0x80 belong to no class: the SIP grammar
 * admits them only inside quoted strings, comments and TEXT-UTF8, which callers handle themselves.
 */
public final class SipChars {
    /** ALPHA (RFC 5234). */
    public static final int ALPHA = 1;
    /** DIGIT. */
    public static final int DIGIT = 1 << 1;
    /** HEXDIG, upper or lower case (RFC 3261 §25 accepts both in escapes and IPv6 literals). */
    public static final int HEX = 1 << 2;
    /** token: alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~". */
    public static final int TOKEN = 1 << 3;
    /** mark: "-" / "_" / "." / "!" / "~" / "*" / "'" / "(" / ")". */
    public static final int MARK = 1 << 4;
    /** param-unreserved: "[" / "]" / "/" / ":" / "&" / "+" / "$". */
    public static final int PARAM_UNRESERVED = 1 << 5;
    /** hnv-unreserved: "[" / "]" / "/" / "?" / ":" / "+" / "$". */
    public static final int HNV_UNRESERVED = 1 << 6;
    /** user-unreserved: "&" / "=" / "+" / "$" / "," / ";" / "?" / "/". */
    public static final int USER_UNRESERVED = 1 << 7;
    /** The non-unreserved characters of password: "&" / "=" / "+" / "$" / ",". */
    public static final int PASSWORD_UNRESERVED = 1 << 8;
    /** word (Call-ID, RFC 3261 §25): token characters plus ( ) &lt; &gt; : \ DQUOTE / [ ] ? { }. */
    public static final int WORD = 1 << 9;
    /** Characters of a hostname or IPv4address: alphanum / "-" / ".". */
    public static final int HOSTNAME = 1 << 10;
    /** RFC 3986 unreserved / gen-delims / sub-delims: the literal characters of any URI ("%" handled apart). */
    public static final int URI = 1 << 11;
    /** SP / HTAB. */
    public static final int WSP = 1 << 12;

    /** alphanum. */
    public static final int ALPHANUM = ALPHA | DIGIT;
    /** unreserved (RFC 3261 §25): alphanum / mark. */
    public static final int UNRESERVED = ALPHA | DIGIT | MARK;

    private static final short[] TABLE = new short[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            TABLE[c] |= ALPHA | TOKEN | WORD | HOSTNAME | URI;
            TABLE[Character.toUpperCase(c)] |= ALPHA | TOKEN | WORD | HOSTNAME | URI;
        }
        for (char c = '0'; c <= '9'; c++) {
            TABLE[c] |= DIGIT | HEX | TOKEN | WORD | HOSTNAME | URI;
        }
        for (char c : "abcdefABCDEF".toCharArray()) {
            TABLE[c] |= HEX;
        }
        mark("-.!%*_+`'~", TOKEN | WORD);
        mark("()<>:\\\"/[]?{}", WORD);
        mark("-_.!~*'()", MARK);
        mark("[]/:&+$", PARAM_UNRESERVED);
        mark("[]/?:+$", HNV_UNRESERVED);
        mark("&=+$,;?/", USER_UNRESERVED);
        mark("&=+$,", PASSWORD_UNRESERVED);
        mark("-.", HOSTNAME);
        mark("-._~:/?#[]@!$&'()*+,;=", URI);
        mark(" \t", WSP);
    }

    private SipChars() {
    }

    private static void mark(String chars, int classes) {
        for (int i = 0; i < chars.length(); i++) {
            TABLE[chars.charAt(i)] |= (short) classes;
        }
    }

    /** True when {@code c} belongs to any of the classes in {@code classes}. */
    public static boolean is(char c, int classes) {
        return c < 128 && (TABLE[c] & classes) != 0;
    }

    /** True when every character of {@code s[from, to)} belongs to a class in {@code classes}; false if empty. */
    public static boolean isAll(CharSequence s, int from, int to, int classes) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!is(s.charAt(i), classes)) {
                return false;
            }
        }
        return true;
    }

    public static boolean isAlpha(char c) {
        return is(c, ALPHA);
    }

    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    public static boolean isHexDigit(char c) {
        return is(c, HEX);
    }

    public static boolean isAlphanum(char c) {
        return is(c, ALPHANUM);
    }

    public static boolean isTokenChar(char c) {
        return is(c, TOKEN);
    }

    public static boolean isMark(char c) {
        return is(c, MARK);
    }

    public static boolean isUnreserved(char c) {
        return is(c, UNRESERVED);
    }

    public static boolean isParamUnreserved(char c) {
        return is(c, PARAM_UNRESERVED);
    }

    public static boolean isHnvUnreserved(char c) {
        return is(c, HNV_UNRESERVED);
    }

    public static boolean isUserUnreserved(char c) {
        return is(c, USER_UNRESERVED);
    }

    public static boolean isWordChar(char c) {
        return is(c, WORD);
    }

    public static boolean isWsp(char c) {
        return c == ' ' || c == '\t';
    }

    /** token (RFC 3261 §25): one or more token characters; false for null or empty. */
    public static boolean isToken(CharSequence s) {
        return s != null && isAll(s, 0, s.length(), TOKEN);
    }

    /** word (RFC 3261 §25, the halves of a Call-ID); false for null or empty. */
    public static boolean isWord(CharSequence s) {
        return s != null && isAll(s, 0, s.length(), WORD);
    }

    /** Value of a hex digit, or -1 if {@code c} is not one. */
    public static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** US-ASCII lower case of {@code c}; other characters unchanged (no locale, no Unicode folding). */
    public static char toLowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** US-ASCII lower case of {@code s}, returning {@code s} itself when it has no upper-case letter. */
    public static String toLowerAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] out = s.toCharArray();
                for (int j = i; j < out.length; j++) {
                    out[j] = toLowerAscii(out[j]);
                }
                return new String(out);
            }
        }
        return s;
    }

    /** US-ASCII upper case of {@code s}, returning {@code s} itself when it has no lower-case letter. */
    public static String toUpperAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                char[] out = s.toCharArray();
                for (int j = i; j < out.length; j++) {
                    char d = out[j];
                    out[j] = d >= 'a' && d <= 'z' ? (char) (d - 32) : d;
                }
                return new String(out);
            }
        }
        return s;
    }

    /**
     * Case-insensitive comparison that folds US-ASCII letters only. SIP names are case-insensitive in ASCII
     * (RFC 3261 §7.3.1); {@link String#equalsIgnoreCase} would also fold e.g. KELVIN SIGN to "k".
     */
    public static boolean equalsIgnoreCaseAscii(CharSequence a, CharSequence b) {
        if (a == null || b == null) {
            return a == b;
        }
        int n = a.length();
        if (n != b.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y && toLowerAscii(x) != toLowerAscii(y)) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code s[from, to)} equals {@code expected} ignoring US-ASCII case. */
    public static boolean regionEqualsIgnoreCaseAscii(CharSequence s, int from, int to, String expected) {
        if (to - from != expected.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char x = s.charAt(i);
            char y = expected.charAt(i - from);
            if (x != y && toLowerAscii(x) != toLowerAscii(y)) {
                return false;
            }
        }
        return true;
    }
}
