package io.sipplatform.edge.proxy;

import io.sipplatform.edge.cluster.Handoff;

import io.sipplatform.edge.time.Timers;
import io.sipplatform.edge.transaction.ClientListener;
import io.sipplatform.edge.transaction.ClientTransaction;
import io.sipplatform.edge.transaction.ServerTransaction;
import io.sipplatform.edge.transaction.TerminationCause;
import io.sipplatform.edge.transaction.TransactionLayer;
import io.sipplatform.edge.transaction.TransactionUser;
import io.sipplatform.edge.transport.Destination;
import io.sipplatform.edge.transport.Inbound;
import io.sipplatform.edge.transport.SipSender;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.header.NameAddr;
import io.sipplatform.sip.header.Via;
import io.sipplatform.sip.message.HeaderName;
import io.sipplatform.sip.message.SipMessage;
import io.sipplatform.sip.message.SipMessageBuilder;
import io.sipplatform.sip.message.SipMethod;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;
import io.sipplatform.sip.message.SipStatus;
import io.sipplatform.sip.uri.SipUri;
import io.sipplatform.sip.uri.Uri;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The stateful proxy of RFC 3261 §16 for one event-loop shard: it validates requests, asks routing where they go,
 * forwards them over client transactions with serial failover between target groups and parallel forking inside a
 * group, selects and relays the best response, and loose-routes in-dialog requests by its own signed Record-Route.
 * Single-threaded: every method runs on the shard's thread; asynchronous answers hop back through {@code shard}.
 */
public final class ProxyCore implements TransactionUser {
    /** Methods whose forwarded requests carry our Record-Route: they can create dialogs (RFC 3261 §16.6 step 4). */
    private static final Set<SipMethod> RECORD_ROUTED = Set.of(SipMethod.INVITE, SipMethod.SUBSCRIBE,
            SipMethod.REFER, SipMethod.NOTIFY);
    private static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, PRACK, UPDATE, INFO, MESSAGE, "
            + "REFER, SUBSCRIBE, NOTIFY";
    static final String TOKEN_PARAM = "ert";

    private final EdgeIdentity me;
    private final RouteToken routeToken;
    private final RequestValidator validator;
    private final Upstream upstream;
    private final NextHops nextHops;
    private final SipSender sender;
    private final Timers timers;
    private final Executor shard;
    private final ProxySettings settings;
    private final Admission admission;
    private final CallEvents events;
    private final java.time.InstantSource clock;
    private final Map<ServerTransaction, Call> calls = new HashMap<>();
    private TransactionLayer layer;
    private long branchCounter;
    private final ProxyStats stats = new ProxyStats();
    private java.util.function.Consumer<Inbound> authFailures = source -> { };
    /** Builds the media teardown contexts sent with offers and answers; null: none are sent. */
    private TeardownContexts teardown;

    public ProxyCore(EdgeIdentity me, RouteToken routeToken, Upstream upstream, NextHops nextHops, SipSender sender,
                     Timers timers, Executor shard, ProxySettings settings, Admission admission,
                     CallEvents events, java.time.InstantSource clock) {
        this.me = me;
        this.routeToken = routeToken;
        this.upstream = upstream;
        this.nextHops = nextHops;
        this.sender = sender;
        this.timers = timers;
        this.shard = shard;
        this.settings = settings;
        this.admission = admission;
        this.events = events;
        this.clock = clock;
        this.validator = new RequestValidator(Set.of(), me::isMine);
    }

    /** Completes construction: the layer and the core refer to each other. */
    public void attach(TransactionLayer transactionLayer) {
        this.layer = transactionLayer;
    }

    /** Counters for metrics. */
    public ProxyStats stats() {
        return stats;
    }

    /** Calls (server transactions) the core still has to finish. */
    public int openCalls() {
        return calls.size();
    }

    // ---------------------------------------------------------------- requests

    @Override
    public void onRequest(ServerTransaction tx) {
        SipRequest req = tx.request();
        stats.requests++;
        SipMethod method = req.method();
        try {
            if (method.equals(SipMethod.CANCEL)) {
                onCancel(tx);
                return;
            }
            String toTag = req.toTag();
            if (toTag != null) {
                inDialog(tx, req);
                return;
            }
            if (!admission.admits(layer.openTransactions(), method)) {
                stats.shed++;
                answer(tx, 503, "Service Unavailable", List.of()); // Retry-After added for every 503
                return;
            }
            if (method.equals(SipMethod.OPTIONS) && addressedToMe(req)) {
                answer(tx, 200, "OK", List.of(new Decision.Header("Allow", ALLOW),
                        new Decision.Header("Accept", "application/sdp")));
                return;
            }
            if (method.equals(SipMethod.REGISTER) && addressedToMe(req)) {
                register(tx, req);
                return;
            }
        } catch (SipParseException e) {
            answer(tx, 400, "Bad Request (" + e.getMessage() + ")", List.of());
            return;
        }
        outOfDialog(tx, req);
    }

    private boolean addressedToMe(SipRequest req) {
        if (req.routes().stream().anyMatch(r -> !(r.uri() instanceof SipUri s && me.isMe(s)))) {
            return false;
        }
        return req.requestUri() instanceof SipUri uri && (me.servesHost(uri) && uri.user() == null
                || req.method().equals(SipMethod.REGISTER) && me.servesHost(uri));
    }

    private void register(ServerTransaction tx, SipRequest req) {
        Optional<Rejection> bad = validator.validate(req, null);
        if (bad.isPresent()) {
            reject(tx, bad.get());
            return;
        }
        CompletionStage<Upstream.LocalAnswer> answer = upstream.register(req, tx.source());
        answer.whenCompleteAsync((a, failure) -> {
            if (failure != null || a == null) {
                answer(tx, 500, "Server Internal Error", List.of());
            } else {
                if (a.code() == 401 && req.hasHeader(HeaderName.AUTHORIZATION) && !stale(a.headers())) {
                    authFailures.accept(tx.source());
                }
                answer(tx, a.code(), a.reason(), a.headers());
            }
        }, shard);
    }

    /** Whether a challenge only renews an expired nonce (RFC 7616 §3.3): the credentials were right. */
    private static boolean stale(List<Decision.Header> challenges) {
        for (Decision.Header h : challenges) {
            try {
                if ("true".equalsIgnoreCase(io.sipplatform.sip.header.AuthValue.parse(h.value()).param("stale"))) {
                    return true;
                }
            } catch (SipParseException e) {
                // a challenge the edge cannot read says nothing about staleness
            }
        }
        return false;
    }

