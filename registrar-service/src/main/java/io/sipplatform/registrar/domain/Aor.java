package io.sipplatform.registrar.domain;

import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.uri.SipUri;
import io.sipplatform.sip.uri.Uri;
import java.util.Locale;

/**
 * An address-of-record (RFC 3261 §10.2), the key of a set of bindings. The edge canonicalises it from the To URI
 * (scheme, user, host, port if given, no parameters); the text is kept as given and compared exactly.
 *
 * @param uri canonical AOR text, e.g. {@code sip:alice@example.com}
 * @throws IllegalArgumentException when {@code uri} is not a URI (a caller bug: the edge sends parsed values)
 */
public record Aor(String uri) implements Comparable<Aor> {

    public Aor {
        if (uri == null || uri.isEmpty()) {
            throw new IllegalArgumentException("missing AOR");
        }
        try {
            Uri.parse(uri);
        } catch (SipParseException e) {
            throw new IllegalArgumentException("AOR is not a URI: " + e.getMessage(), e);
        }
    }

    /** Host of a sip/sips AOR in lower case, or "" for other schemes (tel). */
    public String host() {
        Uri parsed = Uri.parse(uri);
        return parsed instanceof SipUri ? ((SipUri) parsed).hostWithoutBrackets().toLowerCase(Locale.ROOT) : "";
    }

    /** User part of a sip/sips AOR, or "" when absent or for other schemes. */
    public String user() {
        Uri parsed = Uri.parse(uri);
        if (parsed instanceof SipUri && ((SipUri) parsed).user() != null) {
            return ((SipUri) parsed).user();
        }
        return "";
    }

    @Override
    public int compareTo(Aor other) {
        return uri.compareTo(other.uri);
    }

    @Override
    public String toString() {
        return uri;
    }
}
