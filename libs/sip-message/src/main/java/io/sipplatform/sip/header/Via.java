package io.sipplatform.sip.header;

import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.grammar.SipChars;
import io.sipplatform.sip.grammar.SipScanner;
import io.sipplatform.sip.uri.Host;

import java.util.List;
import java.util.Objects;

/**
 * One via-parm (RFC 3261 §25): sent-protocol LWS sent-by *( SEMI via-params ), e.g.
 * {@code SIP/2.0/UDP host:5060;branch=z9hG4bK776;received=192.0.2.1;rport}. The protocol name and version and the
 * transport are normalised to upper case; LWS around '/' and ':' is accepted (SLASH, COLON). The parameters the
 * grammar defines are checked: branch a token, received an IPv4 or IPv6 address (with or without brackets, RFC 5118
 * §4.5), maddr a host, ttl 0..255, rport a flag or 1..65535 (RFC 3581).
 *
 * @param protocol  "name/version" in upper case, e.g. "SIP/2.0"
 * @param transport the transport token in upper case: UDP, TCP, TLS, SCTP, WS, WSS or any other token
 * @param host      the sent-by host: hostname, IPv4address, or IPv6reference with brackets
 * @param port      1..65535, or -1 when absent
 * @param params    via-params in order
 */
public record Via(String protocol, String transport, String host, int port, List<Param> params) {
    /** The branch prefix of RFC 3261 transactions (§8.1.1.7). */
    public static final String MAGIC_COOKIE = "z9hG4bK";

    private static final String SIP_2_0 = "SIP/2.0";
    private static final String[] KNOWN_TRANSPORTS = {"UDP", "TCP", "TLS", "SCTP", "WS", "WSS"};

    public Via {
        Objects.requireNonNull(protocol, "protocol");
        int slash = protocol.indexOf('/');
        if (slash < 0 || !SipChars.isAll(protocol, 0, slash, SipChars.TOKEN)
                || !SipChars.isAll(protocol, slash + 1, protocol.length(), SipChars.TOKEN)) {
            throw new IllegalArgumentException("protocol is not name/version: " + protocol);
        }
        protocol = SipChars.toUpperAscii(protocol);
        if (!SipChars.isToken(transport)) {
            throw new IllegalArgumentException("transport is not a token: " + transport);
        }
        transport = SipChars.toUpperAscii(transport);
        if (!Host.isHost(host)) {
            throw new IllegalArgumentException("invalid sent-by host: " + host);
        }
        if (port != -1 && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        params = Params.requireHeaderParams(params);
        for (Param p : params) {
            String problem = paramProblem(p);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
    }

    /** A SIP/2.0 Via with a branch, as a UAC or proxy writes it. */
    public static Via of(String transport, String host, int port, String branch) {
        return new Via(SIP_2_0, transport, host, port, List.of(new Param("branch", branch)));
    }

    /** Parses one via-parm; a Via line with several values is split first. */
    public static Via parse(String value) {
        SipScanner s = SipScanner.trimmed(value);
        Via via = parse(s);
        s.skipSpaces();
        s.expectEnd("Via");
        return via;
    }

    /** Parses one via-parm at the scanner's position (after any SP / HTAB) and stops after its last parameter. */
    public static Via parse(SipScanner s) {
        s.skipSpaces();
        // sent-protocol = protocol-name SLASH protocol-version SLASH transport
        int nameStart = s.position();
        if (!s.skipToken()) {
            throw s.error("expected protocol name");
        }
        int nameEnd = s.position();
        slash(s);
        int versionStart = s.position();
        if (!s.skipToken()) {
            throw s.error("expected protocol version");
        }
        int versionEnd = s.position();
        slash(s);
        int transportStart = s.position();
        if (!s.skipToken()) {
            throw s.error("expected transport");
        }
        String transport = transport(s, transportStart, s.position());
        String protocol = SipChars.regionEqualsIgnoreCaseAscii(s.input(), nameStart, nameEnd, "SIP")
                && SipChars.regionEqualsIgnoreCaseAscii(s.input(), versionStart, versionEnd, "2.0")
                ? SIP_2_0
                : SipChars.toUpperAscii(s.substring(nameStart, nameEnd) + '/' + s.substring(versionStart, versionEnd));
        s.expectLws("before sent-by");

        // sent-by = host [ COLON port ]
        int hostStart = s.position();
        int limit = s.limit();
        int hostEnd = hostStart;
        if (s.lookingAt('[')) {
            while (hostEnd < limit && s.charAt(hostEnd) != ']') {
                hostEnd++;
            }
            hostEnd = Math.min(hostEnd + 1, limit);
        } else {
            hostEnd = s.runEnd(SipChars.HOSTNAME);
        }
        if (!Host.isHost(s.input(), hostStart, hostEnd)) {
            throw s.error(hostEnd == hostStart ? "expected sent-by host" : "invalid sent-by host");
        }
        String host = s.substring(hostStart, hostEnd);
        s.reset(hostEnd);
        int port = -1;
        int save = s.position();
        s.skipSpaces();
        if (s.consumeChar(':')) {
            s.skipSpaces();
            port = (int) s.expectNumber("sent-by port", 1, 65535);
        } else {
            s.reset(save);
        }

        int paramsStart = s.position();
        List<Param> params = Params.parse(s, "received", false);
        for (Param p : params) {
            String problem = paramProblem(p);
            if (problem != null) {
                throw new SipParseException(problem, paramsStart);
            }
        }
        return new Via(protocol, transport, host, port, params);
    }

    // SLASH = SWS "/" SWS
    private static void slash(SipScanner s) {
        s.skipSpaces();
        s.expectChar('/');
        s.skipSpaces();
    }

    // the common transports without allocating
    private static String transport(SipScanner s, int from, int to) {
        CharSequence in = s.input();
        for (String known : KNOWN_TRANSPORTS) {
            if (SipChars.regionEqualsIgnoreCaseAscii(in, from, to, known)) {
                return known;
            }
        }
        return SipChars.toUpperAscii(s.substring(from, to));
    }

    // the via-params with a grammar of their own (RFC 3261 §25, RFC 3581); null when p is acceptable
    static String paramProblem(Param p) {
        String v = p.value();
        if (p.is("branch")) {
            return SipChars.isToken(v) ? null : "branch is not a token";
        }
        if (p.is("received")) {
            return v != null && (Host.isIPv4Address(v, 0, v.length()) || Host.isIPv6Address(v)
                    || Host.isIPv6Reference(v)) ? null : "received is not an IP address";
        }
        if (p.is("maddr")) {
            return Host.isHost(v) ? null : "maddr is not a host";
        }
        if (p.is("ttl")) {
            int ttl = number(v, 3);
            return ttl >= 0 && ttl <= 255 ? null : "ttl is not 0..255";
        }
        if (p.is("rport")) {
            if (v == null) {
                return null;
            }
            int rport = number(v, 5);
            return rport >= 1 && rport <= 65535 ? null : "rport is not 1..65535";
        }
        return null;
    }

    // 1*maxDigits DIGIT as an int, or -1
    private static int number(String v, int maxDigits) {
        if (v == null || v.isEmpty() || v.length() > maxDigits) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!SipChars.isDigit(c)) {
                return -1;
            }
            n = n * 10 + c - '0';
        }
        return n;
    }