    /**
     * Called with the source of each request whose credentials failed: answered 401/407 again with a fresh (not
     * stale) challenge. The edge's source guard bans a source that fails too often.
     */
    public void onAuthFailure(java.util.function.Consumer<Inbound> listener) {
        this.authFailures = listener;
    }

    /**
     * Sends a sealed teardown context with each offer and answer the relay anchors (the initial INVITE's offer
     * unconfirmed, the 2xx's and a re-INVITE's confirmed), so the relay's media-timeout event lets any replica end
     * the call; null sends none.
     */
    public void sendTeardownContexts(TeardownSeal seal) {
        this.teardown = seal == null ? null : new TeardownContexts(seal, this::isOwnRoute);
    }

    /** A Record-Route / Route value this edge wrote: its token verifies with the cluster secret. */
    private boolean isOwnRoute(NameAddr value) {
        if (!(value.uri() instanceof SipUri s)) {
            return false;
        }
        String token = s.param(TOKEN_PARAM);
        return token != null && routeToken.verify(token).isPresent();
    }

    private void outOfDialog(ServerTransaction tx, SipRequest req) {
        Optional<Rejection> bad = validator.validate(req, loopKey(req));
        if (bad.isPresent()) {
            reject(tx, bad.get());
            return;
        }
        Call call = new Call(tx);
        calls.put(tx, call);
        upstream.decide(req, tx.source()).whenCompleteAsync((decision, failure) -> {
            if (failure != null || decision == null) {
                finish(call, 500, "Server Internal Error", List.of());
            } else {
                apply(call, decision);
            }
        }, shard);
    }

    private void apply(Call call, Decision decision) {
        if (call.finalSent) {
            return;
        }
        if (call.server.isInvite() && !(decision instanceof Decision.Challenge)) {
            // a challenged INVITE is retried with credentials on the same Call-ID: that one is the attempt
            SipRequest req = call.server.request();
            Inbound src = call.server.source();
            call.reported = true;
            String decisionId = decision instanceof Decision.Proxy p ? p.decisionId()
                    : decision instanceof Decision.Reject r ? r.decisionId() : "";
            Map<String, String> context = decision instanceof Decision.Proxy p ? p.context()
                    : decision instanceof Decision.Reject r ? r.context() : Map.of();
            events.report(new CallEvents.Attempt(req.callId(), clock.instant(), decisionId,
                    req.header(HeaderName.FROM), req.header(HeaderName.TO), req.requestUriText(), src.transport(),
                    src.remote(), context));
        }
        if (decision instanceof Decision.Reject r) {
            finish(call, r.rejection().code(), r.rejection().reason(), headers(r.rejection()));
        } else if (decision instanceof Decision.Challenge c) {
            List<Decision.Header> h = new ArrayList<>();
            for (String v : c.proxyAuthenticate()) {
                h.add(new Decision.Header("Proxy-Authenticate", v));
            }
            if (call.server.request().hasHeader(HeaderName.PROXY_AUTHORIZATION) && !stale(h)) {
                authFailures.accept(call.server.source());
            }
            finish(call, 407, "Proxy Authentication Required", h);
        } else if (decision instanceof Decision.Redirect r) {
            List<Decision.Header> h = new ArrayList<>();
            for (String c : r.contacts()) {
                h.add(new Decision.Header("Contact", c));
            }
            finish(call, r.code(), r.reason(), h);
        } else if (decision instanceof Decision.Proxy p) {
            if (call.cancelled) {
                finish(call, 487, "Request Terminated", List.of());
                return;
            }
            if (p.groups().isEmpty()) {
                finish(call, 404, "Not Found", List.of());
                return;
            }
            call.plan = p;
            SipRequest req = call.server.request();
            if (p.relayMedia() && isSdp(req)) {
                byte[] context = teardown == null ? null : teardown.seal(teardown.offered(req,
                        callerSide(call.server.source()), p.leaseId()));
                upstream.offer(new Upstream.MediaLeg(null, req.callId(), req.fromTag(), null), req.body(),
                                call.server.source(), context)
                        .whenCompleteAsync((media, failure) -> {
                            if (call.finalSent) {
                                return;
                            }
                            if (failure != null || media == null || !media.ok()) {
                                int code = media != null && !media.ok() ? media.code() : 500;
                                finish(call, code, media != null && media.reason() != null ? media.reason()
                                        : "Server Internal Error", List.of());
                                return;
                            }
                            call.offerSdp = media.sdp();
                            call.anchored = true;
                            call.relay = media.relay() != null ? media.relay() : Upstream.Media.DEFAULT_RELAY;
                            if (call.cancelled) {
                                finish(call, 487, "Request Terminated", List.of());
                                return;
                            }
                            startGroup(call, 0);
                        }, shard);
                return;
            }
            if (p.relayMedia() && req.method().equals(SipMethod.INVITE) && req.bodyLength() == 0) {
                // a late offer (RFC 3264 §5, RFC 6337 §3): the callee offers in its 2xx, the caller answers in the
                // ACK; the relay is named now so the Record-Route token carries it to the ACK's replica
                call.relay = upstream.newSessionRelay();
                if (call.relay != null) {
                    call.offerInResponse = true;
                    call.anchored = true;
                }
            }
            startGroup(call, 0);
        }
    }

    private static boolean isSdp(SipMessage m) {
        if (m.bodyLength() == 0) {
            return false;
        }
        try {
            return m.contentType() != null && "application/sdp".equals(m.contentType().mediaType());
        } catch (SipParseException e) {
            return false;
        }
    }

    /**
     * Hands {@code then} the response with its SDP anchored at the relay when the dialog's media is relayed: an
     * answer to the offer of the request, or, for a re-INVITE without an offer, the answerer's offer (RFC 3264
     * §5: the 2xx offers, the ACK answers). Anchored once per to-tag, so retransmitted 2xx carry the same SDP;
     * otherwise the response itself.
     */
    private void withAnswer(Call call, Branch b, SipResponse r, java.util.function.Consumer<SipResponse> then) {
        if (call.relay == null || !isSdp(r)) {
            then.accept(r);
            return;
        }
        String toTag;
        try {
            toTag = r.toTag();
        } catch (SipParseException e) {
            then.accept(r);
            return;
        }
        if (toTag == null) {
            then.accept(r);
            return;
        }
        SipRequest req = call.server.request();
        CompletionStage<Upstream.Media> anchored = call.answers.computeIfAbsent(toTag, tag -> {
            byte[] context = answeredContext(call, b, r);
            return call.offerInResponse
                    ? upstream.offer(new Upstream.MediaLeg(call.relay, req.callId(), tag, req.fromTag()), r.body(),
                            null, context)
                    : upstream.answer(new Upstream.MediaLeg(call.relay, req.callId(), req.fromTag(), tag), r.body(),
                            null, context);
        });
        anchored.whenCompleteAsync((media, failure) -> {
            if (failure != null || media == null || !media.ok()) {
                stats.mediaAnswerFailures++; // the answer goes on unanchored rather than losing the call
                call.answers.remove(toTag, anchored); // a retransmission asks the relay again
                then.accept(r);
                return;
            }
            then.accept((SipResponse) r.toBuilder().body(media.sdp(), null).build());
        }, shard);
    }

