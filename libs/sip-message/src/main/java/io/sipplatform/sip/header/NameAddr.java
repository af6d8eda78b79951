package io.sipplatform.sip.header;

import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.grammar.SipChars;
import io.sipplatform.sip.grammar.SipScanner;
import io.sipplatform.sip.uri.Uri;

import java.util.List;
import java.util.Objects;

/**
 * One value of From, To, Contact, Route, Record-Route or Path: ( name-addr / addr-spec ) *( SEMI generic-param )
 * (RFC 3261 §25). In the addr-spec form the parameters after the URI belong to the header, not to the URI
 * (RFC 3261 §20.10), so such a URI cannot hold ',', ';' or '?' and ends at the first ';'. {@link #toString()}
 * always writes the name-addr form.
 *
 * @param displayName the display name unquoted and unescaped, or null when absent
 * @param uri         the address
 * @param params      header parameters (tag, expires, q, ...) in order; quoted values held unquoted
 */
public record NameAddr(String displayName, Uri uri, List<Param> params) {
    public NameAddr {
        Objects.requireNonNull(uri, "uri");
        if (displayName != null && !Params.isQuotable(displayName)) {
            throw new IllegalArgumentException("display name contains CR or LF");
        }
        params = Params.requireHeaderParams(params);
    }

    public NameAddr(Uri uri) {
        this(null, uri, List.of());
    }

    /** Parses one value, e.g. {@code "Bob" <sip:b@x>;tag=1}, {@code Bob <sip:b@x>} or {@code sip:b@x;tag=1}. */
    public static NameAddr parse(String value) {
        SipScanner s = SipScanner.trimmed(value);
        NameAddr result = parse(s);
        s.skipSpaces();
        s.expectEnd("name-addr");
        return result;
    }

    /**
     * Parses one value that must be in the name-addr form, as route-param of Route and Record-Route
     * (RFC 3261 §25) and Path (RFC 3327) require: an addr-spec there would turn URI parameters such as lr into
     * header parameters.
     */
    public static NameAddr parseNameAddr(String value) {
        SipScanner s = SipScanner.trimmed(value);
        NameAddr result = parse(s, true);
        s.skipSpaces();
        s.expectEnd("name-addr");
        return result;
    }

    /**
     * Parses one name-addr or addr-spec with its parameters at the scanner's position (after any SP / HTAB) and
     * stops after the last parameter, e.g. before the ',' that separates it from the next value of a list.
     */
    public static NameAddr parse(SipScanner s) {
        return parse(s, false);
    }

    private static NameAddr parse(SipScanner s, boolean nameAddrOnly) {
        s.skipSpaces();
        String displayName = null;
        boolean angle;
        if (s.lookingAt('"')) {
            displayName = s.consumeQuotedString();
            s.skipSpaces();
            if (!s.lookingAt('<')) {
                throw s.error("expected '<' after display name");
            }
            angle = true;
        } else if (s.lookingAt('<')) {
            angle = true;
        } else {
            // display-name = *(token LWS), or the scheme of an addr-spec: decided by whether '<' follows
            int start = s.position();
            int lastTokenEnd = -1;
            while (s.skipToken()) {
                lastTokenEnd = s.position();
                if (!s.consumeLws()) {
                    break;
                }
            }
            angle = lastTokenEnd >= 0 && s.lookingAt('<');
            if (angle) {
                displayName = s.substring(start, lastTokenEnd);
            } else if (nameAddrOnly) {
                throw s.error("expected '<'", start);
            } else {
                s.reset(start);
            }
        }

        Uri uri = angle ? angleUri(s) : addrSpec(s);
        return new NameAddr(displayName, uri, Params.parseGenericParams(s));
    }

    // LAQUOT addr-spec RAQUOT: a URI holds no '>', so the first one closes it
    private static Uri angleUri(SipScanner s) {
        int open = s.position();
        int limit = s.limit();
        int close = open + 1;
        while (close < limit && s.charAt(close) != '>') {
            close++;
        }
        if (close >= limit) {
            throw s.error("unterminated '<'", open);
        }
        Uri uri = Uri.parse(s.input(), open + 1, close);
        s.reset(close + 1);
        return uri;
    }

    // addr-spec outside angle brackets (RFC 3261 §20.10): ';' starts the header parameters and ',' the next value
    // of a list, so the URI ends at either (or at SWS); a '?' would be ambiguous too and is refused
    private static Uri addrSpec(SipScanner s) {
        int start = s.position();
        int limit = s.limit();
        int end = start;
        while (end < limit) {
            char c = s.charAt(end);
            if (c == ';' || c == ',' || SipChars.isWsp(c)) {
                break;
            }
            if (c == '?') {
                throw s.error("a URI with '?' must be enclosed in '<' '>'", end);
            }
            end++;
        }
        if (end == start) {
            throw s.error("expected name-addr or addr-spec");
        }
        Uri uri = Uri.parse(s.input(), start, end);
        s.reset(end);
        return uri;
    }

    /** The tag parameter (RFC 3261 §19.3), or null. */
    public String tag() {
        return Params.get(params, "tag");
    }

    /** Value of the first header parameter named {@code name} (case-insensitive), or null if absent or a flag. */
    public String param(String name) {
        return Params.get(params, name);
    }

    public boolean hasParam(String name) {
        return Params.has(params, name);
    }

    public NameAddr withTag(String tag) {
        if (!SipChars.isToken(tag)) {
            throw new IllegalArgumentException("tag is not a token: " + tag);
        }
        return withParam("tag", tag);
    }

    /** This value with header parameter {@code name} set to {@code value} (null for a flag), replacing any. */
    public NameAddr withParam(String name, String value) {
        return new NameAddr(displayName, uri, Params.with(params, name, value));
    }

    public NameAddr withoutParam(String name) {
        return new NameAddr(displayName, uri, Params.without(params, name));
    }

    public NameAddr withUri(Uri newUri) {
        return new NameAddr(displayName, newUri, params);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(64);
        appendTo(out);
        return out.toString();
    }

    /**
     * Appends the name-addr form: the display name bare when it is tokens separated by single spaces, quoted
     * otherwise; the URI in angle brackets; the parameters.
     */
    public void appendTo(StringBuilder out) {
        if (displayName != null) {
            if (isTokenSequence(displayName)) {
                out.append(displayName);
            } else {
                Params.appendQuoted(out, displayName);
            }
            out.append(' ');
        }
        out.append('<').append(uri).append('>');
        Params.appendTo(out, params);
    }

    private static boolean isTokenSequence(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ' ? s.charAt(i - 1) == ' ' : !SipChars.isTokenChar(c)) {
                return false;
            }
        }
        return true;
    }
}
