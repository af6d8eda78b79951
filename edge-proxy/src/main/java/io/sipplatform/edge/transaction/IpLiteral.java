package io.sipplatform.edge.transaction;

import io.sipplatform.sip.uri.Host;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IP literals of SIP text as addresses, never through DNS: a lookup would block the event loop, and
 * {@link InetAddress#getByName} queries DNS for text it does not take as a literal (IPv4 with leading zeros on
 * some JDKs), so IPv4 is parsed here and only bracketed IPv6 (which getByName never resolves) is left to the JDK.
 */
final class IpLiteral {
    private IpLiteral() {
    }

    /** The address of an IPv4address or IPv6reference, or null for a host name or anything else. */
    static InetAddress parse(String host) {
        if (host == null || host.isEmpty()) {
            return null;
        }
        if (host.charAt(0) == '[') {
            if (!Host.isIPv6Reference(host)) {
                return null;
            }
            try {
                return InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                return null;
            }
        }
        return ipv4(host);
    }

    // IPv4address = 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT (RFC 3261 §25), each at most 255
    private static InetAddress ipv4(String s) {
        byte[] octets = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) {
                    return null;
                }
            } else if (c == '.' && digits > 0 && part < 4) {
                octets[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        if (part != 4) {
            return null;
        }
        try {
            return InetAddress.getByAddress(octets);
        } catch (UnknownHostException e) {
            return null; // only for a wrong array length
        }
    }
}