    /**
     * The sealed, confirmed teardown context a 2xx completes: the initial INVITE's with the callee's side of this
     * branch, or an in-dialog offer's with the answerer's refreshed target; null for other responses or when none
     * can be built.
     */
    private byte[] answeredContext(Call call, Branch b, SipResponse r) {
        if (teardown == null || r.statusCode() < 200 || r.statusCode() >= 300) {
            return null;
        }
        if (call.inDialog) {
            return teardown.seal(TeardownContexts.refreshed(call.dialogTeardown, call.dialogFromCaller, r));
        }
        if (b == null || b.target == null || b.dest == null) {
            return null;
        }
        return teardown.seal(teardown.answered(call.server.request(), callerSide(call.server.source()), r,
                calleeSide(b.target, b.dest), call.plan == null ? null : call.plan.leaseId()));
    }

    // ---------------------------------------------------------------- forking and failover (§16.5-§16.7)

    private void startGroup(Call call, int index) {
        call.group = index;
        call.branches.clear();
        Decision.TargetGroup group = call.plan.groups().get(index);
        for (Decision.Target target : group.targets()) {
            Branch b = new Branch(call, target);
            b.leg = ++call.legs;
            call.branches.add(b);
        }
        for (Branch b : List.copyOf(call.branches)) {
            forward(b);
        }
    }

    private void forward(Branch b) {
        Call call = b.call;
        SipRequest in = call.server.request();
        Uri requestUri;
        try {
            requestUri = Uri.parse(b.target.requestUri());
        } catch (SipParseException e) {
            b.fail(500, "Bad Target", false, false);
            return;
        }
        Uri hopUri = requestUri;
        if (b.target.destinationUri() != null) {
            try {
                hopUri = Uri.parse(b.target.destinationUri());
            } catch (SipParseException e) {
                b.fail(500, "Bad Target", false, false);
                return;
            }
        }
        CompletionStage<List<Destination>> where;
        if (b.target.flowId() != null && hopUri instanceof SipUri s) {
            Transport t = b.target.transport() != null ? b.target.transport() : Transport.TCP;
            where = java.util.concurrent.CompletableFuture.completedFuture(List.of(
                    new Destination(t, InetSocketAddress.createUnresolved(s.hostWithoutBrackets(),
                            s.port() > 0 ? s.port() : 5060), b.target.flowId())));
        } else {
            where = nextHops.resolveAll(hopUri, b.target.transport());
        }
        where.whenCompleteAsync((all, failure) -> {
            if (b.done || call.finalSent) {
                return;
            }
            if (failure != null || all == null || all.isEmpty()) {
                b.fail(503, "Service Unavailable", false, true);
                return;
            }
            b.alternates = new java.util.ArrayDeque<>(all);
            sendBranch(b);
        }, shard);
    }

    /** Sends the branch's request to its next destination (RFC 3263 §4.3 failover takes the one after). */
    private void sendBranch(Branch b) {
        Call call = b.call;
        if (call.cancelled) {
            b.fail(487, "Request Terminated", false, false);
            return;
        }
        Destination dest = b.alternates.poll();
        b.dest = dest;
        SipRequest out = buildForward(call, b, call.server.request(), b.target.requestUri(), dest);
        b.sentNanos = System.nanoTime();
        ClientTransaction sent = layer.sendRequest(out, dest, b);
        if (b.tx == null && !b.done) { // else a transport error inside sendRequest already moved on or ended it
            b.tx = sent;
            b.startTimers();
        }
    }

    private SipRequest buildForward(Call call, Branch b, SipRequest in, String requestUri, Destination dest) {
        SipMessageBuilder mb = in.toBuilder().requestUri(requestUri).decrementMaxForwards();
        // a preloaded Route naming us is consumed here (§16.4)
        NameAddr top = in.topRoute();
        if (top != null && top.uri() instanceof SipUri s && me.isMe(s)) {
            mb.popRoute();
        }
        for (String name : call.plan.removeHeaders()) {
            mb.removeHeader(HeaderName.of(name));
        }
        if (call.offerSdp != null) {
            mb.body(call.offerSdp, null);
        }
        for (Decision.Header h : call.plan.addHeaders()) {
            mb.addHeader(h.name(), h.value());
        }
        Transport inT = call.server.source().transport();
        if (RECORD_ROUTED.contains(in.method())) {
            String token = routeToken.sign(routeState(call.server.source(), in.fromTag(), b.target, dest,
                    call.plan.leaseId(), call.relay));
            // RFC 5658 double Record-Route when the two sides use different transports
            if (inT != dest.transport()) {
                mb.addRecordRoute(recordRoute(inT, token));
            }
            mb.addRecordRoute(recordRoute(dest.transport(), token));
        }
        mb.pushVia(via(dest.transport(), loopKey(in)));
        return (SipRequest) mb.build();
    }

    /**
     * What an in-dialog request needs to reach each side without dialog state: side a is the caller as its INVITE
     * arrived (received address, and its connection named with this replica so another replica hands requests to
     * it), side b the callee when it is a customer reached over a flow or at a fixed NAT address (a registered
     * contact's public source), so requests towards it go where the INVITE went instead of to its private Contact.
     * A carrier's side is not recorded: its Contact is its remote target (RFC 3261 §12.1.2). {@code ft}, the
     * caller's From tag, tells the direction of an in-dialog request (as Kamailio's rr ftag does).
     */
    private Map<String, String> routeState(Inbound caller, String fromTag, Decision.Target target, Destination dest,
                                           String lease, String relay) {
        Map<String, String> st = new LinkedHashMap<>();
        st.put("a", callerSide(caller));
        String b = calleeSide(target, dest);
        if (b != null) {
            st.put("b", b);
        }
        if (fromTag != null && RouteToken.valueAllowed(fromTag)) {
            st.put("ft", fromTag);
        }
        st.put("e", me.replicaId());
        if (lease != null) {
            st.put("l", lease);
        }
        if (relay != null) {
            st.put("m", relay); // the relay holding the call's media; "1" in tokens from before relay ids
        }
        return st;
    }

