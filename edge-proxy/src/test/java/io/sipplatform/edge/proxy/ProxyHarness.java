package io.sipplatform.edge.proxy;

import io.sipplatform.edge.time.ManualTimers;
import io.sipplatform.edge.transaction.TransactionLayer;
import io.sipplatform.edge.transaction.TransactionSettings;
import io.sipplatform.edge.transport.Destination;
import io.sipplatform.edge.transport.Inbound;
import io.sipplatform.edge.transport.SipSender;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.edge.upstream.GrpcToSip;
import io.sipplatform.edge.upstream.MediaRelays;
import io.sipplatform.edge.upstream.MediaThroughRelays;
import io.sipplatform.sip.message.DatagramFramer;
import io.sipplatform.sip.message.Framed;
import io.sipplatform.sip.message.HeaderName;
import io.sipplatform.sip.message.SipMessage;
import io.sipplatform.sip.message.SipMessageBuilder;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;
import io.sipplatform.sip.message.SipStatus;
import io.sipplatform.sip.uri.SipUri;
import io.sipplatform.sip.uri.Uri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proxy core over a real transaction layer with manual timers, a recording network, fake routing and two fake
 * media relays behind the real relay choice ({@link MediaRelays}); the tests drive it by sending SIP at it.
 */
abstract class ProxyHarness {
    static final InetSocketAddress PBX = new InetSocketAddress("192.0.2.10", 5060);
    static final InetSocketAddress GW1 = new InetSocketAddress("198.51.100.1", 5060);
    static final InetSocketAddress GW2 = new InetSocketAddress("198.51.100.2", 5060);
    static final InetSocketAddress EDGE = new InetSocketAddress("203.0.113.5", 5060);

    /** A sent message and where it went. */
    record Sent(Destination to, SipMessage message) {
    }

