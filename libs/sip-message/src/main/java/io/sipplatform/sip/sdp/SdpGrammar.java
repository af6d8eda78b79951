package io.sipplatform.sip.sdp;

/**
 * Character classes and value grammars of RFC 8866 §9 shared by the parser (which throws
 * {@link io.sipplatform.sip.SipParseException}) and the record constructors (which throw
 * {@link IllegalArgumentException}), so both paths accept exactly the same text. Every check is a single pass with no
 * regex and no recursion.
 */
final class SdpGrammar {

    private SdpGrammar() {
    }

    private static final boolean[] TOKEN_CHARS = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            // RFC 8866 §9 token-char
            TOKEN_CHARS[c] = c == 0x21 || (c >= 0x23 && c <= 0x27) || c == 0x2A || c == 0x2B || c == 0x2D
                    || c == 0x2E || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x5E && c <= 0x7E);
        }
    }

    static boolean isTokenChar(char c) {
        return c < 128 && TOKEN_CHARS[c];
    }

    static boolean isToken(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // RFC 8866 §9 proto = token *("/" token)
    static boolean isProto(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '/') {
                if (i == start) {
                    return false;
                }
                start = i + 1;
            } else if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // RFC 8866 §9 non-ws-string = 1*(VCHAR / %x80-FF); as decoded text: anything above SP except DEL.
    static boolean isNonWsString(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigits(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The decimal value of {@code s} if it is 1*DIGIT and at most {@code max}, else -1. Never overflows. */
    static int parseBoundedInt(String s, int max) {
        if (s == null || s.isEmpty()) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
            if (value > max) {
                return -1;
            }
        }
        return (int) value;
    }

    // RFC 8866 §9 byte-string / text: no NUL, CR or LF, so a value can never start a new line.
    static boolean isLineText(String s) {
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf(0) < 0;
    }

    static boolean isAddrType(String addrType) {
        return "IP4".equals(addrType) || "IP6".equals(addrType);
    }

    /** RFC 8866 §9 connection-address for the given addrtype, multicast suffix included (IP4 /ttl[/n], IP6 /n). */
    static boolean isConnectionAddress(String addrType, String address) {
        if (address == null || address.isEmpty()) {
            return false;
        }
        int slash = address.indexOf('/');
        String host = slash < 0 ? address : address.substring(0, slash);
        if (!isUnicastHost(addrType, host)) {
            return false;
        }
        if (slash < 0) {
            return true;
        }
        String suffix = address.substring(slash + 1);
        int second = suffix.indexOf('/');
        boolean ip4 = "IP4".equals(addrType);
        if (second < 0) {
            // IP4: /ttl (RFC 8866 §5.7: 0..255); IP6: /number of addresses
            return ip4 ? parseBoundedInt(suffix, 255) >= 0 : parseBoundedInt(suffix, Integer.MAX_VALUE) > 0;
        }
        return ip4 && parseBoundedInt(suffix.substring(0, second), 255) >= 0
                && parseBoundedInt(suffix.substring(second + 1), Integer.MAX_VALUE) > 0;
    }

    /** An address literal of the addrtype, or an FQDN (RFC 8866 §9 unicast-address without extn-addr). */
    static boolean isUnicastHost(String addrType, String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        if ("IP4".equals(addrType)) {
            return looksNumeric(host) ? isIp4(host) : isFqdn(host);
        }
        if ("IP6".equals(addrType)) {
            return host.indexOf(':') >= 0 ? isIp6(host) : isFqdn(host);
        }
        return false;
    }

    private static boolean looksNumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return true;
    }

    static boolean isIp4(String s) {
        int parts = 0;
        int start = 0;
        int n = s.length();
        for (int i = 0; i <= n; i++) {
            if (i == n || s.charAt(i) == '.') {
                int len = i - start;
                if (len < 1 || len > 3 || parseBoundedInt(s.substring(start, i), 255) < 0) {
                    return false;
                }
                parts++;
                start = i + 1;
            }
        }
        return parts == 4;
    }

    // RFC 4291 §2.2 text forms: 8 groups, or fewer with one "::", optionally ending in dotted IPv4.
    static boolean isIp6(String s) {
        int n = s.length();
        if (n < 2 || n > 45) {
            return false;
        }
        int i = 0;
        int groups = 0;
        boolean compressed = false;
        if (s.startsWith("::")) {
            compressed = true;
            i = 2;
            if (n == 2) {
                return true;
            }
        } else if (s.charAt(0) == ':') {
            return false;
        }
        while (true) {
            int start = i;
            while (i < n && isHexDigit(s.charAt(i))) {
                i++;
            }
            if (i < n && s.charAt(i) == '.') {
                if (!isIp4(s.substring(start))) {
                    return false;
                }
                groups += 2;
                break;
            }
            int len = i - start;
            if (len == 0 || len > 4) {
                return false;
            }
            groups++;
            if (i == n) {
                break;
            }
            if (s.charAt(i) != ':') {
                return false;
            }
            i++;
            if (i == n) {
                return false;
            }
            if (s.charAt(i) == ':') {
                if (compressed) {
                    return false;
                }
                compressed = true;
                i++;
                if (i == n) {
                    break;
                }
            }
        }
        return compressed ? groups <= 7 : groups == 8;
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    // RFC 8866 §9 FQDN: 4*(alpha-numeric / "-" / "."); we also ask for one letter so "1.2.3" is not a host name.
    static boolean isFqdn(String s) {
        if (s.length() < 1 || s.length() > 255) {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            letter |= alpha;
            if (!alpha && !(c >= '0' && c <= '9') && c != '-' && c != '.') {
                return false;
            }
        }
        return letter;
    }

    // RFC 8866 §5.8 b=<bwtype>:<bandwidth>
    static boolean isBandwidth(String value) {
        int colon = value.indexOf(':');
        return colon > 0 && isToken(value.substring(0, colon)) && isDigits(value.substring(colon + 1));
    }

    /** The address type that fits a host literal: IP6 when it has a colon, else IP4 (literal or FQDN). */
    static String addrTypeOf(String host) {
        return host.indexOf(':') >= 0 ? "IP6" : "IP4";
    }

    static String requireNonWs(String value, String what) {
        if (!isNonWsString(value)) {
            throw new IllegalArgumentException(what + " must be a non-empty string without whitespace");
        }
        return value;
    }
}
