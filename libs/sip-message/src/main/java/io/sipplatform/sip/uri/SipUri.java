package io.sipplatform.sip.uri;

import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.grammar.PercentEncoding;
import io.sipplatform.sip.grammar.SipChars;
import io.sipplatform.sip.header.Param;
import io.sipplatform.sip.header.Params;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A SIP or SIPS URI (RFC 3261 §19.1, §25). Components are held unescaped: {@code sip:%61lice@x} has user "alice";
 * escaped octets are read as UTF-8. {@link #toString()} escapes again exactly what the grammar requires, with the
 * scheme in lower case; other text (host case, parameter order and case) is kept as written.
 *
 * @param secure   true for sips
 * @param user     the user part, or null when there is no userinfo; never empty
 * @param password the password, or null; only with a user
 * @param host     hostname, IPv4address, or IPv6reference with its brackets
 * @param port     0..65535, or -1 when absent (RFC 3261 §19.1.4: absent is not the same as 5060)
 * @param params   uri-parameters in order; names and values unescaped; a null value is a flag such as lr
 * @param headers  the ?name=value&amp;... headers in order, values never null
 */
public record SipUri(boolean secure, String user, String password, String host, int port, List<Param> params,
                     List<Param> headers) implements Uri {

    private static final int USER_CHARS = SipChars.UNRESERVED | SipChars.USER_UNRESERVED;
    private static final int PASSWORD_CHARS = SipChars.UNRESERVED | SipChars.PASSWORD_UNRESERVED;
    private static final int PARAM_CHARS = SipChars.UNRESERVED | SipChars.PARAM_UNRESERVED;
    private static final int HEADER_CHARS = SipChars.UNRESERVED | SipChars.HNV_UNRESERVED;

    public SipUri {
        if (user != null && user.isEmpty()) {
            throw new IllegalArgumentException("empty user (use null for none)");
        }
        if (password != null && user == null) {
            throw new IllegalArgumentException("password without user");
        }
        if (!Host.isHost(host)) {
            throw new IllegalArgumentException("invalid host: " + host);
        }
        if (port < -1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        params = List.copyOf(params);
        for (Param p : params) {
            if (p.value() != null && p.value().isEmpty()) {
                throw new IllegalArgumentException("empty value of uri-parameter " + p.name());
            }
        }
        headers = List.copyOf(headers);
        for (Param h : headers) {
            if (h.value() == null) {
                throw new IllegalArgumentException("URI header without value: " + h.name());
            }
        }
    }

    /** A URI with just a host, e.g. for a Route towards a peer. */
    public static SipUri of(String user, String host, int port) {
        return new SipUri(false, user, null, host, port, List.of(), List.of());
    }

    @Override
    public String scheme() {
        return secure ? "sips" : "sip";
    }

    /** Parses a whole "sip:" or "sips:" URI. */
    public static SipUri parse(String text) {
        if (text == null) {
            throw new SipParseException("missing URI", -1);
        }
        int colon = AbsoluteUri.schemeEnd(text, 0, text.length());
        if (SipChars.regionEqualsIgnoreCaseAscii(text, 0, colon, "sip")) {
            return parseAfterScheme(text, colon + 1, text.length(), false);
        }
        if (SipChars.regionEqualsIgnoreCaseAscii(text, 0, colon, "sips")) {
            return parseAfterScheme(text, colon + 1, text.length(), true);
        }
        throw new SipParseException("not a sip or sips URI", 0);
    }

    /** [ userinfo ] hostport uri-parameters [ headers ] in {@code text[from, to)} (RFC 3261 §25). */
    static SipUri parseAfterScheme(CharSequence text, int from, int to, boolean secure) {
        // '@' appears nowhere in a SIP URI but after userinfo (escaped elsewhere), so the first one ends it;
        // the user part may hold ';', '?' and ',' (user-unreserved), which is why it is found first.
        int at = -1;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '@') {
                at = i;
                break;
            }
        }
        String user = null;
        String password = null;
        int i = from;
        if (at >= 0) {
            int userEnd = at;
            for (int j = from; j < at; j++) {
                if (text.charAt(j) == ':') {
                    userEnd = j;
                    break;
                }
            }
            if (userEnd == from) {
                throw new SipParseException("empty user in SIP URI", from);
            }
            user = PercentEncoding.decode(text, from, userEnd, USER_CHARS, "user");
            if (userEnd < at) {
                password = PercentEncoding.decode(text, userEnd + 1, at, PASSWORD_CHARS, "password");
            }
            i = at + 1;
        }

        int hostStart = i;
        if (i < to && text.charAt(i) == '[') {
            while (i < to && text.charAt(i) != ']') {
                i++;
            }
            if (i == to) {
                throw new SipParseException("unterminated IPv6 reference", hostStart);
            }
            i++;
            if (!Host.isIPv6Reference(text, hostStart, i)) {
                throw new SipParseException("invalid IPv6 reference", hostStart);
            }
        } else {
            while (i < to && SipChars.is(text.charAt(i), SipChars.HOSTNAME)) {
                i++;
            }
            if (!Host.isHost(text, hostStart, i)) {
                throw new SipParseException(i == hostStart ? "missing host" : "invalid host", hostStart);
            }
        }
        String host = text.subSequence(hostStart, i).toString();

        int port = -1;
        if (i < to && text.charAt(i) == ':') {
            i++;
            int portStart = i;
            long value = 0;
            while (i < to && SipChars.isDigit(text.charAt(i))) {
                value = Math.min(value * 10 + text.charAt(i) - '0', 100_000);
                i++;
            }
            if (i == portStart || value > 65535) {
                throw new SipParseException(i == portStart ? "missing port" : "port out of range", portStart);
            }
            port = (int) value;
        }

        List<Param> params = List.of();
        if (i < to && text.charAt(i) == ';') {
            List<Param> list = new ArrayList<>(4);
            while (i < to && text.charAt(i) == ';') {
                i++;
                int nameEnd = componentEnd(text, i, to, PARAM_CHARS);
                if (nameEnd == i) {
                    throw new SipParseException("empty uri-parameter name", i);
                }
                String name = PercentEncoding.decode(text, i, nameEnd, PARAM_CHARS, "uri-parameter");
                i = nameEnd;
                String value = null;
                if (i < to && text.charAt(i) == '=') {
                    i++;
                    int valueEnd = componentEnd(text, i, to, PARAM_CHARS);
                    if (valueEnd == i) {
                        throw new SipParseException("empty value of uri-parameter " + name, i);
                    }
                    value = PercentEncoding.decode(text, i, valueEnd, PARAM_CHARS, "uri-parameter");
                    i = valueEnd;
                }
                list.add(new Param(name, value));
            }
            params = List.copyOf(list);
        }

        List<Param> headers = List.of();
        if (i < to && text.charAt(i) == '?') {
            List<Param> list = new ArrayList<>(2);
            do {
                i++;
                int nameEnd = componentEnd(text, i, to, HEADER_CHARS);
                if (nameEnd == i) {
                    throw new SipParseException("empty URI header name", i);
                }
                String name = PercentEncoding.decode(text, i, nameEnd, HEADER_CHARS, "URI header");
                i = nameEnd;
                if (i >= to || text.charAt(i) != '=') {
                    throw new SipParseException("expected '=' in URI header", i);
                }
                i++;
                int valueEnd = componentEnd(text, i, to, HEADER_CHARS);
                list.add(new Param(name, PercentEncoding.decode(text, i, valueEnd, HEADER_CHARS, "URI header")));
                i = valueEnd;
            } while (i < to && text.charAt(i) == '&');
            headers = List.copyOf(list);
        }
        if (i != to) {
            throw new SipParseException("unexpected character in SIP URI", i);
        }
        return new SipUri(secure, user, password, host, port, params, headers);
    }

    // end of a run of literal characters of the class and '%' (escapes are checked when decoding)
    private static int componentEnd(CharSequence text, int i, int to, int classes) {
        while (i < to) {
            char c = text.charAt(i);
            if (c != '%' && !SipChars.is(c, classes)) {
                break;
            }
            i++;
        }
        return i;
    }

    /** Value of the first uri-parameter named {@code name} (case-insensitive), or null if absent or a flag. */
    public String param(String name) {
        return Params.get(params, name);
    }

    public boolean hasParam(String name) {
        return Params.has(params, name);
    }

    /** The lr flag: this URI is a loose router (RFC 3261 §19.1.1). */
    public boolean lr() {
        return hasParam("lr");
    }

    /** The transport parameter in lower case, or null. */
    public String transportParam() {
        String t = param("transport");
        return t == null ? null : SipChars.toLowerAscii(t);
    }

    public String maddr() {
        return param("maddr");
    }

    /** The user parameter (e.g. "phone"), or null. */
    public String userParam() {
        return param("user");
    }

    /** The value of the first URI header named {@code name} (case-insensitive), or null. */
    public String header(String name) {
        return Params.get(headers, name);
    }

    public SipUri withHost(String newHost) {
        return new SipUri(secure, user, password, newHost, port, params, headers);
    }

    /** This URI with {@code newPort}, or without a port for -1. */
    public SipUri withPort(int newPort) {
        return new SipUri(secure, user, password, host, newPort, params, headers);
    }

    /** This URI with {@code newUser}; null removes the userinfo, password included. */
    public SipUri withUser(String newUser) {
        return new SipUri(secure, newUser, newUser == null ? null : password, host, port, params, headers);
    }

    public SipUri withSecure(boolean newSecure) {
        return new SipUri(newSecure, user, password, host, port, params, headers);
    }

    /** This URI with uri-parameter {@code name} set to {@code value} (null for a flag), replacing any. */
    public SipUri withParam(String name, String value) {
        return new SipUri(secure, user, password, host, port, Params.with(params, name, value), headers);
    }

    public SipUri withoutParam(String name) {
        return new SipUri(secure, user, password, host, port, Params.without(params, name), headers);
    }

    /** This URI without ?headers, as a Request-URI built from a Contact must be (RFC 3261 §19.1.5). */
    public SipUri withoutHeaders() {
        return headers.isEmpty() ? this : new SipUri(secure, user, password, host, port, params, List.of());
    }

    /** The host with the brackets of an IPv6reference removed, e.g. for a socket address. */
    public String hostWithoutBrackets() {
        return host.charAt(0) == '[' ? host.substring(1, host.length() - 1) : host;
    }

    /** True when the host is an IPv4address or IPv6reference rather than a name to resolve. */
    public boolean hostIsIp() {
        return Host.isIpLiteral(host);
    }

    /** "host" or "host:port". */
    public String hostPort() {
        return port < 0 ? host : host + ':' + port;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(32 + host.length());
        appendTo(out);
        return out.toString();
    }

    /** Appends the canonical rendering: lower-case scheme, escapes where the grammar requires them. */
    public void appendTo(StringBuilder out) {
        out.append(secure ? "sips:" : "sip:");
        if (user != null) {
            PercentEncoding.encode(out, user, USER_CHARS);
            if (password != null) {
                out.append(':');
                PercentEncoding.encode(out, password, PASSWORD_CHARS);
            }
            out.append('@');
        }
        out.append(host);
        if (port >= 0) {
            out.append(':').append(port);
        }
        for (Param p : params) {
            out.append(';');
            PercentEncoding.encode(out, p.name(), PARAM_CHARS);
            if (p.value() != null) {
                out.append('=');
                PercentEncoding.encode(out, p.value(), PARAM_CHARS);
            }
        }
        for (int k = 0; k < headers.size(); k++) {
            Param h = headers.get(k);
            out.append(k == 0 ? '?' : '&');
            PercentEncoding.encode(out, h.name(), HEADER_CHARS);
            out.append('=');
            PercentEncoding.encode(out, h.value(), HEADER_CHARS);
        }
    }

    /**
     * URI comparison of RFC 3261 §19.1.4: same scheme; userinfo equal case-sensitively (after unescaping); host
     * equal ignoring case, IP addresses by value (RFC 5954 §4); port equal, absent not matching 5060; every
     * uri-parameter present in both equal ignoring case; user, ttl, method, maddr and transport present in one
     * only never match (transport per the §19.1.4 examples); other parameters in one only are ignored; headers
     * must be present in both with equal values (names ignoring case).
     */
    public boolean equivalent(SipUri other) {
        if (other == null || secure != other.secure || port != other.port
                || !Objects.equals(user, other.user) || !Objects.equals(password, other.password)
                || !hostEquivalent(host, other.host)) {
            return false;
        }
        Function<String, Param> mine = firstByName(params);
        Function<String, Param> theirs = firstByName(other.params);
        for (Param p : params) {
            if (mine.apply(p.name()) != p) {
                continue; // a repeated name: only the first occurrence counts
            }
            Param q = theirs.apply(p.name());
            if (q == null ? mustBeInBoth(p) : !SipChars.equalsIgnoreCaseAscii(p.value(), q.value())) {
                return false;
            }
        }
        for (Param q : other.params) {
            if (mustBeInBoth(q) && mine.apply(q.name()) == null) {
                return false;
            }
        }
        return headersEquivalent(headers, other.headers) && headersEquivalent(other.headers, headers);
    }

    private static boolean mustBeInBoth(Param p) {
        return p.is("user") || p.is("ttl") || p.is("method") || p.is("maddr") || p.is("transport");
    }

    private static boolean headersEquivalent(List<Param> a, List<Param> b) {
        Function<String, Param> inA = firstByName(a);
        Function<String, Param> inB = firstByName(b);
        for (Param h : a) {
            Param g = inB.apply(h.name());
            if (g == null || !Objects.equals(inA.apply(h.name()).value(), g.value())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Lookup of the first parameter by name ignoring ASCII case: a scan for short lists, a map for long ones, so
     * comparing URIs with thousands of parameters stays linear.
     */
    private static Function<String, Param> firstByName(List<Param> list) {
        if (list.size() <= 8) {
            return name -> Params.find(list, name);
        }
        Map<String, Param> first = new HashMap<>(list.size() * 2);
        for (Param p : list) {
            first.putIfAbsent(SipChars.toLowerAscii(p.name()), p);
        }
        return name -> first.get(SipChars.toLowerAscii(name));
    }

    private static boolean hostEquivalent(String a, String b) {
        if (SipChars.equalsIgnoreCaseAscii(a, b)) {
            return true;
        }
        if (a.charAt(0) == '[' && b.charAt(0) == '[') {
            int[] x = Host.ipv6Value(a);
            int[] y = Host.ipv6Value(b);
            return x != null && Arrays.equals(x, y);
        }
        return false;
    }
}