    /** The caller's side as recorded: received address, and its connection named with this replica. */
    private String callerSide(Inbound caller) {
        String callerFlow = caller.flowId() == null ? null : Handoff.flowRef(me.replicaId(), caller.flowId());
        return RecordedSide.format(caller.transport(), caller.remote(), callerFlow);
    }

    /**
     * The callee's side when it is a customer reached over a flow or at a fixed NAT address, else null (a carrier's
     * Contact is its remote target).
     */
    private static String calleeSide(Decision.Target target, Destination dest) {
        if (target.flowId() != null || (target.destinationUri() != null && target.carrierId() == null
                && target.gatewayId() == null)) {
            return RecordedSide.format(dest.transport(), dest.address(), target.flowId());
        }
        return null;
    }

    private String recordRoute(Transport t, String token) {
        EdgeIdentity.HostPort hp = me.pointFor(t);
        // sip: with transport=tls/wss, as Kamailio and OpenSIPS record-route: sips: would promise TLS on every hop
        // (RFC 5630 §3.1) where the other leg may be UDP, and UAs such as baresip 1.x cannot send to it
        return "<sip:" + hostForUri(hp.host()) + ":" + hp.port() + ";transport=" + t.uriParam() + ";lr;"
                + TOKEN_PARAM + "=" + token + ">";
    }

    private String via(Transport t, String loopKey) {
        EdgeIdentity.HostPort hp = me.pointFor(t);
        return "SIP/2.0/" + t.viaToken() + " " + hostForUri(hp.host()) + ":" + hp.port() + ";branch=z9hG4bK-"
                + me.replicaId() + "-" + loopKey + "-" + Long.toString(++branchCounter, 36) + ";rport";
    }