    public String param(String name) {
        return Params.get(params, name);
    }

    public String branch() {
        return param("branch");
    }

    public String received() {
        return param("received");
    }

    public boolean hasRport() {
        return Params.has(params, "rport");
    }

    /** The rport value, or -1 when rport is absent or a flag (a request asking for it). */
    public int rport() {
        String v = param("rport");
        return v == null ? -1 : number(v, 5);
    }

    public String maddr() {
        return param("maddr");
    }

    /** The ttl parameter, or -1 when absent. */
    public int ttl() {
        String v = param("ttl");
        return v == null ? -1 : number(v, 3);
    }

    /** True when the branch carries the RFC 3261 magic cookie (§8.1.1.7), so it identifies the transaction. */
    public boolean isRfc3261Branch() {
        String branch = branch();
        return branch != null && branch.startsWith(MAGIC_COOKIE);
    }

    /** "host" or "host:port". */
    public String sentBy() {
        return port < 0 ? host : host + ':' + port;
    }

    /** This Via with received set (RFC 3261 §18.2.1). */
    public Via withReceived(String address) {
        return withParam("received", address);
    }

    /** This Via with rport set to the source port of the request (RFC 3581 §4). */
    public Via withRport(int sourcePort) {
        return withParam("rport", Integer.toString(sourcePort));
    }

    public Via withParam(String name, String value) {
        return new Via(protocol, transport, host, port, Params.with(params, name, value));
    }

    public Via withoutParam(String name) {
        return new Via(protocol, transport, host, port, Params.without(params, name));
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(64 + host.length());
        appendTo(out);
        return out.toString();
    }

    /** Appends "SIP/2.0/UDP host:port;params", received as a bare IPv6 address when written so. */
    public void appendTo(StringBuilder out) {
        out.append(protocol).append('/').append(transport).append(' ').append(host);
        if (port >= 0) {
            out.append(':').append(port);
        }
        for (Param p : params) {
            out.append(';').append(p.name());
            if (p.value() != null) {
                out.append('=');
                if (p.is("received") && Host.isIPv6Address(p.value())) {
                    out.append(p.value());
                } else {
                    Params.appendGenValue(out, p.value());
                }
            }
        }
    }
}
