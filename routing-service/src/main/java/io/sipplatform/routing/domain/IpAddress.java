package io.sipplatform.routing.domain;

import io.sipplatform.sip.uri.Host;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** IP literals as bytes (4 for IPv4, 16 for IPv6); never resolves names. */
final class IpAddress {
    private IpAddress() {
    }

    /**
     * The address bytes of an IPv4 dotted quad or an IPv6 literal (brackets allowed), or null for anything else,
     * including host names: no DNS lookup ever happens here.
     */
    static byte[] parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return null;
        }
        if (Host.isIPv4Address(text, 0, text.length())) {
            byte[] out = new byte[4];
            int octet = 0;
            int value = 0;
            for (int i = 0; i <= text.length(); i++) {
                if (i == text.length() || text.charAt(i) == '.') {
                    out[octet++] = (byte) value;
                    value = 0;
                } else {
                    value = value * 10 + text.charAt(i) - '0'; // leading zeros are decimal, never octal
                }
            }
            return out;
        }
        String literal = text;
        if (literal.charAt(0) == '[' && literal.charAt(literal.length() - 1) == ']') {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (!Host.isIPv6Address(literal)) {
            return null;
        }
        try {
            // A validated literal: getByName parses it without a lookup.
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            return bytes.length == 16 || bytes.length == 4 ? bytes : null;
        } catch (UnknownHostException | RuntimeException e) {
            return null;
        }
    }
}
