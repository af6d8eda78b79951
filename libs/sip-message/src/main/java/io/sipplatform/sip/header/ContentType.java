package io.sipplatform.sip.header;

import io.sipplatform.sip.grammar.SipChars;
import io.sipplatform.sip.grammar.SipScanner;

import java.util.List;

/**
 * media-type = m-type SLASH m-subtype *( SEMI m-parameter ), m-parameter = m-attribute EQUAL m-value
 * (RFC 3261 §25, §20.15). Type and subtype are case-insensitive and held in lower case; parameter values are held
 * unquoted and written back as a token when they are one, quoted otherwise.
 *
 * @param type    e.g. "application"
 * @param subtype e.g. "sdp"
 * @param params  m-parameters in order, each with a value
 */
public record ContentType(String type, String subtype, List<Param> params) {
    public ContentType {
        if (!SipChars.isToken(type) || !SipChars.isToken(subtype)) {
            throw new IllegalArgumentException("type and subtype must be tokens: " + type + "/" + subtype);
        }
        type = SipChars.toLowerAscii(type);
        subtype = SipChars.toLowerAscii(subtype);
        params = Params.requireHeaderParams(params);
        for (Param p : params) {
            if (p.value() == null) {
                throw new IllegalArgumentException("m-parameter without value: " + p.name());
            }
        }
    }

    public static ContentType parse(String value) {
        SipScanner s = SipScanner.trimmed(value);
        String type = s.expectToken("media type");
        s.skipSpaces();
        s.expectChar('/');
        s.skipSpaces();
        String subtype = s.expectToken("media subtype");
        List<Param> params = Params.parse(s, null, true);
        s.skipSpaces();
        s.expectEnd("Content-Type");
        return new ContentType(type, subtype, params);
    }

    /** "type/subtype" in lower case, e.g. "application/sdp". */
    public String mediaType() {
        return type + '/' + subtype;
    }

    /** True when this is {@code type/subtype}, ignoring ASCII case and parameters. */
    public boolean is(String otherType, String otherSubtype) {
        return SipChars.equalsIgnoreCaseAscii(type, otherType) && SipChars.equalsIgnoreCaseAscii(subtype, otherSubtype);
    }

    /** Value of the m-parameter named {@code name} (case-insensitive), or null. */
    public String param(String name) {
        return Params.get(params, name);
    }

    /** The multipart boundary (RFC 2046 §5.1.1), or null. */
    public String boundary() {
        return param("boundary");
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(type.length() + subtype.length() + 16 * params.size() + 1);
        out.append(type).append('/').append(subtype);
        for (Param p : params) {
            out.append(';').append(p.name()).append('=');
            Params.appendTokenOrQuoted(out, p.value());
        }
        return out.toString();
    }
}
