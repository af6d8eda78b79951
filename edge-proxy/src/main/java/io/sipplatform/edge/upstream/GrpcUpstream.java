package io.sipplatform.edge.upstream;

import io.sipplatform.edge.proxy.CallEvents;
import io.sipplatform.edge.proxy.Decision;
import io.sipplatform.edge.proxy.Rejection;
import io.sipplatform.edge.proxy.Upstream;
import io.sipplatform.edge.transport.Inbound;
import io.sipplatform.proto.common.v1.DigestChallenge;
import io.sipplatform.proto.common.v1.FlowRef;
import io.sipplatform.proto.registrar.v1.Binding;
import io.sipplatform.proto.registrar.v1.MutinyRegistrarGrpc;
import io.sipplatform.proto.registrar.v1.RegisterRequest;
import io.sipplatform.proto.registrar.v1.RegisterResponse;
import io.sipplatform.proto.registrar.v1.RequestedContact;
import io.sipplatform.proto.routing.v1.MutinyRoutingGrpc;
import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.header.AuthValue;
import io.sipplatform.sip.header.Contact;
import io.sipplatform.sip.header.NameAddr;
import io.sipplatform.sip.message.HeaderName;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.uri.SipUri;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The proxy core's {@link Upstream} over gRPC: Mutiny stubs with a deadline per call, never blocking; every
 * failure becomes the SIP answer of {@link GrpcToSip}.
 */
public final class GrpcUpstream extends MediaThroughRelays {
    private final MutinyRoutingGrpc.MutinyRoutingStub routing;
    private final MutinyRegistrarGrpc.MutinyRegistrarStub registrar;
    private final Duration deadline;
    private final GrpcToSip table;
    private final String edgeId;
    private final java.util.concurrent.atomic.AtomicLong releaseFailures = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.function.Function<String, List<java.security.cert.Certificate>> peerChains;

    public GrpcUpstream(MutinyRoutingGrpc.MutinyRoutingStub routing, MutinyRegistrarGrpc.MutinyRegistrarStub registrar,
                        io.sipplatform.proto.media.v1.MutinyMediaRelayGrpc.MutinyMediaRelayStub media,
                        Duration deadline, GrpcToSip table, String edgeId) {
        this(routing, registrar, media, deadline, table, edgeId, flowId -> List.of());
    }

    /**
     * @param peerChains the verified client certificate chain of a connection by flow id (empty for none), sent
     *                   to routing so it can match a mutual-TLS trunk
     */
    public GrpcUpstream(MutinyRoutingGrpc.MutinyRoutingStub routing, MutinyRegistrarGrpc.MutinyRegistrarStub registrar,
                        io.sipplatform.proto.media.v1.MutinyMediaRelayGrpc.MutinyMediaRelayStub media,
                        Duration deadline, GrpcToSip table, String edgeId,
                        java.util.function.Function<String, List<java.security.cert.Certificate>> peerChains) {
        this(routing, registrar, new MediaRelays(List.of(new MediaRelays.Relay(Media.DEFAULT_RELAY,
                MediaRelays.Client.over(media, deadline))), Duration.ofSeconds(10), System::nanoTime, table),
                deadline, table, edgeId, peerChains);
    }

    /** @param media the relays calls are anchored at, each operation at the relay holding the call */
    public GrpcUpstream(MutinyRoutingGrpc.MutinyRoutingStub routing, MutinyRegistrarGrpc.MutinyRegistrarStub registrar,
                        MediaRelays media, Duration deadline, GrpcToSip table, String edgeId,
                        java.util.function.Function<String, List<java.security.cert.Certificate>> peerChains) {
        super(media);
        this.peerChains = peerChains;
        this.routing = routing;
        this.registrar = registrar;
        this.deadline = deadline;
        this.table = table;
        this.edgeId = edgeId;
    }