    private static String hostForUri(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** §16.6 step 8 loop key: what identifies this request regardless of the hop it came from. */
    static String loopKey(SipRequest req) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            String toTag = req.toTag();
            md.update((req.requestUriText() + "|" + req.fromTag() + "|" + (toTag == null ? "" : toTag) + "|"
                    + req.callId() + "|" + req.cseq().number() + "|" + String.join(",", req.proxyRequire()))
                    .getBytes(StandardCharsets.UTF_8));
            byte[] h = md.digest();
            return HexFormat.of().formatHex(h, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Called when a branch has its final outcome: forward a 2xx, or pick the next step when the group is done. */
    private void branchDone(Branch b) {
        Call call = b.call;
        if (call.finalSent) {
            return;
        }
        for (Branch other : call.branches) {
            if (!other.done) {
                return;
            }
            if (other.code >= 200 && other.code < 300) {
                return; // that branch's onFinal forwards its 2xx, after the relay's answer if media is anchored
            }
        }
        Branch best = bestOf(call.branches);
        boolean more = call.group + 1 < call.plan.groups().size();
        if (more && !call.cancelled && !call.sixxx && best != null && call.plan.groups().get(call.group)
                .failover().failsOver(best.code, best.timeout, best.transportError)) {
            stats.failovers++;
            startGroup(call, call.group + 1);
            return;
        }
        if (call.cancelled && (best == null || best.code < 300 || best.response == null)) {
            finish(call, 487, "Request Terminated", List.of());
            return;
        }
        if (best == null) {
            finish(call, 408, "Request Timeout", List.of());
        } else if (best.response != null && best.code != 503) {
            relayFinal(call, best.response);
        } else if (best.code == 503 && best.response != null) {
            finish(call, 500, "Server Internal Error", List.of()); // §16.7 step 6: a 503 is not passed on
        } else {
            finish(call, best.code, best.reason, List.of());
        }
    }

    /** §16.7 step 6: a 6xx first, else the lowest class; 401/407 challenges gathered into one response. */
    private static Branch bestOf(List<Branch> branches) {
        Branch best = null;
        for (Branch b : branches) {
            if (best == null || rank(b) < rank(best)) {
                best = b;
            }
        }
        return best;
    }

    private static int rank(Branch b) {
        int c = b.code;
        if (c >= 600) {
            return 0;
        }
        return c; // lower class (and lower code within it) is better; 408/503 we made ourselves rank as codes
    }

    // ---------------------------------------------------------------- responses

    private void relayProvisional(Call call, SipResponse response) {
        if (call.finalSent || response.statusCode() == 100) {
            return; // 100 Trying is hop by hop (§16.7 step 5)
        }
        if (call.reported && !call.progressReported) {
            call.progressReported = true;
            events.report(new CallEvents.Progress(call.server.request().callId(), clock.instant(),
                    response.statusCode(), response.bodyLength() > 0));
        }
        withAnswer(call, null, response, r -> {
            if (!call.finalSent) {
                call.server.respond(stripTopVia(r));
            }
        });
    }

    private void relayFinal(Call call, SipResponse response) {
        call.finalSent = true;
        call.server.respond(stripTopVia(response));
        stats.responses(response.statusCode());
        int code = response.statusCode();
        releaseIfUnanswered(call, code);
        if (call.reported) {
            String callId = call.server.request().callId();
            if (code < 300) {
                events.report(new CallEvents.Answer(callId, clock.instant(), call.answeredBy,
                        call.answeredByCarrier));
            } else {
                reportEnd(call, code, response.reasonPhrase(), CallEvents.Side.CALLEE);
            }
        }
        end(call);
    }

    /** A call that ends without an answer gives its limit lease back at once (an answered one at BYE). */
    private void releaseIfUnanswered(Call call, int code) {
        if (code >= 300 && call.plan != null && call.plan.leaseId() != null && !call.leaseReleased) {
            call.leaseReleased = true;
            upstream.releaseLease(call.plan.leaseId(), call.server.request().callId());
        }
        if (code >= 300 && call.anchored && !call.mediaDeleted) {
            call.mediaDeleted = true;
            SipRequest req = call.server.request();
            deleteMedia(new Upstream.MediaLeg(call.relay, req.callId(), req.fromTag(), null));
        }
    }

    private void reportEnd(Call call, int code, String reason, CallEvents.Side side) {
        CallEvents.Cause cause = call.cancelled ? CallEvents.Cause.CANCEL
                : code == 408 ? CallEvents.Cause.TIMEOUT
                : call.plan == null ? CallEvents.Cause.ROUTING_REJECTED : CallEvents.Cause.REJECTED;
        events.report(new CallEvents.End(call.server.request().callId(), clock.instant(), code, reason,
                call.cancelled ? CallEvents.Side.CALLER : side, cause));
    }

    /** Ends the call's relay session and reports the relay's statistics of it for the CDR. */
    private void deleteMedia(Upstream.MediaLeg leg) {
        String callId = leg.callId();
        upstream.deleteMedia(leg).whenCompleteAsync((streams, failure) -> {
            if (failure == null && streams != null && !streams.isEmpty()) {
                events.report(new CallEvents.MediaStats(callId, clock.instant(), streams));
            }
        }, shard);
    }

    /**
     * §16.7 step 3: a response whose only Via is ours has nowhere to go (a downstream element dropped the caller's
     * Via); it is counted and not forwarded rather than sent with no Via at all.
     */
    private boolean forwardable(SipResponse r) {
        try {
            if (r.vias().size() >= 2) {
                return true;
            }
        } catch (SipParseException e) {
            // a Via that does not parse is as good as none
        }
        stats.malformed++;
        return false;
    }

    private static SipResponse stripTopVia(SipResponse r) {
        return (SipResponse) r.toBuilder().popVia().build();
    }

    private void finish(Call call, int code, String reason, List<Decision.Header> headers) {
        if (call.finalSent) {
            return;
        }
        call.finalSent = true;
        answer(call.server, code, reason, headers);
        releaseIfUnanswered(call, code);
        if (call.reported) {
            reportEnd(call, code, reason, CallEvents.Side.PLATFORM);
        }
        end(call);
    }

    private void end(Call call) {
        for (Branch b : call.branches) {
            if (!b.done) {
                b.cancel();
            }
        }
        calls.remove(call.server);
    }

    private void answer(ServerTransaction tx, int code, String reason, List<Decision.Header> headers) {
        SipMessageBuilder b = SipMessageBuilder.responseTo(tx.request(), new SipStatus(code, reason));
        if (code > 100) {
            b.toTagIfAbsent(localTag(tx.request()));
        }
        for (Decision.Header h : headers) {
            b.addHeader(h.name(), h.value());
        }
        if (code == 503 && headers.stream().noneMatch(h -> h.name().equalsIgnoreCase("Retry-After"))) {
            b.addHeader(HeaderName.RETRY_AFTER, Long.toString(settings.retryAfter().toSeconds()));
        }
        tx.respond((SipResponse) b.build());
        stats.responses(code);
    }

    private void reject(ServerTransaction tx, Rejection r) {
        answer(tx, r.code(), r.reason(), headers(r));
    }

    private static List<Decision.Header> headers(Rejection r) {
        List<Decision.Header> h = new ArrayList<>();
        r.headers().forEach((k, v) -> h.add(new Decision.Header(k, v)));
        return h;
    }

    /** A To tag for responses the edge makes itself: stable per request so retransmitted answers agree. */
    private String localTag(SipRequest req) {
        return "e" + Integer.toHexString((req.callId() + req.cseq().number()).hashCode() & 0x7fffffff);
    }

    // ---------------------------------------------------------------- CANCEL (§16.10)

    private void onCancel(ServerTransaction cancelTx) {
        ServerTransaction invite = layer.findInviteFor(cancelTx.request());
        if (invite == null) {
            answer(cancelTx, 481, "Call/Transaction Does Not Exist", List.of());
            return;
        }
        answer(cancelTx, 200, "OK", List.of());
        Call call = calls.get(invite);
        if (call == null) {
            return;
        }
        call.cancelled = true;
        boolean pending = false;
        for (Branch b : call.branches) {
            if (!b.done) {
                pending = true;
                b.cancel();
            }
        }
        if (!pending && call.plan == null) {
            return; // routing answer still outstanding: apply() answers 487
        }
        if (!pending) {
            finish(call, 487, "Request Terminated", List.of());
        }
    }

    // ---------------------------------------------------------------- in-dialog (§16.4, §16.12)

    private void inDialog(ServerTransaction tx, SipRequest req) {
        Optional<Rejection> bad = validator.validate(req, null);
        if (bad.isPresent()) {
            reject(tx, bad.get());
            return;
        }
        Routed routed = routeInDialog(req, tx.source());
        if (routed.rejection != null) {
            reject(tx, routed.rejection);
            return;
        }
        if (req.method().equals(SipMethod.BYE)) {
            events.report(new CallEvents.End(req.callId(), clock.instant(), 200, "OK",
                    routed.fromCaller ? CallEvents.Side.CALLER : CallEvents.Side.CALLEE, CallEvents.Cause.BYE));
            if (routed.leaseId != null) {
                upstream.releaseLease(routed.leaseId, req.callId()); // any replica can: the lease rides in the route
            }
            if (routed.relay != null) {
                String callerTag = routed.fromCaller ? req.fromTag() : req.toTag();
                String calleeTag = routed.fromCaller ? req.toTag() : req.fromTag();
                deleteMedia(new Upstream.MediaLeg(routed.relay, req.callId(), callerTag, calleeTag));
            }
        }
        Call call = new Call(tx);
        calls.put(tx, call);
        call.plan = new Decision.Proxy("", List.of(), List.of(), List.of());
        Branch b = new Branch(call, null);
        call.branches.add(b);
        boolean prack = req.method().equals(SipMethod.PRACK);
        boolean offerAnswer = routed.relay != null && (req.method().equals(SipMethod.INVITE)
                || req.method().equals(SipMethod.UPDATE) || prack && isSdp(req));
        if (!offerAnswer) {
            forwardInDialog(call, b, routed, req, null);
            return;
        }
        call.relay = routed.relay;
        call.inDialog = true;
        if (teardown != null && req.method().equals(SipMethod.INVITE) && !(req.requestUri() instanceof SipUri u
                && me.isMe(u))) {
            // a re-INVITE (only in a confirmed dialog, RFC 3261 §14.1) refreshes the context: new targets and CSeq;
            // an UPDATE may come in an early dialog and leaves the relay's context as it is
            call.dialogTeardown = teardown.inDialog(req, routed.fromCaller, routed.state, routed.onward);
            call.dialogFromCaller = routed.fromCaller;
        }
        if (!isSdp(req)) {
            // RFC 3264 §5 / RFC 6337 §3: a re-INVITE without an offer gets it in the 2xx and the answer in the ACK
            call.offerInResponse = req.method().equals(SipMethod.INVITE);
            forwardInDialog(call, b, routed, req, null);
            return;
        }
        if (prack) {
            prackWithSdp(call, b, routed, req, tx);
            return;
        }
        reoffer(call, b, routed, req, tx);
    }

    /**
     * RFC 3262 §5 with a late offer: the INVITE had no SDP, a reliable 18x carried the callee's offer (anchored as
     * the callee's, see {@link #withAnswer}) and the PRACK answers it. Stateless like an ACK's answer: whichever
     * replica gets the PRACK anchors the answer at the relay named in the route (the PRACK's To tag offered). A
     * PRACK whose 18x carried an answer may itself offer (§5, rare): the relay then knows no offer for those tags
     * (481), and the PRACK is re-offered like an UPDATE, its 2xx answering. Other refusals go on unanchored, as a
     * 2xx's answer does, rather than failing the PRACK of a ringing call.
     */
    private void prackWithSdp(Call call, Branch b, Routed routed, SipRequest req, ServerTransaction tx) {
        upstream.answer(new Upstream.MediaLeg(routed.relay, req.callId(), req.toTag(), req.fromTag()), req.body(),
                tx.source(), null).whenCompleteAsync((media, failure) -> {
                    if (call.finalSent) {
                        return;
                    }
                    if (failure == null && media != null && media.ok()) {
                        forwardInDialog(call, b, routed, req, media.sdp());
                    } else if (failure == null && media != null && media.code() == 481) {
                        reoffer(call, b, routed, req, tx);
                    } else {
                        stats.mediaAnswerFailures++;
                        forwardInDialog(call, b, routed, req, null);
                    }
                }, shard);
    }

    private void reoffer(Call call, Branch b, Routed routed, SipRequest req, ServerTransaction tx) {
        // a re-offer (hold, new address, codec change) from either party: the request's From tag is the offerer,
        // so a re-INVITE from the callee reaches the relay with the tags swapped, as its API expects
        upstream.offer(new Upstream.MediaLeg(routed.relay, req.callId(), req.fromTag(), req.toTag()), req.body(),
                tx.source(), teardown == null ? null : teardown.seal(call.dialogTeardown))
                .whenCompleteAsync((media, failure) -> {
                    if (call.finalSent) {
                        return;
                    }
                    if (failure != null || media == null || !media.ok()) {
                        stats.mediaReofferRefusals++;
                        int code = media == null ? 500 : media.code();
                        // only transaction-scoped failures (RFC 5057 §5.1): the dialog and its media stay as they were
                        if (code == 500 || code == 503 || code == 504) {
                            finish(call, code, media != null && media.reason() != null ? media.reason()
                                    : "Server Internal Error", List.of());
                        } else {
                            finish(call, 488, "Not Acceptable Here", List.of());
                        }
                        return;
                    }
                    forwardInDialog(call, b, routed, req, media.sdp());
                }, shard);
    }

    /** Sends an in-dialog request on (with the relay's SDP instead of its own, when it was re-anchored). */
    private void forwardInDialog(Call call, Branch b, Routed routed, SipRequest req, byte[] sdp) {
        routed.destination.whenCompleteAsync((dest, failure) -> {
            if (call.finalSent) {
                return;
            }
            if (failure != null || dest == null) {
                finish(call, 503, "Service Unavailable", List.of());
                return;
            }
            if (call.cancelled) {
                finish(call, 487, "Request Terminated", List.of()); // CANCELled while the relay re-anchored
                return;
            }
            SipMessageBuilder mb = routed.builder.decrementMaxForwards();
            if (sdp != null) {
                mb.body(sdp, null);
            }
            mb.pushVia(via(dest.transport(), loopKey(req)));
            b.tx = layer.sendRequest((SipRequest) mb.build(), dest, b);
        }, shard);
    }

    @Override
    public void onAck(Inbound ack) {
        if (!(ack.message() instanceof SipRequest req)) {
            return;
        }
        Routed routed;
        try {
            routed = routeInDialog(req, ack);
        } catch (SipParseException e) {
            stats.droppedAcks++;
            return;
        }
        if (routed.rejection != null || req.maxForwards() == 0) {
            stats.droppedAcks++; // nothing answers an ACK; an unroutable or exhausted one is a counted drop
            return;
        }
        if (routed.relay != null && isSdp(req)) {
            // an ACK's SDP answers the offer of the 2xx to an offerless re-INVITE (RFC 3264 §5): the 2xx's sender,
            // the ACK's To tag, offered; stateless, so any replica anchors it at the relay named in the route
            upstream.answer(new Upstream.MediaLeg(routed.relay, req.callId(), req.toTag(), req.fromTag()),
                    req.body(), ack, null).whenCompleteAsync((media, failure) -> {
                        if (failure != null || media == null || !media.ok()) {
                            stats.mediaAnswerFailures++;
                            forwardAck(routed, req, null);
                        } else {
                            forwardAck(routed, req, media.sdp());
                        }
                    }, shard);
            return;
        }
        forwardAck(routed, req, null);
    }

    private void forwardAck(Routed routed, SipRequest req, byte[] sdp) {
        routed.destination.whenCompleteAsync((dest, failure) -> {
            if (failure != null || dest == null) {
                stats.droppedAcks++;
                return;
            }
            SipMessageBuilder mb = routed.builder.decrementMaxForwards();
            if (sdp != null) {
                mb.body(sdp, null);
            }
            mb.pushVia(via(dest.transport(), loopKey(req)));
            sender.send(dest, mb.toBytes(), e -> stats.droppedAcks++);
        }, shard);
    }

    /** A request routed by Route/Request-URI: the builder with our Route removed, and where it goes. */
    private static final class Routed {
        SipMessageBuilder builder;
        CompletionStage<Destination> destination;
        Rejection rejection;
        boolean fromCaller = true;
        String leaseId;
        /** The relay holding the dialog's media (route token key m), or null when it is not anchored. */
        String relay;
        /** The verified Record-Route state, or null (no token of ours). */
        Map<String, String> state;
        /** The Route values after the edge's own, in order. */
        List<NameAddr> onward = List.of();
    }

    private Routed routeInDialog(SipRequest req, Inbound source) {
        Routed r = new Routed();
        SipMessageBuilder mb = req.toBuilder();
        List<NameAddr> routes = req.routes();
        Map<String, String> state = null;
        int i = 0;
        // pop every Route of ours (two with double record-routing), verifying its token (§16.4); a Route naming
        // another replica is ours too when its token verifies with the cluster secret: any replica carries any
        // in-dialog request, even one sent to this replica's own address rather than the shared one
        while (i < routes.size() && routes.get(i).uri() instanceof SipUri s) {
            String token = s.param(TOKEN_PARAM);
            Optional<Map<String, String>> verified = token == null ? Optional.empty() : routeToken.verify(token);
            if (!me.isMe(s) && verified.isEmpty()) {
                break; // someone else's Route: the next hop
            }
            if (token != null) {
                if (verified.isEmpty()) {
                    r.rejection = Rejection.of(403, "Forbidden (bad route token)");
                    return r;
                }
                state = verified.get();
            }
            mb.popRoute();
            i++;
        }
        r.state = state;
        r.onward = List.copyOf(routes.subList(i, routes.size()));
        Uri next;
        boolean strict = false;
        if (i < routes.size()) {
            next = routes.get(i).uri();
            strict = next instanceof SipUri s && !s.lr();
        } else if (req.requestUri() instanceof SipUri ruri && me.isMe(ruri) && !routes.isEmpty()) {
            // §16.4: the previous hop was a strict router; restore the Request-URI from the last Route
            NameAddr last = routes.get(routes.size() - 1);
            mb.requestUri(last.uri().toString());
            next = last.uri();
        } else {
            next = req.requestUri();
        }
        if (next instanceof SipUri n && me.isMe(n)) {
            // the request ends here, and the edge is no UA: forwarding it would send it to ourselves in a loop
            r.rejection = Rejection.of(481, "Call/Transaction Does Not Exist");
            return r;
        }
        if (strict) {
            // §16.6 step 6 compatibility: a strict next hop gets the Request-URI as last Route and its URI as R-URI
            mb.addHeader(HeaderName.ROUTE, "<" + req.requestUriText() + ">");
            mb.popRoute();
            mb.requestUri(next.toString());
        }
        r.builder = mb;
        Destination towardsSide = state == null ? null : sideFor(state, source, req.fromTag());
        r.fromCaller = state == null || fromSideA(state, source, req.fromTag());
        r.leaseId = state == null ? null : state.get("l");
        r.relay = state == null ? null : state.get("m");
        if (towardsSide != null) {
            r.destination = java.util.concurrent.CompletableFuture.completedFuture(towardsSide);
        } else {
            r.destination = nextHops.resolve(next, null);
        }
        return r;
    }

    /**
     * The NAT-safe destination from the route state: a request from side a goes to side b (if b was a registered
     * flow), and a request from anyone else goes back to side a's recorded address or connection.
     */
    private Destination sideFor(Map<String, String> state, Inbound source, String fromTag) {
        Destination a = state.containsKey("a") ? RecordedSide.parse(state.get("a")) : null;
        if (a == null) {
            return null;
        }
        if (fromSideA(state, source, fromTag)) {
            return state.containsKey("b") ? RecordedSide.parse(state.get("b")) : null;
        }
        return a;
    }

    /**
     * Whether an in-dialog request comes from the caller: by the From tag recorded at the INVITE (a request from the
     * caller carries it as From tag, one from the callee as To tag); for tokens without it, by the caller's
     * connection or transport and address.
     */
    private boolean fromSideA(Map<String, String> state, Inbound source, String fromTag) {
        String ft = state.get("ft");
        if (ft != null) {
            return ft.equals(fromTag);
        }
        Destination a = state.containsKey("a") ? RecordedSide.parse(state.get("a")) : null;
        if (a == null) {
            return true;
        }
        if (source.flowId() != null && a.flowId() != null) {
            return a.flowId().equals(source.flowId())
                    || a.flowId().equals(Handoff.flowRef(me.replicaId(), source.flowId()));
        }
        return a.transport() == source.transport() && sameAddress(a.address(), source.remote());
    }

    private static boolean sameAddress(InetSocketAddress x, InetSocketAddress y) {
        return x.getPort() == y.getPort() && x.getHostString().equals(y.getAddress() != null
                ? y.getAddress().getHostAddress() : y.getHostString());
    }

    // ---------------------------------------------------------------- stray and malformed

    @Override
    public void onStrayResponse(Inbound in) {
        if (!(in.message() instanceof SipResponse resp)) {
            return;
        }
        // §16.7: a stateless relay of a response (e.g. a retransmitted 2xx) to the next Via
        try {
            if (!me.isMine(resp.topVia()) || resp.vias().size() < 2) {
                stats.strayDropped++;
                return;
            }
            Via next = resp.vias().get(1);
            Transport t = Transport.fromToken(next.transport());
            String host = next.received() != null ? next.received() : next.host();
            int port = next.rport() > 0 ? next.rport() : next.port() > 0 ? next.port() : 5060;
            if (t == null) {
                stats.strayDropped++;
                return;
            }
            host = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            sender.send(Destination.of(t, new InetSocketAddress(host, port)), stripTopVia(resp).toBytes(),
                    e -> stats.strayDropped++);
            stats.strayRelayed++;
        } catch (SipParseException e) {
            stats.strayDropped++;
        }
    }

    @Override
    public void onTerminated(ServerTransaction transaction, TerminationCause cause) {
        Call call = calls.remove(transaction);
        if (call != null) {
            for (Branch b : call.branches) {
                if (!b.done) {
                    b.cancel();
                }
            }
        }
    }

    @Override
    public void onMalformed(Inbound message, SipParseException problem) {
        stats.malformed++;
        if (message.message() instanceof SipRequest req && !req.method().equals(SipMethod.ACK)) {
            try {
                SipMessage resp = SipMessageBuilder.responseTo(req, new SipStatus(400, "Bad Request"))
                        .toTagIfAbsent("e0").build();
                sender.send(new Destination(message.transport(), message.remote(), message.flowId()),
                        resp.toBytes(), e -> { });
            } catch (RuntimeException e) {
                // the request cannot even be answered (its Via or To is unusable): a counted drop
                stats.strayDropped++;
            }
        }
    }

    // ---------------------------------------------------------------- state

    /** One server transaction being proxied. */
    private static final class Call {
        final ServerTransaction server;
        final List<Branch> branches = new ArrayList<>();
        Decision.Proxy plan;
        int group;
        boolean finalSent;
        boolean cancelled;
        boolean sixxx;
        boolean reported;
        boolean progressReported;
        boolean leaseReleased;
        /** This INVITE created the relay session: it is deleted when the call fails. */
        boolean anchored;
        boolean mediaDeleted;
        /** The relay holding the dialog's media, or null when responses' SDP is passed on as it is. */
        String relay;
        /** A re-INVITE without an offer: SDP in its responses is the answerer's offer, not an answer. */
        boolean offerInResponse;
        byte[] offerSdp;
        String answeredBy;
        String answeredByCarrier;
        /** The relay's SDP per to-tag, so retransmitted responses carry the same one. */
        final Map<String, CompletionStage<Upstream.Media>> answers = new HashMap<>();
        int legs;
        /** An in-dialog request's transaction (not an initial INVITE). */
        boolean inDialog;
        /** A re-INVITE's teardown context, completed by its 2xx; null when none is sent. */
        TeardownContext dialogTeardown;
        boolean dialogFromCaller;

        Call(ServerTransaction server) {
            this.server = server;
        }
    }

    /** One client transaction of a call, with its final outcome. */
    private final class Branch implements ClientListener {
        final Call call;
        final Decision.Target target;
        ClientTransaction tx;
        boolean done;
        boolean provisional;
        int code;
        String reason;
        boolean timeout;
        boolean transportError;
        SipResponse response;
        Timers.Timer timerC;
        Timers.Timer progressTimer;
        Timers.Timer answerTimer;
        int leg;
        long sentNanos;
        /** Where the request of this branch went last. */
        Destination dest;
        /** Destinations not tried yet, in RFC 3263 order. */
        java.util.Deque<Destination> alternates;
        long firstResponseNanos;

        Branch(Call call, Decision.Target target) {
            this.call = call;
            this.target = target;
        }

        void startTimers() {
            if (tx == null || !tx.isInvite()) {
                return;
            }
            timerC = timers.schedule("C", settings.timerC(), this::onTimerC);
            if (target != null && target.progressTimeout() != null) {
                progressTimer = timers.schedule("progress", target.progressTimeout(), () -> {
                    if (!provisional && !done) {
                        giveUp();
                    }
                });
            }
            if (target != null && target.answerTimeout() != null) {
                answerTimer = timers.schedule("answer", target.answerTimeout(), () -> {
                    if (!done) {
                        giveUp();
                    }
                });
            }
        }

        /** A routing timeout: cancel the branch and count it as 408 so the group may fail over. */
        private void giveUp() {
            if (tx != null) {
                tx.cancel();
            }
            if (!provisional && nextAddress()) {
                return;
            }
            fail(408, "Request Timeout", true, false);
        }

        /**
         * RFC 3263 §4.3: after a transport error or timeout without any response, the same request goes to the
         * next resolved destination (next SRV target or address) in a new client transaction.
         */
        private boolean nextAddress() {
            if (done || call.finalSent || alternates == null || alternates.isEmpty() || provisional) {
                return false;
            }
            cancelTimers(); // one leg for the target: CDRs and gateway reports see its final outcome only
            tx = null; // late outcomes of the abandoned transaction are ignored (see onTimeout)
            sendBranch(this);
            return true;
        }

        private void onTimerC() {
            // §16.8: Timer C without a final response cancels the branch (or ends it as 408 if nothing came)
            if (!done) {
                giveUp();
            }
        }

        void cancel() {
            if (tx != null) {
                tx.cancel();
            }
        }

        void fail(int code, String reason, boolean timeout, boolean transportError) {
            if (done) {
                return;
            }
            this.code = code;
            this.reason = reason;
            this.timeout = timeout;
            this.transportError = transportError;
            complete();
        }

        private void complete() {
            done = true;
            cancelTimers();
            reportLeg();
            branchDone(this);
        }

        void reportLeg() {
            if (!call.reported || target == null || sentNanos == 0) {
                return;
            }
            long pdd = firstResponseNanos == 0 ? 0 : (firstResponseNanos - sentNanos) / 1_000_000;
            events.report(new CallEvents.LegAttempt(call.server.request().callId(), clock.instant(), leg,
                    target.gatewayId(), target.carrierId(), target.requestUri(), code, reason, timeout,
                    transportError, pdd));
        }

        private void cancelTimers() {
            for (Timers.Timer t : new Timers.Timer[] {timerC, progressTimer, answerTimer}) {
                if (t != null) {
                    t.cancel();
                }
            }
        }

        @Override
        public void onProvisional(ClientTransaction transaction, SipResponse response) {
            if (response.statusCode() > 100) {
                if (!provisional) {
                    firstResponseNanos = System.nanoTime();
                }
                provisional = true;
                if (timerC != null) {
                    timerC.cancel();
                    timerC = timers.schedule("C", settings.timerC(), this::onTimerC);
                }
            }
            if (!forwardable(response)) {
                return;
            }
            relayProvisional(call, response);
        }

        @Override
        public void onFinal(ClientTransaction transaction, SipResponse response) {
            if (done) {
                return;
            }
            if (!forwardable(response)) {
                // §16.7 step 3: nothing to forward; the caller gets our own answer with the same code, or a 502
                // for a 2xx we cannot pass on (the callee gives up on its unacknowledged 2xx and ends the call)
                int code = response.statusCode();
                fail(code < 300 ? 502 : code, code < 300 ? "Bad Gateway" : response.reasonPhrase(), false, false);
                return;
            }
            int c = response.statusCode();
            if (firstResponseNanos == 0) {
                firstResponseNanos = System.nanoTime();
            }
            if (c < 300) {
                done = true;
                cancelTimers();
                code = c;
                reason = response.reasonPhrase();
                this.response = response;
                reportLeg();
                if (call.answeredBy == null && target != null) {
                    call.answeredBy = target.gatewayId();
                    call.answeredByCarrier = target.carrierId();
                }
                withAnswer(call, this, response, r -> {
                    if (!call.finalSent) {
                        relayFinal(call, r); // §16.7 step 5: a 2xx goes upstream at once
                    } else {
                        call.server.respond(stripTopVia(r)); // every fork's 2xx goes up too
                    }
                });
                return;
            }
            if (c >= 600) {
                call.sixxx = true;
                for (Branch other : call.branches) {
                    if (other != this && !other.done) {
                        other.cancel();
                    }
                }
            }
            this.code = c;
            this.reason = response.reasonPhrase();
            this.response = response;
            complete();
        }

        @Override
        public void onAdditionalSuccess(ClientTransaction transaction, SipResponse response) {
            // further 2xx (retransmissions or other forks) are relayed upstream (§16.7 step 5)
            if (!forwardable(response)) {
                return;
            }
            withAnswer(call, this, response, r -> call.server.respond(stripTopVia(r)));
        }

        @Override
        public void onTimeout(ClientTransaction transaction) {
            if (tx != null && transaction != tx) {
                return; // a transaction already left for the next address
            }
            if (!nextAddress()) {
                fail(408, "Request Timeout", true, false);
            }
        }

        @Override
        public void onTransportError(ClientTransaction transaction, Throwable cause) {
            if (tx != null && transaction != tx) {
                return; // a transaction already left for the next address
            }
            if (!nextAddress()) {
                fail(503, "Service Unavailable", false, true);
            }
        }
    }

    /** Proxy-level settings. */
    public record ProxySettings(Duration timerC, Duration retryAfter) {
        /** Timer C 185 s (RFC 3261 §16.6 step 11: greater than 3 minutes), Retry-After 5 s. */
        public static final ProxySettings DEFAULTS = new ProxySettings(Duration.ofSeconds(185), Duration.ofSeconds(5));
    }
}
