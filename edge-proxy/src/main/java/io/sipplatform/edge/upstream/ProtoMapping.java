package io.sipplatform.edge.upstream;

import com.google.protobuf.Duration;
import io.sipplatform.edge.proxy.Decision;
import io.sipplatform.edge.proxy.Rejection;
import io.sipplatform.edge.transport.Inbound;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.proto.common.v1.DigestChallenge;
import io.sipplatform.proto.common.v1.FlowRef;
import io.sipplatform.proto.common.v1.NameAddress;
import io.sipplatform.proto.common.v1.TransportAddress;
import io.sipplatform.proto.routing.v1.DecideRequest;
import io.sipplatform.proto.routing.v1.DecideResponse;
import io.sipplatform.proto.routing.v1.FailoverPolicy;
import io.sipplatform.proto.routing.v1.HeaderField;
import io.sipplatform.proto.routing.v1.Target;
import io.sipplatform.proto.routing.v1.TargetGroup;
import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.header.AuthValue;
import io.sipplatform.sip.header.NameAddr;
import io.sipplatform.sip.message.HeaderName;
import io.sipplatform.sip.message.SipRequest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps between SIP as the edge holds it and the protobuf intent the services take: the only place that knows
 * both. Services never see SIP text; the edge never sees protobuf past this class.
 */
public final class ProtoMapping {
    private ProtoMapping() {
    }

    static io.sipplatform.proto.common.v1.Transport transport(Transport t) {
        return switch (t) {
            case UDP -> io.sipplatform.proto.common.v1.Transport.TRANSPORT_UDP;
            case TCP -> io.sipplatform.proto.common.v1.Transport.TRANSPORT_TCP;
            case TLS -> io.sipplatform.proto.common.v1.Transport.TRANSPORT_TLS;
            case WS -> io.sipplatform.proto.common.v1.Transport.TRANSPORT_WS;
            case WSS -> io.sipplatform.proto.common.v1.Transport.TRANSPORT_WSS;
        };
    }

    static Transport transport(io.sipplatform.proto.common.v1.Transport t) {
        return switch (t) {
            case TRANSPORT_UDP -> Transport.UDP;
            case TRANSPORT_TCP -> Transport.TCP;
            case TRANSPORT_TLS -> Transport.TLS;
            case TRANSPORT_WS -> Transport.WS;
            case TRANSPORT_WSS -> Transport.WSS;
            default -> null;
        };
    }

    static TransportAddress source(Inbound in) {
        return TransportAddress.newBuilder()
                .setIp(in.remote().getAddress() != null ? in.remote().getAddress().getHostAddress()
                        : in.remote().getHostString())
                .setPort(in.remote().getPort())
                .setTransport(transport(in.transport()))
                .build();
    }

    static TransportAddress local(Inbound in) {
        return TransportAddress.newBuilder()
                .setIp(in.local().getAddress() != null ? in.local().getAddress().getHostAddress()
                        : in.local().getHostString())
                .setPort(in.local().getPort())
                .setTransport(transport(in.transport()))
                .build();
    }

    static NameAddress nameAddress(NameAddr a) {
        NameAddress.Builder b = NameAddress.newBuilder().setUri(a.uri().toString());
        if (a.displayName() != null) {
            b.setDisplayName(a.displayName());
        }
        return b.build();
    }

    /** The intent of an out-of-dialog request (routing.v1.DecideRequest). */
    /**
     * The flow a target is reached by: the bare token, or {@code <replica>/<token>} when the owning replica has a
     * hand-off address, so another replica can pass the request to the owner (see the cluster package).
     */
    static String flowRef(FlowRef f) {
        return io.sipplatform.edge.cluster.HandoffAddress.of(f.getEdgeId()).isPresent()
                ? io.sipplatform.edge.cluster.Handoff.flowRef(f.getEdgeId(), f.getFlowToken()) : f.getFlowToken();
    }

