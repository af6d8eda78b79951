package io.sipplatform.routing.domain;

import io.sipplatform.sip.digest.DigestCredentials;
import java.util.List;
import java.util.Optional;

/**
 * The intent of one out-of-dialog request, as the edge describes it: the input of {@link DecisionEngine#decide}.
 *
 * @param method               method token, e.g. INVITE; only INVITE takes limit slots
 * @param callId               Call-ID, for logs
 * @param source               where it came from
 * @param requestUri           Request-URI text
 * @param from                 From (caller as presented)
 * @param to                   To (callee as dialled)
 * @param pAssertedIdentity    P-Asserted-Identity values (RFC 3325), in header order
 * @param pPreferredIdentity   P-Preferred-Identity values (RFC 3325), in header order
 * @param privacy              Privacy values (RFC 3323), lower case
 * @param credentials          well-formed Proxy-Authorization credentials, in header order
 * @param credentialsMalformed true when a Proxy-Authorization was present but could not be read (answered 400)
 * @param tlsPeer              the client certificate the edge verified on the connection; null without one. Read
 *                             only when {@code source.transport()} is TLS
 */
public record CallIntent(String method, String callId, SourceAddress source, String requestUri, Party from,
        Party to, List<Party> pAssertedIdentity, List<Party> pPreferredIdentity, List<String> privacy,
        List<DigestCredentials> credentials, boolean credentialsMalformed, TlsPeer tlsPeer) {

    /** A request without a client certificate. */
    public CallIntent(String method, String callId, SourceAddress source, String requestUri, Party from, Party to,
            List<Party> pAssertedIdentity, List<Party> pPreferredIdentity, List<String> privacy,
            List<DigestCredentials> credentials, boolean credentialsMalformed) {
        this(method, callId, source, requestUri, from, to, pAssertedIdentity, pPreferredIdentity, privacy,
                credentials, credentialsMalformed, null);
    }

    public CallIntent {
        method = method == null ? "" : method;
        callId = callId == null ? "" : callId;
        source = source == null ? new SourceAddress("", 0, null) : source;
        requestUri = requestUri == null ? "" : requestUri;
        from = from == null ? new Party("", "") : from;
        to = to == null ? new Party("", "") : to;
        pAssertedIdentity = List.copyOf(pAssertedIdentity);
        pPreferredIdentity = List.copyOf(pPreferredIdentity);
        privacy = List.copyOf(privacy);
        credentials = List.copyOf(credentials);
    }

    /** True for INVITE (RFC 3261 §13): the request that starts a call and takes limit slots. */
    public boolean isInvite() {
        return "INVITE".equals(method); // method tokens are case-sensitive (RFC 3261 §7.1)
    }

    /** The same request with this client certificate. */
    public CallIntent withTlsPeer(TlsPeer peer) {
        return new CallIntent(method, callId, source, requestUri, from, to, pAssertedIdentity, pPreferredIdentity,
                privacy, credentials, credentialsMalformed, peer);
    }

    /**
     * The client certificate when the request came over TLS, else empty: the only transport on which the edge
     * verifies one (its WSS listener asks for none), so a certificate described for any other transport is ignored.
     */
    public Optional<TlsPeer> verifiedTlsPeer() {
        return source.transport() == Transport.TLS ? Optional.ofNullable(tlsPeer)
                : Optional.empty();
    }
}
