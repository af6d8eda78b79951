package io.sipplatform.sip.uri;

import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.grammar.SipChars;

import java.util.Objects;

/**
 * A URI of a scheme other than sip, sips and tel (absoluteURI, RFC 3261 §25), kept as written. The edge does not
 * route on these (it answers 416 Unsupported URI Scheme, RFC 3261 §8.2.2.1); it only needs to recognise and carry
 * them. Validation is the RFC 3986 character set: a scheme, ":", then one or more URI characters or %-escapes.
 *
 * @param scheme the scheme in lower case (null when constructing: taken from {@code raw})
 * @param raw    the whole URI exactly as written, scheme included
 */
public record AbsoluteUri(String scheme, String raw) implements Uri {
    public AbsoluteUri {
        Objects.requireNonNull(raw, "raw");
        int colon;
        try {
            colon = schemeEnd(raw, 0, raw.length());
            checkRest(raw, colon + 1, raw.length());
        } catch (SipParseException e) {
            throw new IllegalArgumentException(e.getMessage() + ": " + raw);
        }
        String rawScheme = SipChars.toLowerAscii(raw.substring(0, colon));
        if (scheme != null && !SipChars.equalsIgnoreCaseAscii(scheme, rawScheme)) {
            throw new IllegalArgumentException("scheme " + scheme + " does not match " + raw);
        }
        scheme = rawScheme;
        if (isSpecificScheme(raw, 0, colon)) {
            throw new IllegalArgumentException("use SipUri or TelUri for " + scheme + " URIs");
        }
    }

    /** Parses a URI that must not be sip, sips or tel (those have their own types). */
    public static AbsoluteUri parse(String text) {
        if (text == null) {
            throw new SipParseException("missing URI", -1);
        }
        int colon = schemeEnd(text, 0, text.length());
        if (isSpecificScheme(text, 0, colon)) {
            throw new SipParseException("not an absolute URI of another scheme", 0);
        }
        return parseAfterScheme(text, 0, colon, text.length());
    }

    static AbsoluteUri parseAfterScheme(CharSequence text, int from, int colon, int to) {
        checkRest(text, colon + 1, to);
        String raw = text.subSequence(from, to).toString();
        return new AbsoluteUri(null, raw);
    }

    @Override
    public String toString() {
        return raw;
    }

    /**
     * Index of the ':' that ends the scheme at {@code from}: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
     * (RFC 3986 §3.1). Throws when there is no scheme.
     */
    static int schemeEnd(CharSequence text, int from, int to) {
        if (from >= to || !SipChars.isAlpha(text.charAt(from))) {
            throw new SipParseException("URI has no scheme", from);
        }
        for (int i = from + 1; i < to; i++) {
            char c = text.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!SipChars.isAlphanum(c) && c != '+' && c != '-' && c != '.') {
                break;
            }
        }
        throw new SipParseException("URI has no scheme", from);
    }

    private static boolean isSpecificScheme(CharSequence text, int from, int colon) {
        return SipChars.regionEqualsIgnoreCaseAscii(text, from, colon, "sip")
                || SipChars.regionEqualsIgnoreCaseAscii(text, from, colon, "sips")
                || SipChars.regionEqualsIgnoreCaseAscii(text, from, colon, "tel");
    }

    // one or more RFC 3986 URI characters or pct-encoded octets
    private static void checkRest(CharSequence text, int from, int to) {
        if (from >= to) {
            throw new SipParseException("empty URI after scheme", from);
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= to || !SipChars.isHexDigit(text.charAt(i + 1))
                        || !SipChars.isHexDigit(text.charAt(i + 2))) {
                    throw new SipParseException("invalid escape in URI", i);
                }
                i += 2;
            } else if (!SipChars.is(c, SipChars.URI)) {
                throw new SipParseException("invalid character in URI", i);
            }
        }
    }
}
