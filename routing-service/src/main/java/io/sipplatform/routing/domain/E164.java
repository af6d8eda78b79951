package io.sipplatform.routing.domain;

/** E.164 numbers as text: '+' then up to 15 digits, the first not 0 (ITU-T E.164 §6.1). */
public final class E164 {
    /** Most digits an E.164 number has (ITU-T E.164 §6.1). */
    public static final int MAX_DIGITS = 15;

    private E164() {
    }

    /** True for '+' followed by 1..15 digits, the first of them 1-9. */
    public static boolean isE164(String s) {
        return s != null && s.length() >= 2 && s.length() <= MAX_DIGITS + 1 && s.charAt(0) == '+'
                && s.charAt(1) != '0' && allDigits(s, 1);
    }

    /** True for '+' followed by 0..15 digits: a route or rule prefix ("+" alone matches every number). */
    public static boolean isPrefix(String s) {
        return s != null && !s.isEmpty() && s.length() <= MAX_DIGITS + 1 && s.charAt(0) == '+' && allDigits(s, 1);
    }

    static boolean allDigits(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The dialled string without visual separators ('-', '.', '(', ')' and space, RFC 3966 §5.1.1), or null when
     * anything other than digits, a leading '+', '*' or '#' remains. Linear, no regex.
     */
    public static String dialString(String user) {
        if (user == null || user.isEmpty() || user.length() > 64) {
            return null;
        }
        StringBuilder out = new StringBuilder(user.length());
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            if (c >= '0' && c <= '9' || c == '*' || c == '#') {
                out.append(c);
            } else if (c == '+' && out.length() == 0) {
                out.append(c);
            } else if (c != '-' && c != '.' && c != '(' && c != ')' && c != ' ') {
                return null;
            }
        }
        return out.length() == 0 || out.length() == 1 && out.charAt(0) == '+' ? null : out.toString();
    }
}