    final List<Sent> wire = new ArrayList<>();
    final ManualTimers timers = new ManualTimers();
    /** Addresses whose sends fail at once (connection refused). */
    final Set<InetSocketAddress> unreachable = new java.util.HashSet<>();
    final SipSender sender = (Destination d, byte[] bytes, Consumer<Throwable> onFailure) -> {
        wire.add(new Sent(d, ((Framed.Message) new DatagramFramer().frame(bytes)).message()));
        if (unreachable.contains(d.address())) {
            onFailure.accept(new java.net.ConnectException("refused"));
        }
    };
    Decision nextDecision;
    /** When set, the registrar's answer to every REGISTER. */
    Upstream.LocalAnswer nextRegister;
    final List<String> released = new ArrayList<>();
    /** What both relays were asked, in order ("offer call-id from-tag [to-tag]", "answer ...", "delete ..."). */
    final List<String> mediaCalls = new ArrayList<>();
    final FakeRelay relay1 = new FakeRelay("r1", mediaCalls);
    final FakeRelay relay2 = new FakeRelay("r2", mediaCalls);
    long nanos;
    final MediaRelays relays = relays();
    static final String RELAY_OFFER = "v=0\r\no=relay 1 1 IN IP4 203.0.113.9\r\ns=-\r\nc=IN IP4 203.0.113.9\r\n"
            + "t=0 0\r\nm=audio 30000 RTP/AVP 0\r\n";
    static final String RELAY_ANSWER = "v=0\r\no=relay 1 1 IN IP4 203.0.113.9\r\ns=-\r\nc=IN IP4 203.0.113.9\r\n"
            + "t=0 0\r\nm=audio 30002 RTP/AVP 0\r\n";
    final RouteToken token = new RouteToken(List.of("test-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
    final EdgeIdentity me = new EdgeIdentity("e1", Map.of(Transport.UDP, new EdgeIdentity.HostPort("203.0.113.5",
            5060)), Set.of("sip.example.net"));
    final Upstream upstream = upstream(relays);

    /** Fake routing and registrar; media through {@code media}, the relay choice of one replica. */
    Upstream upstream(MediaRelays media) {
        return new MediaThroughRelays(media) {
            @Override
            public CompletionStage<Decision> decide(SipRequest request, Inbound source) {
                return CompletableFuture.completedFuture(nextDecision);
            }

            @Override
            public void releaseLease(String leaseId, String callId) {
                released.add(leaseId + "/" + callId);
            }

            @Override
            public CompletionStage<LocalAnswer> register(SipRequest request, Inbound source) {
                if (nextRegister != null) {
                    return CompletableFuture.completedFuture(nextRegister);
                }
                return CompletableFuture.completedFuture(new LocalAnswer(200, "OK",
                        List.of(new Decision.Header("Contact", "<sip:alice@192.0.2.10>;expires=60"))));
            }
        };
    }
    final NextHops nextHops = new NextHops() {
        @Override
        public CompletionStage<Destination> resolve(Uri uri, Transport preferred) {
            SipUri s = (SipUri) uri;
            return CompletableFuture.completedFuture(Destination.of(preferred != null ? preferred : Transport.UDP,
                    new InetSocketAddress(s.hostWithoutBrackets(), s.port() > 0 ? s.port() : 5060)));
        }

        @Override
        public CompletionStage<List<Destination>> resolveAll(Uri uri, Transport preferred) {
            if (((SipUri) uri).host().equals("carrier.example")) { // two SRV targets, GW1 first
                return CompletableFuture.completedFuture(List.of(Destination.of(Transport.UDP, GW1),
                        Destination.of(Transport.UDP, GW2)));
            }
            return resolve(uri, preferred).thenApply(List::of);
        }
    };
    final Admission admission = new Admission(10_000);
    final List<CallEvents.Event> events = new ArrayList<>();
    final ProxyCore core = new ProxyCore(me, token, upstream, nextHops, sender, timers, Runnable::run,
            ProxyCore.ProxySettings.DEFAULTS, admission, events::add,
            java.time.InstantSource.fixed(java.time.Instant.parse("2026-11-21T12:00:00Z")));
    final TransactionLayer layer = new TransactionLayer(TransactionSettings.DEFAULTS, timers, sender, core);

    ProxyHarness() {
        core.attach(layer);
    }

    /** The relay choice of one replica over the two fake relays (each replica has its own, as in production). */
    MediaRelays relays() {
        return new MediaRelays(List.of(new MediaRelays.Relay("r1", relay1), new MediaRelays.Relay("r2", relay2)),
                Duration.ofSeconds(10), () -> nanos, new GrpcToSip(Duration.ofSeconds(5)));
    }

    /** A second edge replica: its own transaction layer, proxy core and relay choice; only the secret shared. */
    record Replica(ProxyCore core, TransactionLayer layer, List<Sent> wire) {
        void from(InetSocketAddress peer, SipMessage m) {
            deliver(layer, peer, m);
        }
    }

    Replica replica(Map<Transport, EdgeIdentity.HostPort> address) {
        List<Sent> wire2 = new ArrayList<>();
        SipSender sender2 = (d, bytes, onFailure) ->
                wire2.add(new Sent(d, ((Framed.Message) new DatagramFramer().frame(bytes)).message()));
        ProxyCore core2 = new ProxyCore(new EdgeIdentity("e2", address, me.domains()),
                new RouteToken(List.of("test-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8))),
                upstream(relays()), nextHops, sender2, timers, Runnable::run, ProxyCore.ProxySettings.DEFAULTS,
                new Admission(100), CallEvents.NONE, java.time.InstantSource.system());
        TransactionLayer layer2 = new TransactionLayer(TransactionSettings.DEFAULTS, timers, sender2, core2);
        core2.attach(layer2);
        return new Replica(core2, layer2, wire2);
    }

    /** {@code message} (a text block without body) with an SDP body. */
    static String withSdp(String message, String sdp) {
        return message.replace("Content-Length: 0\n", "Content-Type: application/sdp\nContent-Length: "
                + sdp.length() + "\n").replace("\n\n", "\n\n" + sdp.replace("\r\n", "\n"));
    }

    static SipMessage parse(String text) {
        return ((Framed.Message) new DatagramFramer().frame(text.replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8))).message();
    }

    /** The carrier's BYE in the call of {@link #INVITE}, sent along our Record-Route. */
    static SipMessage byeFromCarrier(String requestUri, String branch, String route) {
        return parse(fromCallee("BYE", 1, branch, route).replace("sip:100@10.0.0.99:5060", "sip:" + requestUri));
    }

    /** The PBX's BYE in the call of {@link #INVITE}, sent along our Record-Route. */
    static String byeFromPbx(String branch, String route) {
        return fromCaller("BYE", 2, branch, route);
    }

    /** An in-dialog request from the PBX (the caller of {@link #INVITE}) along our Record-Route. */
    static String fromCaller(String method, int cseq, String branch, String route) {
        return """
                %s sip:+4930123456@198.51.100.1:5060 SIP/2.0
                Via: SIP/2.0/UDP 192.0.2.10:5060;branch=%s;rport
                Max-Forwards: 70
                Route: %s
                From: <sip:100@sip.example.net>;tag=pbx
                To: <sip:+4930123456@sip.example.net>;tag=gw
                Call-ID: call-1@192.0.2.10
                CSeq: %d %s
                Contact: <sip:100@192.0.2.10:5060>
                Content-Length: 0

                """.formatted(method, branch, route, cseq, method);
    }

    /** An in-dialog request from the carrier (the callee) along our Record-Route, to the PBX's private Contact. */
    static String fromCallee(String method, int cseq, String branch, String route) {
        return """
                %s sip:100@10.0.0.99:5060 SIP/2.0
                Via: SIP/2.0/UDP 198.51.100.1:5060;branch=%s
                Max-Forwards: 70
                Route: %s
                From: <sip:+4930123456@sip.example.net>;tag=gw
                To: <sip:100@sip.example.net>;tag=pbx
                Call-ID: call-1@192.0.2.10
                CSeq: %d %s
                Contact: <sip:+4930123456@198.51.100.1:5060>
                Content-Length: 0

                """.formatted(method, branch, route, cseq, method);
    }

    void fromPbx(String text) {
        from(PBX, parse(text));
    }

    void from(InetSocketAddress peer, SipMessage m) {
        deliver(layer, peer, m);
    }

    static void deliver(TransactionLayer layer, InetSocketAddress peer, SipMessage m) {
        Inbound in = new Inbound(m, Transport.UDP, peer, EDGE, null, System.nanoTime());
        if (m.isRequest()) {
            layer.onRequest(in);
        } else {
            layer.onResponse(in);
        }
    }

    SipResponse answer(SipRequest forwarded, int code) {
        return (SipResponse) SipMessageBuilder.responseTo(forwarded, SipStatus.of(code)).toTagIfAbsent("gw")
                .build();
    }

    List<Sent> sentTo(InetSocketAddress addr) {
        return wire.stream().filter(s -> s.to().address().equals(addr)).toList();
    }

    SipRequest lastRequestTo(InetSocketAddress addr) {
        List<Sent> s = sentTo(addr).stream().filter(x -> x.message().isRequest()).toList();
        return (SipRequest) s.get(s.size() - 1).message();
    }

    List<Integer> statusesTo(InetSocketAddress addr) {
        return sentTo(addr).stream().filter(x -> !x.message().isRequest())
                .map(x -> ((SipResponse) x.message()).statusCode()).toList();
    }

    static final String INVITE = """
            INVITE sip:+4930123456@sip.example.net SIP/2.0
            Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKpbx1;rport
            Max-Forwards: 70
            From: <sip:100@sip.example.net>;tag=pbx
            To: <sip:+4930123456@sip.example.net>
            Call-ID: call-1@192.0.2.10
            CSeq: 1 INVITE
            Contact: <sip:100@192.0.2.10:5060>
            Content-Length: 0

            """;

    static Decision twoCarriers() {
        Decision.Failover on503 = new Decision.Failover(Set.of(503), Set.of(), true, true);
        return new Decision.Proxy("d1", List.of(
                new Decision.TargetGroup(List.of(new Decision.Target("sip:+4930123456@198.51.100.1", null,
                        Transport.UDP, null, "gw1", null, null)), on503),
                new Decision.TargetGroup(List.of(new Decision.Target("sip:+4930123456@198.51.100.2", null,
                        Transport.UDP, null, "gw2", null, null)), Decision.Failover.NEVER)),
                List.of(new Decision.Header("X-Trunk", "t1")), List.of(), Map.of("trunk", "t1"), "lease-1", false);
    }

}
