package io.sipplatform.edge.cluster;

import io.sipplatform.edge.proxy.Admission;
import io.sipplatform.edge.proxy.CallEvents;
import io.sipplatform.edge.proxy.Decision;
import io.sipplatform.edge.proxy.EdgeIdentity;
import io.sipplatform.edge.proxy.ProxyCore;
import io.sipplatform.edge.proxy.RouteToken;
import io.sipplatform.edge.proxy.Upstream;
import io.sipplatform.edge.time.ManualTimers;
import io.sipplatform.edge.transaction.TransactionLayer;
import io.sipplatform.edge.transaction.TransactionSettings;
import io.sipplatform.edge.transport.Destination;
import io.sipplatform.edge.transport.Inbound;
import io.sipplatform.edge.transport.SipSender;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.sip.message.DatagramFramer;
import io.sipplatform.sip.message.Framed;
import io.sipplatform.sip.message.SipMessage;
import io.sipplatform.sip.message.SipMessageBuilder;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;
import io.sipplatform.sip.message.SipStatus;
import io.sipplatform.sip.uri.SipUri;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two edge replicas (transaction layer, proxy core and hand-off channel each) on 127.0.0.1: replica A proxies an
 * INVITE, the carrier's 200 reaches replica B (as through a load balancer), and B hands it to A, whose client
 * transaction takes it and relays it to the caller.
 */
class TwoReplicaHandoffTest {
    static final InetSocketAddress PBX = new InetSocketAddress("192.0.2.10", 5060);
    static final InetSocketAddress GW = new InetSocketAddress("198.51.100.1", 5060);
    static final byte[] SECRET = "cluster-secret-0123456789".getBytes(StandardCharsets.UTF_8);

    record Sent(Destination to, SipMessage message) {
    }

    /** One replica: its stack runs on a single thread, like a shard. */
    final class Replica {
        final ExecutorService thread = Executors.newSingleThreadExecutor();
        final BlockingQueue<Sent> wire = new LinkedBlockingQueue<>();
        final String id;
        final TransactionLayer layer;
        final Handoff handoff;

        Replica(int port) throws Exception {
            replicas.add(this);
            InetSocketAddress internal = new InetSocketAddress("127.0.0.1", port);
            id = HandoffAddress.replicaId(internal);
            SipSender sender = (d, bytes, onFailure) ->
                    wire.add(new Sent(d, ((Framed.Message) new DatagramFramer().frame(bytes)).message()));
            ManualTimers timers = new ManualTimers();
            ProxyCore core = new ProxyCore(new EdgeIdentity(id, Map.of(Transport.UDP,
                    new EdgeIdentity.HostPort("203.0.113.5", 5060)), Set.of("sip.example.net")),
                    new RouteToken(List.of(SECRET)), upstream,
                    (uri, preferred) -> CompletableFuture.completedFuture(Destination.of(Transport.UDP,
                            new InetSocketAddress(((SipUri) uri).host(), 5060))),
                    sender, timers, thread, ProxyCore.ProxySettings.DEFAULTS, new Admission(100), CallEvents.NONE,
                    InstantSource.fixed(Instant.parse("2026-11-21T12:00:00Z")));
            layer = new TransactionLayer(TransactionSettings.DEFAULTS, timers, sender, core);
            core.attach(layer);
            handoff = new Handoff(vertx, internal, id, SECRET, in -> thread.execute(() -> layer.onResponse(in)),
                    sender, System::currentTimeMillis);
            handoff.start().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }

        /** What the replica's SIP listener does with a received message. */
        void receive(Inbound in) {
            thread.execute(() -> {
                if (handoff.divert(in)) {
                    return;
                }
                if (in.message().isRequest()) {
                    layer.onRequest(in);
                } else {
                    layer.onResponse(in);
                }
            });
        }

        Sent next() throws InterruptedException {
            Sent s = wire.poll(5, TimeUnit.SECONDS);
            assertNotNull(s, "replica " + id + " sent nothing");
            return s;
        }
    }

    final Vertx vertx = Vertx.vertx();
    final List<Replica> replicas = new java.util.ArrayList<>();
    final Upstream upstream = new Upstream() {
        @Override
        public CompletionStage<Decision> decide(SipRequest request, Inbound source) {
            return CompletableFuture.completedFuture(new Decision.Proxy("d1", List.of(new Decision.TargetGroup(
                    List.of(new Decision.Target("sip:+4930123456@198.51.100.1", null, Transport.UDP, null, "gw1",
                            null, null)), Decision.Failover.NEVER)), List.of(), List.of(), Map.of(), null, false));
        }

        @Override
        public void releaseLease(String leaseId, String callId) {
        }

        @Override
        public CompletionStage<Media> offer(MediaLeg leg, byte[] sdp, Inbound source, byte[] teardown) {
            throw new AssertionError("no media in this call");
        }

        @Override
        public CompletionStage<Media> answer(MediaLeg leg, byte[] sdp, Inbound source, byte[] teardown) {
            throw new AssertionError("no media in this call");
        }

        @Override
        public CompletionStage<List<io.sipplatform.edge.proxy.CallEvents.MediaStream>> deleteMedia(MediaLeg leg) {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletionStage<LocalAnswer> register(SipRequest request, Inbound source) {
            throw new AssertionError("no REGISTER in this call");
        }
    };

    @AfterEach
    void stop() throws Exception {
        replicas.forEach(r -> r.thread.shutdownNow());
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    static Inbound from(InetSocketAddress peer, String text) {
        return new Inbound(((Framed.Message) new DatagramFramer().frame(text.replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8))).message(), Transport.UDP, peer,
                new InetSocketAddress("203.0.113.5", 5060), null, System.nanoTime());
    }

    @Test
    void theCarriersAnswerReachingTheOtherReplicaIsHandedToTheOwnerAndRelayed() throws Exception {
        int[] ports = HandoffTest.freePorts();
        Replica a = new Replica(ports[0]);
        Replica b = new Replica(ports[1]);
        a.receive(from(PBX, """
                INVITE sip:+4930123456@sip.example.net SIP/2.0
                Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKpbx1;rport
                Max-Forwards: 70
                From: <sip:100@sip.example.net>;tag=pbx
                To: <sip:+4930123456@sip.example.net>
                Call-ID: call-two@192.0.2.10
                CSeq: 1 INVITE
                Content-Length: 0

                """));
        assertEquals(100, ((SipResponse) a.next().message()).statusCode());
        Sent invite = a.next();
        assertEquals(GW, invite.to().address());
        SipRequest forwarded = (SipRequest) invite.message();
        assertTrue(forwarded.topVia().branch().startsWith("z9hG4bK-" + a.id + "-"), "the branch names replica A");

        SipResponse ok = (SipResponse) SipMessageBuilder.responseTo(forwarded, SipStatus.of(200))
                .toTagIfAbsent("gw").addHeader("Contact", "<sip:gw@198.51.100.1>").build();
        b.receive(new Inbound(ok, Transport.UDP, GW, new InetSocketAddress("203.0.113.5", 5060), null,
                System.nanoTime()));

        Sent relayed = a.next();
        assertEquals(PBX, relayed.to().address(), "A's transaction relays the 200 to the caller");
        assertEquals(200, ((SipResponse) relayed.message()).statusCode());
        assertEquals("z9hG4bKpbx1", ((SipResponse) relayed.message()).topVia().branch());
        assertEquals(1, b.handoff.forwarded());
        assertTrue(b.wire.isEmpty(), "B relayed nothing itself");
    }
}
