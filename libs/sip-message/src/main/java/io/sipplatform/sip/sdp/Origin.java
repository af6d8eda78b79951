package io.sipplatform.sip.sdp;

/**
 * The {@code o=} line (RFC 8866 §5.2). Session id and version stay decimal strings: UAs put NTP timestamps there,
 * which do not fit a signed long.
 */
public record Origin(String username, String sessionId, String sessionVersion, String netType, String addrType,
                     String unicastAddress) {

    public Origin {
        SdpGrammar.requireNonWs(username, "username");
        if (!SdpGrammar.isDigits(sessionId) || !SdpGrammar.isDigits(sessionVersion)) {
            throw new IllegalArgumentException("sess-id and sess-version must be decimal digits");
        }
        if (!SdpGrammar.isToken(netType) || !SdpGrammar.isToken(addrType)) {
            throw new IllegalArgumentException("nettype and addrtype must be tokens");
        }
        SdpGrammar.requireNonWs(unicastAddress, "unicast-address");
    }

    static Origin parse(String value) {
        FieldScanner in = new FieldScanner(value, "o= line");
        String username = in.expectField("username");
        String sessionId = in.expectField("sess-id");
        String sessionVersion = in.expectField("sess-version");
        String netType = in.expectField("nettype");
        String addrType = in.expectField("addrtype");
        String address = in.expectField("unicast-address");
        in.expectEnd();
        try {
            return new Origin(username, sessionId, sessionVersion, netType, addrType, address);
        } catch (IllegalArgumentException e) {
            throw in.error(e.getMessage());
        }
    }

    /** This origin with sess-version plus one (RFC 3264 §8: every changed offer increments it). */
    public Origin withSessionVersionIncremented() {
        char[] digits = sessionVersion.toCharArray();
        int i = digits.length - 1;
        while (i >= 0 && digits[i] == '9') {
            digits[i] = '0';
            i--;
        }
        String next;
        if (i < 0) {
            next = "1" + new String(digits);
        } else {
            digits[i]++;
            next = new String(digits);
        }
        return new Origin(username, sessionId, next, netType, addrType, unicastAddress);
    }

    /** The o= value, e.g. {@code - 20518 0 IN IP4 203.0.113.1}. */
    @Override
    public String toString() {
        return username + ' ' + sessionId + ' ' + sessionVersion + ' ' + netType + ' ' + addrType + ' '
                + unicastAddress;
    }
}
