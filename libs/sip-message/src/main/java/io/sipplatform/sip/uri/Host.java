package io.sipplatform.sip.uri;

import io.sipplatform.sip.grammar.SipChars;

/**
 * The host rule of RFC 3261 §25 (hostname / IPv4address / IPv6reference) as validators over a range, so parsers
 * check a host where it stands without copying it first.
 *
 * <p>IPv6address follows RFC 3986 §3.2.2, which RFC 5954 made the SIP rule: eight 16-bit groups, or fewer with
 * exactly one "::", optionally ending in an IPv4address that counts as two groups. The RFC 3261 ABNF (from RFC 2373)
 * also derives "::" ":" IPv4address, e.g. {@code [2001:db8:::192.0.2.1]}; RFC 5118 §4.10 asks receivers to accept
 * that form, so it is accepted here and nothing else beyond RFC 3986.
 */
public final class Host {
    private Host() {
    }

    /** host = hostname / IPv4address / IPv6reference. */
    public static boolean isHost(CharSequence s) {
        return s != null && isHost(s, 0, s.length());
    }

    public static boolean isHost(CharSequence s, int from, int to) {
        if (from >= to) {
            return false;
        }
        if (s.charAt(from) == '[') {
            return isIPv6Reference(s, from, to);
        }
        return isIPv4Address(s, from, to) || isHostname(s, from, to);
    }

    /** IPv4address or IPv6reference. */
    public static boolean isIpLiteral(CharSequence s) {
        return s != null && (isIPv4Address(s, 0, s.length()) || isIPv6Reference(s, 0, s.length()));
    }

