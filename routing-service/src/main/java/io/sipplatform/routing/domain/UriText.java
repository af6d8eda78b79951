package io.sipplatform.routing.domain;

import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.uri.SipUri;
import io.sipplatform.sip.uri.TelUri;
import io.sipplatform.sip.uri.Uri;

/** Reading numbers out of URIs and validating provisioned SIP URIs, with sip-message's parsers. */
final class UriText {
    private UriText() {
    }

    /**
     * The user part of a sip/sips URI or the number of a tel URI (RFC 3966), as a dial string without visual
     * separators; null when the URI has none or does not parse (untrusted input, so every failure is a null).
     */
    static String dialled(String uri) {
        if (uri == null || uri.isEmpty() || uri.length() > 2048) {
            return null;
        }
        try {
            Uri parsed = Uri.parse(uri);
            if (parsed instanceof SipUri) {
                return E164.dialString(((SipUri) parsed).user());
            }
            if (parsed instanceof TelUri) {
                return E164.dialString(((TelUri) parsed).number());
            }
            return null;
        } catch (SipParseException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The address-of-record a Request-URI names: {@code sip:user@host} without port, parameters or headers, the
     * form provisioned AORs take; null for URIs without a user part or that do not parse.
     */
    static String aor(String uri) {
        if (uri == null || uri.isEmpty() || uri.length() > 2048) {
            return null;
        }
        try {
            Uri parsed = Uri.parse(uri);
            if (!(parsed instanceof SipUri) || ((SipUri) parsed).user() == null
                    || ((SipUri) parsed).user().isEmpty()) {
                return null;
            }
            SipUri sip = (SipUri) parsed;
            return SipUri.of(sip.user(), sip.host().toLowerCase(java.util.Locale.ROOT), -1).withSecure(sip.secure())
                    .toString();
        } catch (SipParseException | IllegalArgumentException e) {
            return null;
        }
    }

    /** A provisioned sip/sips URI; the error names {@code field}. */
    static SipUri sipUri(String field, String text) {
        FieldRules.required(field, text);
        try {
            return SipUri.parse(text);
        } catch (SipParseException | IllegalArgumentException e) {
            throw new InvalidField(field, "'" + text + "' is not a sip: or sips: URI");
        }
    }
}
