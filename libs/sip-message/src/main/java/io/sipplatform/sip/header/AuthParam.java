package io.sipplatform.sip.header;

import io.sipplatform.sip.grammar.SipChars;

import java.util.Objects;

/**
 * auth-param = auth-param-name EQUAL ( token / quoted-string ) (RFC 3261 §25). The value is held unquoted;
 * {@code quoted} remembers how it was written, because Digest fixes the form of some parameters (RFC 7616 §3.4:
 * qop and nc unquoted in credentials, realm and nonce quoted) and peers check it.
 *
 * @param name   the parameter name, a token
 * @param value  the value, unquoted and unescaped
 * @param quoted true when written (or to be written) as a quoted-string
 */
public record AuthParam(String name, String value, boolean quoted) {
    public AuthParam {
        if (!SipChars.isToken(name)) {
            throw new IllegalArgumentException("auth-param name is not a token: " + name);
        }
        Objects.requireNonNull(value, "value");
        if (quoted ? !Params.isQuotable(value) : !SipChars.isToken(value)) {
            throw new IllegalArgumentException("invalid value of auth-param " + name);
        }
    }

    /** True when this parameter is named {@code otherName}, ignoring ASCII case. */
    public boolean is(String otherName) {
        return SipChars.equalsIgnoreCaseAscii(name, otherName);
    }

    void appendTo(StringBuilder out) {
        out.append(name).append('=');
        if (quoted) {
            Params.appendQuoted(out, value);
        } else {
            out.append(value);
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(name.length() + value.length() + 4);
        appendTo(out);
        return out.toString();
    }
}