    public static DecideRequest decideRequest(SipRequest req, Inbound in, String edgeId) {
        DecideRequest.Builder b = DecideRequest.newBuilder()
                .setMethod(req.method().name())
                .setCallId(req.callId())
                .setSource(source(in))
                .setLocal(local(in))
                .setRequestUri(req.requestUriText())
                .setFrom(nameAddress(req.from()))
                .setTo(nameAddress(req.to()));
        if (in.flowId() != null) {
            b.setFlow(FlowRef.newBuilder().setEdgeId(edgeId).setFlowToken(in.flowId()));
        }
        for (String v : req.headerValues(HeaderName.P_ASSERTED_IDENTITY)) {
            addIfParses(v, b::addPAssertedIdentity);
        }
        for (String v : req.headerValues(HeaderName.P_PREFERRED_IDENTITY)) {
            addIfParses(v, b::addPPreferredIdentity);
        }
        String privacy = req.header(HeaderName.PRIVACY);
        if (privacy != null) {
            for (String p : privacy.split(";")) {
                if (!p.isBlank()) {
                    b.addPrivacy(p.strip());
                }
            }
        }
        for (AuthValue auth : req.proxyAuthorizations()) {
            if (auth.scheme().equalsIgnoreCase("Digest")) {
                b.addProxyAuthorization(credentials(auth, req.method().name()));
            }
        }
        return b.build();
    }

    private static void addIfParses(String value, java.util.function.Consumer<NameAddress> sink) {
        try {
            sink.accept(nameAddress(NameAddr.parse(value)));
        } catch (SipParseException e) {
            // an unreadable identity header is left out; routing then applies its caller-ID policy without it
        }
    }

    static io.sipplatform.proto.common.v1.DigestCredentials credentials(AuthValue a, String method) {
        io.sipplatform.proto.common.v1.DigestCredentials.Builder b =
                io.sipplatform.proto.common.v1.DigestCredentials.newBuilder().setMethod(method);
        setIf(a.param("username"), b::setUsername);
        setIf(a.param("realm"), b::setRealm);
        setIf(a.param("nonce"), b::setNonce);
        setIf(a.param("uri"), b::setUri);
        setIf(a.param("response"), b::setResponse);
        setIf(a.param("algorithm"), b::setAlgorithm);
        setIf(a.param("cnonce"), b::setCnonce);
        setIf(a.param("opaque"), b::setOpaque);
        setIf(a.param("qop"), b::setQop);
        setIf(a.param("nc"), b::setNonceCount);
        b.setUserhash("true".equalsIgnoreCase(a.param("userhash")));
        return b.build();
    }

    private static void setIf(String v, java.util.function.Consumer<String> setter) {
        if (v != null) {
            setter.accept(v);
        }
    }

