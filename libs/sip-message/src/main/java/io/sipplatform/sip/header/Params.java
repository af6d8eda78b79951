package io.sipplatform.sip.header;

import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.grammar.SipChars;
import io.sipplatform.sip.grammar.SipScanner;
import io.sipplatform.sip.uri.Host;

import java.util.ArrayList;
import java.util.List;

/**
 * Operations on parameter lists: case-insensitive lookup, copy-on-write changes, the generic-param rule of
 * RFC 3261 §25 and its rendering. Lists are small (a handful of parameters), so lookups are linear scans.
 */
public final class Params {
    private Params() {
    }

    /** The first parameter named {@code name} (ASCII case-insensitive), or null. */
    public static Param find(List<Param> params, String name) {
        for (int i = 0, n = params.size(); i < n; i++) {
            Param p = params.get(i);
            if (p.is(name)) {
                return p;
            }
        }
        return null;
    }

    /** The value of the first parameter named {@code name}, or null if absent or a flag. */
    public static String get(List<Param> params, String name) {
        Param p = find(params, name);
        return p == null ? null : p.value();
    }

    public static boolean has(List<Param> params, String name) {
        return find(params, name) != null;
    }

    /**
     * A copy of {@code params} where the first parameter named {@code name} has {@code value} (null for a flag) and
     * later ones of that name are gone; appended when absent.
     */
    public static List<Param> with(List<Param> params, String name, String value) {
        Param replacement = new Param(name, value);
        List<Param> out = new ArrayList<>(params.size() + 1);
        boolean replaced = false;
        for (Param p : params) {
            if (!p.is(name)) {
                out.add(p);
            } else if (!replaced) {
                out.add(replacement);
                replaced = true;
            }
        }
        if (!replaced) {
            out.add(replacement);
        }
        return List.copyOf(out);
    }

    /** A copy of {@code params} without any parameter named {@code name}. */
    public static List<Param> without(List<Param> params, String name) {
        if (!has(params, name)) {
            return params;
        }
        List<Param> out = new ArrayList<>(params.size());
        for (Param p : params) {
            if (!p.is(name)) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Renders {@code ;name=value} for each parameter, {@code ;name} for flags. A value is written bare when it is
     * a token or an IPv6reference (both are gen-value forms), otherwise as a quoted-string, e.g.
     * {@code +sip.instance="<urn:uuid:...>"}.
     */
    public static void appendTo(StringBuilder out, List<Param> params) {
        for (int i = 0, n = params.size(); i < n; i++) {
            Param p = params.get(i);
            out.append(';').append(p.name());
            if (p.value() != null) {
                out.append('=');
                appendGenValue(out, p.value());
            }
        }
    }

    /** gen-value = token / host / quoted-string: bare when a token or IPv6reference, else quoted. */
    public static void appendGenValue(StringBuilder out, String value) {
        if (SipChars.isToken(value) || Host.isIPv6Reference(value)) {
            out.append(value);
        } else {
            appendQuoted(out, value);
        }
    }

    /** token / quoted-string (e.g. m-value, auth-param): bare when a token, else quoted. */
    public static void appendTokenOrQuoted(StringBuilder out, String value) {
        if (SipChars.isToken(value)) {
            out.append(value);
        } else {
            appendQuoted(out, value);
        }
    }

    /**
     * quoted-string (RFC 3261 §25): DQUOTE, the text with '"', '\' and control characters other than HTAB as
     * quoted-pairs, DQUOTE. CR and LF cannot be quoted; values are checked for them when built.
     */
    public static void appendQuoted(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || (c < 0x20 && c != '\t') || c == 0x7F) {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    /** True when {@code text} can be written as a quoted-string: it has no CR or LF. */
    static boolean isQuotable(String text) {
        return text.indexOf('\r') < 0 && text.indexOf('\n') < 0;
    }

    /**
     * *( SEMI generic-param ) at the scanner's position (RFC 3261 §25): SWS ";" SWS token [ SWS "=" SWS gen-value ],
     * gen-value = token / host / quoted-string. Stops before anything that does not start with ";" after SWS.
     */
    public static List<Param> parseGenericParams(SipScanner s) {
        return parse(s, null, false);
    }

    /**
     * The parameter loop shared by header values.
     *
     * @param bareIPv6Name the one parameter whose value may also be an IPv6address without brackets
     *                     (via-received, RFC 3261 §25), or null
     * @param tokenValues  values are token / quoted-string only and required (m-parameter, RFC 3261 §25)
     */
    static List<Param> parse(SipScanner s, String bareIPv6Name, boolean tokenValues) {
        List<Param> params = null;
        while (true) {
            int save = s.position();
            s.skipSpaces();
            if (!s.consumeChar(';')) {
                s.reset(save);
                break;
            }
            s.skipSpaces();
            String name = s.expectToken("parameter name");
            int afterName = s.position();
            s.skipSpaces();
            String value = null;
            if (s.consumeChar('=')) {
                s.skipSpaces();
                boolean bareIPv6 = bareIPv6Name != null && SipChars.equalsIgnoreCaseAscii(name, bareIPv6Name);
                value = s.lookingAt('"') ? s.consumeQuotedString() : genValue(s, bareIPv6, tokenValues);
            } else if (tokenValues) {
                throw s.error("expected '=' after parameter " + name);
            } else {
                s.reset(afterName);
            }
            if (params == null) {
                params = new ArrayList<>(4);
            }
            params.add(new Param(name, value));
        }
        return params == null ? List.of() : List.copyOf(params);
    }

    private static String genValue(SipScanner s, boolean bareIPv6, boolean tokenOnly) {
        int start = s.position();
        int end = start;
        int limit = s.limit();
        while (end < limit) {
            char c = s.charAt(end);
            if (!SipChars.isTokenChar(c) && c != '[' && c != ']' && c != ':') {
                break;
            }
            end++;
        }
        if (end == start) {
            throw s.error("expected parameter value");
        }
        CharSequence in = s.input();
        boolean valid = SipChars.isAll(in, start, end, SipChars.TOKEN)
                || (!tokenOnly && (Host.isIPv6Reference(in, start, end)
                        || (bareIPv6 && Host.isIPv6Address(in, start, end))));
        if (!valid) {
            throw new SipParseException("invalid parameter value", start);
        }
        s.reset(end);
        return s.substring(start, end);
    }

    /** Checks a header-value parameter list built in code: token names, values that can be rendered. */
    static List<Param> requireHeaderParams(List<Param> params) {
        List<Param> copy = List.copyOf(params);
        for (int i = 0, n = copy.size(); i < n; i++) {
            Param p = copy.get(i);
            if (!SipChars.isToken(p.name())) {
                throw new IllegalArgumentException("parameter name is not a token: " + p.name());
            }
            if (p.value() != null && !isQuotable(p.value())) {
                throw new IllegalArgumentException("parameter value contains CR or LF: " + p.name());
            }
        }
        return copy;
    }
}
