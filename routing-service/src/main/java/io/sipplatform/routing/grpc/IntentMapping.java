package io.sipplatform.routing.grpc;

import io.sipplatform.proto.common.v1.NameAddress;
import io.sipplatform.proto.routing.v1.DecideRequest;
import io.sipplatform.routing.domain.CallIntent;
import io.sipplatform.routing.domain.Party;
import io.sipplatform.routing.domain.SourceAddress;
import io.sipplatform.routing.domain.TlsPeer;
import io.sipplatform.routing.domain.Transport;
import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.digest.DigestCredentials;
import java.util.ArrayList;
import java.util.List;

/** DecideRequest (protobuf) to {@link CallIntent} (domain). */
final class IntentMapping {
    private IntentMapping() {
    }

    static CallIntent intent(DecideRequest request) {
        List<DigestCredentials> credentials = new ArrayList<>();
        boolean malformed = false;
        for (io.sipplatform.proto.common.v1.DigestCredentials c : request.getProxyAuthorizationList()) {
            try {
                credentials.add(credentials(c));
            } catch (SipParseException | IllegalArgumentException e) {
                malformed = true;
            }
        }
        return new CallIntent(request.getMethod(), request.getCallId(),
                new SourceAddress(request.getSource().getIp(), request.getSource().getPort(),
                        transport(request.getSource().getTransport())),
                request.getRequestUri(), party(request.getFrom()), party(request.getTo()),
                parties(request.getPAssertedIdentityList()), parties(request.getPPreferredIdentityList()),
                request.getPrivacyList(), credentials, malformed,
                request.hasTlsPeer() ? new TlsPeer(request.getTlsPeer().getSubject(),
                        request.getTlsPeer().getSubjectAltNamesList(), request.getTlsPeer().getSha256Fingerprint())
                        : null);
    }

    /** The edge's parameters as received; empty strings are absent parameters (proto3 has no null). */
    static DigestCredentials credentials(io.sipplatform.proto.common.v1.DigestCredentials c) {
        return DigestCredentials.fromParams(name -> {
            switch (name) {
                case "username":
                    return absent(c.getUsername());
                case "realm":
                    return c.getRealm(); // an empty realm is a value (RFC 3261 §22.4 allows realm="")
                case "nonce":
                    return absent(c.getNonce());
                case "uri":
                    return absent(c.getUri());
                case "response":
                    return absent(c.getResponse());
                case "algorithm":
                    return absent(c.getAlgorithm());
                case "cnonce":
                    return absent(c.getCnonce());
                case "opaque":
                    return absent(c.getOpaque());
                case "qop":
                    return absent(c.getQop());
                case "nc":
                    return absent(c.getNonceCount());
                case "userhash":
                    return c.getUserhash() ? "true" : null;
                default:
                    return null;
            }
        });
    }

    private static String absent(String s) {
        return s.isEmpty() ? null : s;
    }

    static Transport transport(io.sipplatform.proto.common.v1.Transport t) {
        switch (t) {
            case TRANSPORT_UDP:
                return Transport.UDP;
            case TRANSPORT_TCP:
                return Transport.TCP;
            case TRANSPORT_TLS:
                return Transport.TLS;
            case TRANSPORT_WS:
                return Transport.WS;
            case TRANSPORT_WSS:
                return Transport.WSS;
            default:
                return null;
        }
    }

    private static Party party(NameAddress a) {
        return new Party(a.getDisplayName(), a.getUri());
    }

    private static List<Party> parties(List<NameAddress> list) {
        List<Party> out = new ArrayList<>(list.size());
        for (NameAddress a : list) {
            out.add(party(a));
        }
        return out;
    }
}