    /** Renders a challenge as a WWW-Authenticate / Proxy-Authenticate value (RFC 7616 §3.3 quoting). */
    public static String challenge(DigestChallenge c) {
        StringBuilder sb = new StringBuilder("Digest realm=\"").append(quote(c.getRealm())).append('"')
                .append(", nonce=\"").append(quote(c.getNonce())).append('"');
        if (!c.getOpaque().isEmpty()) {
            sb.append(", opaque=\"").append(quote(c.getOpaque())).append('"');
        }
        if (!c.getAlgorithm().isEmpty()) {
            sb.append(", algorithm=").append(c.getAlgorithm());
        }
        if (c.getQopCount() > 0) {
            sb.append(", qop=\"").append(String.join(",", c.getQopList())).append('"');
        }
        if (c.getStale()) {
            sb.append(", stale=true");
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** The relay's final statistics per stream side; the side whose tag is the caller's from-tag is the caller. */
    public static List<io.sipplatform.edge.proxy.CallEvents.MediaStream> mediaStreams(
            io.sipplatform.proto.media.v1.DeleteResponse r, String callerTag) {
        return mediaStreams(r.getStreamsList(), callerTag);
    }

    /** Per-stream statistics (a Delete's, or a session-expired event's) per side. */
    static List<io.sipplatform.edge.proxy.CallEvents.MediaStream> mediaStreams(
            List<io.sipplatform.proto.media.v1.StreamStats> stats, String callerTag) {
        List<io.sipplatform.edge.proxy.CallEvents.MediaStream> out = new ArrayList<>();
        for (var s : stats) {
            long jitterMicros = s.hasJitter() ? s.getJitter().getSeconds() * 1_000_000 + s.getJitter().getNanos() / 1000
                    : 0;
            out.add(new io.sipplatform.edge.proxy.CallEvents.MediaStream(s.getTag().equals(callerTag),
                    s.getStreamIndex(), s.getMediaType(), s.getCodec(), s.getPackets(), s.getBytes(),
                    s.getPacketsLost(), jitterMicros, s.getMos()));
        }
        return out;
    }

    /**
     * The relay's Offer for a leg: the initial INVITE's (no to-tag) or a re-offer in the dialog (to-tag set; from a
     * callee the tags arrive swapped, media_relay.proto). ICE is stripped and rtcp-mux preserved, as for every SDP
     * the edge anchors.
     */
    static io.sipplatform.proto.media.v1.OfferRequest offerRequest(io.sipplatform.edge.proxy.Upstream.MediaLeg leg,
                                                                    byte[] sdp, Inbound source, byte[] teardown) {
        var b = io.sipplatform.proto.media.v1.OfferRequest.newBuilder().setCallId(leg.callId())
                .setFromTag(leg.fromTag()).setSdp(com.google.protobuf.ByteString.copyFrom(sdp)).setFlags(mediaFlags());
        if (leg.toTag() != null) {
            b.setToTag(leg.toTag());
        }
        if (source != null) {
            b.setSignallingSource(source(source));
        }
        if (teardown != null) {
            b.setTeardown(com.google.protobuf.ByteString.copyFrom(teardown));
        }
        return b.build();
    }

    /** The relay's Answer for a leg: {@code fromTag} offered, {@code toTag} answers. */
    static io.sipplatform.proto.media.v1.AnswerRequest answerRequest(io.sipplatform.edge.proxy.Upstream.MediaLeg leg,
                                                                      byte[] sdp, Inbound source,
                                                                      byte[] teardown) {
        var b = io.sipplatform.proto.media.v1.AnswerRequest.newBuilder().setCallId(leg.callId())
                .setFromTag(leg.fromTag()).setToTag(leg.toTag()).setSdp(com.google.protobuf.ByteString.copyFrom(sdp))
                .setFlags(mediaFlags());
        if (source != null) {
            b.setSignallingSource(source(source));
        }
        if (teardown != null) {
            b.setTeardown(com.google.protobuf.ByteString.copyFrom(teardown));
        }
        return b.build();
    }

    /** The relay's Delete of a call (caller's tag) or of one branch (callee's tag set). */
    static io.sipplatform.proto.media.v1.DeleteRequest deleteRequest(io.sipplatform.edge.proxy.Upstream.MediaLeg leg) {
        var b = io.sipplatform.proto.media.v1.DeleteRequest.newBuilder().setCallId(leg.callId())
                .setFromTag(leg.fromTag());
        if (leg.toTag() != null) {
            b.setToTag(leg.toTag());
        }
        return b.build();
    }

    private static io.sipplatform.proto.media.v1.MediaFlags mediaFlags() {
        return io.sipplatform.proto.media.v1.MediaFlags.newBuilder().setStripIce(true)
                .setRtcpMux(io.sipplatform.proto.media.v1.RtcpMux.RTCP_MUX_PRESERVE).build();
    }

    /** Who is calling whom, as routing identified it, for the call's CDR (rejected calls have one too). */
    private static Map<String, String> context(DecideResponse r) {
        var c = r.getContext();
        Map<String, String> context = new java.util.HashMap<>();
        putIf(context, "customer", c.getCustomerId());
        putIf(context, "trunk", c.getTrunkId());
        putIf(context, "direction", c.getDirection().name().replace("CALL_DIRECTION_", "").toLowerCase());
        putIf(context, "callerE164", c.getCallerE164());
        putIf(context, "calleeE164", c.getCalleeE164());
        putIf(context, "routePrefix", c.getRoutePrefix());
        return context;
    }

    /** routing.v1.DecideResponse to the proxy's decision. */
    public static Decision decision(DecideResponse r) {
        return switch (r.getDecisionCase()) {
            case REJECT -> {
                var o = r.getReject().getOutcome();
                Map<String, String> h = o.hasRetryAfter()
                        ? Map.of("Retry-After", Long.toString(o.getRetryAfter().getSeconds())) : Map.of();
                yield new Decision.Reject(new Rejection(sane(o.getCode(), 403), reason(o.getReason(), "Forbidden"),
                        h), r.getDecisionId(), context(r));
            }
            case CHALLENGE -> {
                List<String> values = new ArrayList<>();
                for (DigestChallenge c : r.getChallenge().getChallengesList()) {
                    values.add(challenge(c));
                }
                yield new Decision.Challenge(values);
            }
            case REDIRECT -> {
                List<String> contacts = new ArrayList<>();
                r.getRedirect().getContactsList().forEach(c -> contacts.add("<" + c.getUri() + ">"
                        + (c.hasQMilli() ? ";q=" + qValue(c.getQMilli()) : "")
                        + (c.hasExpires() ? ";expires=" + c.getExpires().getSeconds() : "")));
                var o = r.getRedirect().getOutcome();
                yield new Decision.Redirect(o.getCode() >= 300 && o.getCode() < 400 ? o.getCode() : 302,
                        reason(o.getReason(), "Moved Temporarily"), contacts);
            }
            case PROXY -> {
                var p = r.getProxy();
                List<Decision.TargetGroup> groups = new ArrayList<>();
                for (TargetGroup g : p.getGroupsList()) {
                    List<Decision.Target> targets = new ArrayList<>();
                    for (Target t : g.getTargetsList()) {
                        targets.add(new Decision.Target(t.getRequestUri(),
                                t.getDestinationUri().isEmpty() ? null : t.getDestinationUri(),
                                transport(t.getTransport()),
                                t.hasFlow() && !t.getFlow().getFlowToken().isEmpty() ? flowRef(t.getFlow()) : null,
                                t.getGatewayId().isEmpty() ? null : t.getGatewayId(),
                                duration(t.hasProgressTimeout() ? t.getProgressTimeout() : null),
                                duration(t.hasAnswerTimeout() ? t.getAnswerTimeout() : null),
                                t.getCarrierId().isEmpty() ? null : t.getCarrierId()));
                    }
                    groups.add(new Decision.TargetGroup(targets, failover(g.getFailover())));
                }
                List<Decision.Header> add = new ArrayList<>();
                for (HeaderField f : p.getHeaders().getAddList()) {
                    add.add(new Decision.Header(f.getName(), f.getValue()));
                }
                yield new Decision.Proxy(r.getDecisionId(), groups, add, p.getHeaders().getRemoveList(), context(r),
                        p.hasLease() ? p.getLease().getLeaseId() : null, p.hasMedia() && p.getMedia().getRelay());
            }
            default -> new Decision.Reject(Rejection.of(500, "Server Internal Error"));
        };
    }

    private static void putIf(Map<String, String> m, String k, String v) {
        if (v != null && !v.isEmpty() && !v.equals("unspecified")) {
            m.put(k, v);
        }
    }

    private static Decision.Failover failover(FailoverPolicy f) {
        Set<Integer> codes = new HashSet<>(f.getCodesList());
        Set<Integer> classes = new HashSet<>(f.getClassesList());
        return new Decision.Failover(codes, classes, f.getOnTimeout(), f.getOnTransportError());
    }

    private static java.time.Duration duration(Duration d) {
        if (d == null || (d.getSeconds() == 0 && d.getNanos() == 0)) {
            return null;
        }
        return java.time.Duration.ofSeconds(d.getSeconds(), d.getNanos());
    }

    private static int sane(int code, int fallback) {
        return code >= 300 && code <= 699 ? code : fallback;
    }

    private static String reason(String r, String fallback) {
        return r == null || r.isBlank() || r.indexOf('\r') >= 0 || r.indexOf('\n') >= 0 ? fallback : r;
    }

    private static String qValue(int milli) {
        int m = Math.max(0, Math.min(1000, milli));
        return m == 1000 ? "1" : "0." + String.format("%03d", m);
    }
}
