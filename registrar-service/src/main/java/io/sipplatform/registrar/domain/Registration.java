package io.sipplatform.registrar.domain;

import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.uri.SipUri;
import io.sipplatform.sip.uri.Uri;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The intent of one REGISTER request, as the edge sends it after parsing, validating and fixing NAT.
 *
 * @param aor           address-of-record from the To URI (RFC 3261 §10.3 step 5)
 * @param requestUri    Request-URI (step 1): the domain whose bindings change
 * @param contacts      contacts in header order; empty with wildcard false is a query (RFC 3261 §10.2.3)
 * @param wildcard      the request carried {@code Contact: *} (RFC 3261 §10.2.2)
 * @param expires       Expires header (RFC 3261 §20.19), empty when absent
 * @param callId        Call-ID (step 7 ordering)
 * @param cseq          CSeq number, 0..2^31-1 (RFC 3261 §8.1.1.5)
 * @param source        public source address and transport, when the edge gave one
 * @param path          Path URIs (RFC 3327), topmost first; the bottom-most is the UA's first hop
 * @param flow          edge replica and flow the request arrived on, if the edge keeps one
 * @param authorization Digest Authorization headers in header order
 * @param supported     Supported option tags, lower case
 * @param require       Require option tags, lower case
 * @param userAgent     User-Agent value for operators, "" when absent
 */
public record Registration(Aor aor, String requestUri, List<RequestedContact> contacts, boolean wildcard,
        Optional<Duration> expires, String callId, long cseq, Optional<SourceAddress> source, List<String> path,
        Optional<Flow> flow, List<DigestFields> authorization, Set<String> supported, Set<String> require,
        String userAgent) {

    /** Largest CSeq number (RFC 3261 §8.1.1.5: less than 2^31). */
    public static final long MAX_CSEQ = (1L << 31) - 1;

    public Registration {
        Objects.requireNonNull(aor, "aor");
        if (requestUri == null || requestUri.isEmpty()) {
            throw new IllegalArgumentException("missing Request-URI");
        }
        try {
            Uri.parse(requestUri);
        } catch (SipParseException e) {
            throw new IllegalArgumentException("Request-URI is not a URI: " + e.getMessage(), e);
        }
        contacts = List.copyOf(contacts);
        Objects.requireNonNull(expires, "expires");
        if (expires.isPresent() && expires.get().isNegative()) {
            throw new IllegalArgumentException("negative Expires");
        }
        if (callId == null || callId.isEmpty()) {
            throw new IllegalArgumentException("missing Call-ID");
        }
        if (cseq < 0 || cseq > MAX_CSEQ) {
            throw new IllegalArgumentException("CSeq out of range: " + cseq);
        }
        Objects.requireNonNull(source, "source");
        path = List.copyOf(path);
        Objects.requireNonNull(flow, "flow");
        authorization = List.copyOf(authorization);
        supported = lowerCase(supported);
        require = lowerCase(require);
        userAgent = userAgent == null ? "" : userAgent;
    }

    /** Host of a sip/sips Request-URI in lower case (the domain of RFC 3261 §10.3 step 1), or "". */
    public String requestDomain() {
        Uri parsed = Uri.parse(requestUri);
        return parsed instanceof SipUri ? ((SipUri) parsed).hostWithoutBrackets().toLowerCase(Locale.ROOT) : "";
    }

    /** True when the UA listed {@code tag} in Supported (RFC 3261 §20.37). */
    public boolean supports(String tag) {
        return supported.contains(tag);
    }

    private static Set<String> lowerCase(Set<String> tags) {
        Set<String> out = new LinkedHashSet<>();
        for (String tag : tags) {
            out.add(tag.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(out);
    }
}
