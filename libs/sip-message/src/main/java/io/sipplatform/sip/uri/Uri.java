package io.sipplatform.sip.uri;

import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.grammar.SipChars;

/**
 * A URI as SIP carries it in a Request-URI or an addr-spec (RFC 3261 §25): a {@link SipUri} for "sip" and "sips",
 * a {@link TelUri} for "tel" (RFC 3966), and an {@link AbsoluteUri} kept verbatim for any other scheme. The scheme
 * is matched case-insensitively; text without a scheme is not a URI.
 */
public sealed interface Uri permits SipUri, TelUri, AbsoluteUri {

    /** The scheme in lower case: "sip", "sips", "tel", or the scheme of an {@link AbsoluteUri}. */
    String scheme();

    /** Parses a whole URI; surrounding whitespace is not part of a URI and is rejected. */
    static Uri parse(String text) {
        if (text == null) {
            throw new SipParseException("missing URI", -1);
        }
        return parse(text, 0, text.length());
    }

    /** Parses {@code text[from, to)}; exception offsets are indexes into {@code text}. */
    static Uri parse(CharSequence text, int from, int to) {
        int colon = AbsoluteUri.schemeEnd(text, from, to);
        if (SipChars.regionEqualsIgnoreCaseAscii(text, from, colon, "sip")) {
            return SipUri.parseAfterScheme(text, colon + 1, to, false);
        }
        if (SipChars.regionEqualsIgnoreCaseAscii(text, from, colon, "sips")) {
            return SipUri.parseAfterScheme(text, colon + 1, to, true);
        }
        if (SipChars.regionEqualsIgnoreCaseAscii(text, from, colon, "tel")) {
            return TelUri.parseAfterScheme(text, colon + 1, to);
        }
        return AbsoluteUri.parseAfterScheme(text, from, colon, to);
    }
}