    /** hostname = *( domainlabel "." ) toplabel [ "." ] (RFC 3261 §25). */
    public static boolean isHostname(CharSequence s, int from, int to) {
        if (from < to && s.charAt(to - 1) == '.') {
            to--; // the optional trailing dot of a fully qualified name
        }
        if (from >= to) {
            return false;
        }
        int labelStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || s.charAt(i) == '.') {
                if (!isLabel(s, labelStart, i)) {
                    return false;
                }
                if (i == to) {
                    return SipChars.isAlpha(s.charAt(labelStart)); // toplabel starts with ALPHA
                }
                labelStart = i + 1;
            }
        }
        return false;
    }

    // domainlabel = alphanum / alphanum *( alphanum / "-" ) alphanum
    private static boolean isLabel(CharSequence s, int from, int to) {
        if (from >= to || !SipChars.isAlphanum(s.charAt(from)) || !SipChars.isAlphanum(s.charAt(to - 1))) {
            return false;
        }
        for (int i = from + 1; i < to - 1; i++) {
            char c = s.charAt(i);
            if (c != '-' && !SipChars.isAlphanum(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * IPv4address = 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT, each at most 255 (RFC 3986 dec-octet range;
     * RFC 3261 leaves the range implicit). Leading zeros are accepted as RFC 3261 writes it.
     */
    public static boolean isIPv4Address(CharSequence s, int from, int to) {
        int i = from;
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (i >= to || s.charAt(i) != '.') {
                    return false;
                }
                i++;
            }
            int start = i;
            int value = 0;
            while (i < to && i - start < 4 && SipChars.isDigit(s.charAt(i))) {
                value = value * 10 + s.charAt(i) - '0';
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 3 || value > 255) {
                return false;
            }
        }
        return i == to;
    }

    /** IPv6reference = "[" IPv6address "]". */
    public static boolean isIPv6Reference(CharSequence s, int from, int to) {
        return to - from >= 4 && s.charAt(from) == '[' && s.charAt(to - 1) == ']'
                && isIPv6Address(s, from + 1, to - 1);
    }

    public static boolean isIPv6Reference(CharSequence s) {
        return s != null && isIPv6Reference(s, 0, s.length());
    }

    public static boolean isIPv6Address(CharSequence s) {
        return s != null && isIPv6Address(s, 0, s.length());
    }

    /** IPv6address, see the class comment for the accepted forms. */
    public static boolean isIPv6Address(CharSequence s, int from, int to) {
        return ipv6Groups(s, from, to, null);
    }

    /**
     * The eight 16-bit groups of an IPv6address or IPv6reference, for comparing addresses by value (RFC 5954 §4);
     * null if {@code s} is neither.
     */
    static int[] ipv6Value(CharSequence s) {
        int from = 0;
        int to = s.length();
        if (to >= 2 && s.charAt(0) == '[' && s.charAt(to - 1) == ']') {
            from = 1;
            to--;
        }
        int[] groups = new int[8];
        return ipv6Groups(s, from, to, groups) ? groups : null;
    }

    /**
     * Validates {@code s[from, to)} as an IPv6address; when {@code out} is not null also fills its 8 groups.
     * One pass: groups before "::" go to the front, groups after it are shifted to the back at the end.
     */
    private static boolean ipv6Groups(CharSequence s, int from, int to, int[] out) {
        if (to - from < 2) {
            return false;
        }
        int groups = 0;
        int gapAt = -1; // number of groups before "::", or -1 if there is none
        int i = from;
        if (s.charAt(i) == ':') {
            if (s.charAt(i + 1) != ':') {
                return false;
            }
            gapAt = 0;
            i += 2;
            if (i == to) {
                return finish(out, groups, gapAt);
            }
            if (s.charAt(i) == ':' && !isIPv4Address(s, i + 1, to)) {
                return false;
            }
            if (s.charAt(i) == ':') {
                i++; // RFC 5118 §4.10: ":::" before an IPv4address
            }
        }
        while (true) {
            int start = i;
            int value = 0;
            while (i < to && i - start < 5 && SipChars.isHexDigit(s.charAt(i))) {
                value = value << 4 | SipChars.hexValue(s.charAt(i));
                i++;
            }
            if (i < to && s.charAt(i) == '.') {
                // ls32 as IPv4address: must end the address and fit in the last two groups
                if (!isIPv4Address(s, start, to) || groups > 6) {
                    return false;
                }
                if (out != null) {
                    int octets = ipv4Value(s, start, to);
                    out[groups] = octets >>> 16;
                    out[groups + 1] = octets & 0xFFFF;
                }
                groups += 2;
                return finish(out, groups, gapAt);
            }
            int digits = i - start;
            if (digits == 0 || digits > 4 || groups == 8) {
                return false;
            }
            if (out != null) {
                out[groups] = value;
            }
            groups++;
            if (i == to) {
                return finish(out, groups, gapAt);
            }
            if (s.charAt(i) != ':') {
                return false;
            }
            i++;
            if (i < to && s.charAt(i) == ':') {
                if (gapAt >= 0) {
                    return false; // a second "::"
                }
                gapAt = groups;
                i++;
                if (i == to) {
                    return finish(out, groups, gapAt);
                }
                if (s.charAt(i) == ':') {
                    if (!isIPv4Address(s, i + 1, to)) {
                        return false;
                    }
                    i++; // RFC 5118 §4.10: ":::" before an IPv4address
                }
            } else if (i == to) {
                return false; // a trailing single ':'
            }
        }
    }

    private static boolean finish(int[] out, int groups, int gapAt) {
        if (gapAt < 0 ? groups != 8 : groups > 7) {
            return false;
        }
        if (out != null && gapAt >= 0) {
            int tail = groups - gapAt;
            System.arraycopy(out, gapAt, out, 8 - tail, tail);
            for (int k = gapAt; k < 8 - tail; k++) {
                out[k] = 0;
            }
        }
        return true;
    }

    private static int ipv4Value(CharSequence s, int from, int to) {
        int result = 0;
        int octet = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                result = result << 8 | octet;
                octet = 0;
            } else {
                octet = octet * 10 + c - '0';
            }
        }
        return result << 8 | octet;
    }
}