    @Override
    public CompletionStage<Decision> decide(SipRequest request, Inbound source) {
        var req = ProtoMapping.decideRequest(request, source, edgeId);
        if (source.flowId() != null && source.transport().secure()) {
            var peer = TlsPeers.identity(peerChains.apply(source.flowId()));
            if (peer.isPresent()) {
                req = req.toBuilder().setTlsPeer(peer.get()).build();
            }
        }
        return routing.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS).decide(req)
                .subscribeAsCompletionStage()
                .thenApply(ProtoMapping::decision)
                .exceptionally(failure -> {
                    GrpcToSip.SipAnswer a = table.answer(failure);
                    Map<String, String> h = new java.util.LinkedHashMap<>();
                    retryAfter(a).forEach(x -> h.put(x.name(), x.value()));
                    return new Decision.Reject(new Rejection(a.code(), a.reason(), h));
                });
    }

    @Override
    public void releaseLease(String leaseId, String callId) {
        routing.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .releaseLease(io.sipplatform.proto.routing.v1.ReleaseLeaseRequest.newBuilder().setLeaseId(leaseId)
                        .setCallId(callId).build())
                .subscribe().with(ok -> { }, failure -> releaseFailures.incrementAndGet());
    }

    /** Lease releases and media relay calls that failed (leases expire, idle media times out on its own). */
    public long releaseFailures() {
        return releaseFailures.get() + relays().failures();
    }

    @Override
    public CompletionStage<LocalAnswer> register(SipRequest request, Inbound source) {
        RegisterRequest req;
        try {
            req = registerRequest(request, source);
        } catch (SipParseException e) {
            return CompletableFuture.completedFuture(new LocalAnswer(400, "Bad Request (" + e.getMessage() + ")",
                    List.of()));
        }
        return registrar.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS).register(req)
                .subscribeAsCompletionStage()
                .thenApply(GrpcUpstream::registerAnswer)
                .exceptionally(failure -> {
                    GrpcToSip.SipAnswer a = table.answer(failure);
                    return new LocalAnswer(a.code(), a.reason(), retryAfter(a));
                });
    }

    /** The Retry-After header of a gRPC-failure answer, if it has one. */
    private static List<Decision.Header> retryAfter(GrpcToSip.SipAnswer a) {
        return a.retryAfter() == null ? List.of()
                : List.of(new Decision.Header("Retry-After", Long.toString(a.retryAfter().toSeconds())));
    }

    /** REGISTER intent (RFC 3261 §10.2 fields, RFC 5626 instance/reg-id, the flow the request came on). */
    RegisterRequest registerRequest(SipRequest r, Inbound in) {
        NameAddr to = r.to();
        RegisterRequest.Builder b = RegisterRequest.newBuilder()
                .setAor(aor(to))
                .setRequestUri(r.requestUriText())
                .setCallId(r.callId())
                .setCseq((int) r.cseq().number())
                .setSource(ProtoMapping.source(in))
                .setWildcard(r.isContactWildcard());
        long expires = r.expires();
        if (expires >= 0) {
            b.setExpires(com.google.protobuf.Duration.newBuilder().setSeconds(expires));
        }
        for (Contact c : r.contacts()) {
            RequestedContact.Builder cb = RequestedContact.newBuilder().setUri(c.uri().toString());
            if (c.expires() >= 0) {
                cb.setExpires(com.google.protobuf.Duration.newBuilder().setSeconds(c.expires()));
            }
            if (c.qMillis() >= 0) {
                cb.setQMilli(c.qMillis());
            }
            if (c.instance() != null) {
                cb.setInstanceId(c.instance());
            }
            if (c.regId() > 0) {
                cb.setRegId(c.regId());
            }
            b.addContacts(cb);
        }
        for (NameAddr p : r.paths()) {
            b.addPath(p.toString());
        }
        if (in.flowId() != null) {
            b.setFlow(FlowRef.newBuilder().setEdgeId(edgeId).setFlowToken(in.flowId()));
        }
        for (AuthValue a : r.authorizations()) {
            if (a.scheme().equalsIgnoreCase("Digest")) {
                b.addAuthorization(ProtoMapping.credentials(a, "REGISTER"));
            }
        }
        b.addAllSupported(r.supported());
        b.addAllRequire(r.require());
        String ua = r.header(HeaderName.USER_AGENT);
        if (ua != null) {
            b.setUserAgent(ua);
        }
        return b.build();
    }

    /** The address-of-record: the To URI without parameters or headers (RFC 3261 §10.3 step 5). */
    static String aor(NameAddr to) {
        if (to.uri() instanceof SipUri s) {
            return (s.secure() ? "sips:" : "sip:") + (s.user() != null ? s.user() + "@" : "")
                    + s.host().toLowerCase(java.util.Locale.ROOT);
        }
        return to.uri().toString();
    }

    static LocalAnswer registerAnswer(RegisterResponse r) {
        int code = r.getOutcome().getCode();
        if (code < 200 || code > 699) {
            code = 500;
        }
        String reason = r.getOutcome().getReason().isBlank() ? io.sipplatform.sip.message.SipStatus.defaultReason(code)
                : r.getOutcome().getReason();
        List<Decision.Header> h = new ArrayList<>();
        if (code >= 200 && code < 300) {
            for (Binding bnd : r.getBindingsList()) {
                String v = "<" + bnd.getContactUri() + ">;expires=" + bnd.getExpiresIn().getSeconds();
                if (bnd.hasQMilli()) {
                    int q = bnd.getQMilli();
                    v += ";q=" + (q >= 1000 ? "1" : "0." + String.format("%03d", q));
                }
                if (!bnd.getInstanceId().isEmpty()) {
                    v += ";+sip.instance=\"" + bnd.getInstanceId().replace("\"", "") + "\"";
                }
                if (bnd.getRegId() > 0) {
                    v += ";reg-id=" + bnd.getRegId();
                }
                h.add(new Decision.Header("Contact", v));
            }
            for (String p : r.getPathList()) {
                h.add(new Decision.Header("Path", p));
            }
            if (r.getOutbound()) {
                h.add(new Decision.Header("Require", "outbound"));
            }
            h.add(new Decision.Header("Date", DateTimeFormatter.RFC_1123_DATE_TIME
                    .format(ZonedDateTime.now(ZoneOffset.UTC))));
        }
        for (DigestChallenge c : r.getChallengesList()) {
            h.add(new Decision.Header("WWW-Authenticate", ProtoMapping.challenge(c)));
        }
        if (r.hasMinExpires()) {
            h.add(new Decision.Header("Min-Expires", Long.toString(r.getMinExpires().getSeconds())));
        }
        if (r.getUnsupportedCount() > 0) {
            h.add(new Decision.Header("Unsupported", String.join(", ", r.getUnsupportedList())));
        }
        if (r.getOutcome().hasRetryAfter()) {
            h.add(new Decision.Header("Retry-After", Long.toString(r.getOutcome().getRetryAfter().getSeconds())));
        }
        return new LocalAnswer(code, reason, h);
    }

}
