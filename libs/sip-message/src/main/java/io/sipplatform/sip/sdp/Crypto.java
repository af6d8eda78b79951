package io.sipplatform.sip.sdp;

/**
 * An SDES {@code a=crypto:<tag> <crypto-suite> <key-params> [<session-params>]} line (RFC 4568 §9.1). Read-only
 * view: rewrites never touch crypto lines, so keys pass through the relay unchanged.
 *
 * @param keyParams     the key parameters as sent, e.g. {@code inline:<key||salt>|2^20|1:4}
 * @param sessionParams the session parameters as sent, empty when there are none
 */
public record Crypto(int tag, String suite, String keyParams, String sessionParams) {

    public Crypto {
        if (tag < 0 || tag > 999_999_999) {
            throw new IllegalArgumentException("tag must be 1*9DIGIT");
        }
        if (!SdpGrammar.isToken(suite)) {
            throw new IllegalArgumentException("crypto-suite must be a token");
        }
        SdpGrammar.requireNonWs(keyParams, "key-params");
        if (sessionParams == null || !SdpGrammar.isLineText(sessionParams)) {
            throw new IllegalArgumentException("session-params must not be null or contain CR, LF or NUL");
        }
    }

    static Crypto parse(String attributeValue) {
        FieldScanner in = new FieldScanner(attributeValue, "a=crypto");
        String tagField = in.expectField("tag");
        String suite = in.expectField("crypto-suite");
        String keyParams = in.expectField("key-params");
        String sessionParams = in.consumeRest();
        // RFC 4568 §9.1 tag = 1*9DIGIT
        int tag = tagField.length() > 9 ? -1 : SdpGrammar.parseBoundedInt(tagField, 999_999_999);
        if (tag < 0) {
            throw in.error("tag must be 1 to 9 digits");
        }
        try {
            return new Crypto(tag, suite, keyParams, sessionParams);
        } catch (IllegalArgumentException e) {
            throw in.error(e.getMessage());
        }
    }

    @Override
    public String toString() {
        return tag + " " + suite + ' ' + keyParams + (sessionParams.isEmpty() ? "" : " " + sessionParams);
    }
}
