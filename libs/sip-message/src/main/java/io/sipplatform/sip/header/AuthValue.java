package io.sipplatform.sip.header;

import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.grammar.SipChars;
import io.sipplatform.sip.grammar.SipScanner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A challenge (WWW-Authenticate, Proxy-Authenticate) or credentials (Authorization, Proxy-Authorization) value:
 * auth-scheme LWS auth-param *( COMMA auth-param ) (RFC 3261 §25, Digest per RFC 7616). Commas inside quoted values
 * do not separate parameters; a parameter name given twice is an error (RFC 7616 §3.4/§3.5 allow each at most once).
 * The token68 form of other HTTP schemes is not SIP grammar and is rejected.
 *
 * @param scheme the auth-scheme as written, e.g. "Digest" (compare case-insensitively)
 * @param params the auth-params in order, at least one
 */
public record AuthValue(String scheme, List<AuthParam> params) {
    // above this many parameters duplicates are found with a set rather than by scanning
    private static final int LINEAR_DUPLICATE_CHECK = 16;

    public AuthValue {
        if (!SipChars.isToken(scheme)) {
            throw new IllegalArgumentException("auth-scheme is not a token: " + scheme);
        }
        params = List.copyOf(params);
        if (params.isEmpty()) {
            throw new IllegalArgumentException("auth-scheme without auth-params");
        }
        if (duplicateAt(params) >= 0) {
            throw new IllegalArgumentException("auth-param given twice");
        }
    }

    public static AuthValue parse(String value) {
        SipScanner s = SipScanner.trimmed(value);
        String scheme = s.expectToken("auth-scheme");
        s.expectLws("after auth-scheme");
        List<AuthParam> params = new ArrayList<>(8);
        Set<String> seen = null;
        while (true) {
            int nameStart = s.position();
            String name = s.expectToken("auth-param name");
            s.skipSpaces();
            s.expectChar('=');
            s.skipSpaces();
            AuthParam param;
            if (s.lookingAt('"')) {
                param = new AuthParam(name, s.consumeQuotedString(), true);
            } else {
                param = new AuthParam(name, s.expectToken("auth-param value"), false);
            }
            params.add(param);
            if (params.size() == LINEAR_DUPLICATE_CHECK) {
                seen = new HashSet<>();
                for (AuthParam p : params.subList(0, params.size() - 1)) {
                    seen.add(SipChars.toLowerAscii(p.name()));
                }
            }
            boolean duplicate = seen != null
                    ? !seen.add(SipChars.toLowerAscii(name))
                    : indexOf(params, name) < params.size() - 1;
            if (duplicate) {
                throw new SipParseException("auth-param " + name + " given twice", nameStart);
            }
            s.skipSpaces();
            if (s.atEnd()) {
                break;
            }
            s.expectChar(',');
            s.skipSpaces();
        }
        return new AuthValue(scheme, params);
    }

    private static int indexOf(List<AuthParam> params, String name) {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).is(name)) {
                return i;
            }
        }
        return -1;
    }

    // index of the first parameter whose name appeared before, or -1
    private static int duplicateAt(List<AuthParam> params) {
        if (params.size() <= LINEAR_DUPLICATE_CHECK) {
            for (int i = 1; i < params.size(); i++) {
                if (indexOf(params, params.get(i).name()) < i) {
                    return i;
                }
            }
            return -1;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < params.size(); i++) {
            if (!seen.add(SipChars.toLowerAscii(params.get(i).name()))) {
                return i;
            }
        }
        return -1;
    }

    /** True when the scheme is {@code name}, ignoring ASCII case ("Digest" = "digest"). */
    public boolean isScheme(String name) {
        return SipChars.equalsIgnoreCaseAscii(scheme, name);
    }

    /** The unquoted value of the parameter named {@code name} (case-insensitive), or null. */
    public String param(String name) {
        AuthParam p = find(name);
        return p == null ? null : p.value();
    }

    /** The first auth-param named {@code name} (case-insensitive), or null. */
    public AuthParam find(String name) {
        int i = indexOf(params, name);
        return i < 0 ? null : params.get(i);
    }

    /** Renders "scheme name=value, name2=\"value\"", each value quoted as it was written. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(32 * params.size());
        out.append(scheme).append(' ');
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            params.get(i).appendTo(out);
        }
        return out.toString();
    }
}
