package io.sipplatform.sip.header;

import io.sipplatform.sip.grammar.SipChars;

import java.util.Objects;

/**
 * One parameter of a header value or URI: {@code ;name=value}, or {@code ;name} as a flag with a null value. The
 * value is held as meant, not as written: quoted-string values without their quotes and escapes, URI parameters
 * without %-escapes; renderers add whatever quoting or escaping the context needs. Names compare
 * case-insensitively ({@link #is}); which characters a name may hold depends on where it stands (a token in header
 * values, a pname in URIs), so the enclosing value checks that.
 */
public record Param(String name, String value) {
    public Param {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty parameter name");
        }
    }

    /** A flag parameter such as {@code ;lr} or {@code ;rport}. */
    public static Param flag(String name) {
        return new Param(name, null);
    }

    /** True when this parameter is named {@code otherName}, ignoring ASCII case. */
    public boolean is(String otherName) {
        return SipChars.equalsIgnoreCaseAscii(name, otherName);
    }

    public boolean isFlag() {
        return value == null;
    }
}
