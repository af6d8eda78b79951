package io.sipplatform.edge.cluster;

import java.time.Duration;
import org.awaitility.Awaitility;
import io.sipplatform.edge.transport.Destination;
import io.sipplatform.edge.transport.Inbound;
import io.sipplatform.edge.transport.SipSender;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.sip.message.DatagramFramer;
import io.sipplatform.sip.message.Framed;
import io.sipplatform.sip.message.SipMessage;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas' hand-off channels on 127.0.0.1: a response reaching the wrong replica gets to the owner named in
 * its branch, a request for another replica's connection leaves through that replica, and forged envelopes are
 * dropped.
 */
class HandoffTest {
    static final byte[] SECRET = "cluster-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    static final InetSocketAddress CARRIER = new InetSocketAddress("127.0.0.1", 5099);

    record Sent(Destination to, byte[] bytes) {
    }

    Vertx vertx;
    Handoff a;
    Handoff b;
    String idA;
    String idB;
    final BlockingQueue<Inbound> deliveredToA = new LinkedBlockingQueue<>();
    final BlockingQueue<Inbound> deliveredToB = new LinkedBlockingQueue<>();
    final BlockingQueue<Sent> sentByA = new LinkedBlockingQueue<>();
    final BlockingQueue<Sent> sentByB = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        int[] ports = freePorts();
        idA = HandoffAddress.replicaId(new InetSocketAddress("127.0.0.1", ports[0]));
        idB = HandoffAddress.replicaId(new InetSocketAddress("127.0.0.1", ports[1]));
        a = replica(ports[0], idA, deliveredToA, sentByA);
        b = replica(ports[1], idB, deliveredToB, sentByB);
    }

    Handoff replica(int port, String id, BlockingQueue<Inbound> delivered, BlockingQueue<Sent> sent)
            throws Exception {
        SipSender local = (d, bytes, onFailure) -> sent.add(new Sent(d, bytes));
        Handoff h = new Handoff(vertx, new InetSocketAddress("127.0.0.1", port), id, SECRET, delivered::add, local,
                System::currentTimeMillis);
        h.start().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        return h;
    }

    static int[] freePorts() throws Exception {
        try (DatagramSocket x = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket y = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return new int[] {x.getLocalPort(), y.getLocalPort()};
        }
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    static SipMessage parse(String text) {
        return ((Framed.Message) new DatagramFramer().frame(text.replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8))).message();
    }

    static Inbound response(String branch) {
        return new Inbound(parse("""
                SIP/2.0 200 OK
                Via: SIP/2.0/UDP 203.0.113.5:5060;branch=%s;rport
                Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKpbx1
                From: <sip:100@sip.example.net>;tag=pbx
                To: <sip:+4930123456@sip.example.net>;tag=gw
                Call-ID: call-h@192.0.2.10
                CSeq: 1 INVITE
                Content-Length: 0

                """.formatted(branch)), Transport.UDP, CARRIER, new InetSocketAddress("127.0.0.1", 5060), null,
                System.nanoTime());
    }

    @Test
    void aResponseAtTheWrongReplicaReachesTheOwnerNamedInItsBranch() throws Exception {
        Inbound atB = response("z9hG4bK-" + idA + "-k1-1");
        assertTrue(b.divert(atB), "B does not own the branch");
        Inbound atA = deliveredToA.poll(5, TimeUnit.SECONDS);
        assertNotNull(atA, "A got the response");
        assertEquals("z9hG4bK-" + idA + "-k1-1", ((io.sipplatform.sip.message.SipResponse) atA.message()).topVia()
                .branch());
        assertEquals(CARRIER, atA.remote(), "as if A had received it from the carrier");
        assertEquals(Transport.UDP, atA.transport());
    }

    @Test
    void aReplicaKeepsItsOwnResponsesAndThoseOfReplicasWithoutHandoff() {
        assertFalse(a.divert(response("z9hG4bK-" + idA + "-k1-1")));
        assertFalse(a.divert(response("z9hG4bK-e1a2b3-k1-1")), "a random replica id names no address");
        assertFalse(a.divert(response("z9hG4bKpbx-other")));
    }

    @Test
    void aRequestForAnotherReplicasConnectionLeavesThroughIt() throws Exception {
        SipSender out = a.wrap((d, bytes, onFailure) -> sentByA.add(new Sent(d, bytes)));
        byte[] invite = "INVITE sip:alice@192.0.2.20 SIP/2.0\r\n".getBytes(StandardCharsets.US_ASCII);
        out.send(new Destination(Transport.TCP, InetSocketAddress.createUnresolved("192.0.2.20", 5060),
                idB + "/flow7"), invite, e -> { throw new AssertionError(e); });
        Sent atB = sentByB.poll(5, TimeUnit.SECONDS);
        assertNotNull(atB, "B sent it");
        assertEquals("flow7", atB.to().flowId(), "on its own connection");
        assertEquals(Transport.TCP, atB.to().transport());
        assertEquals(new String(invite, StandardCharsets.US_ASCII), new String(atB.bytes(), StandardCharsets.US_ASCII));
        out.send(new Destination(Transport.TCP, InetSocketAddress.createUnresolved("192.0.2.20", 5060),
                idA + "/flow8"), invite, e -> { throw new AssertionError(e); });
        assertEquals("flow8", sentByA.poll(5, TimeUnit.SECONDS).to().flowId(), "A's own flow is sent locally");
    }

    @Test
    void envelopesWithoutTheClusterSecretAreDropped() throws Exception {
        byte[] forged = ("SH1R" + "garbage-without-a-valid-mac-0123456789").getBytes(StandardCharsets.US_ASCII);
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            InetSocketAddress toA = HandoffAddress.of(idA).orElseThrow();
            s.send(new DatagramPacket(forged, forged.length, toA));
        }
        Awaitility.await("the forged envelope counted").atMost(Duration.ofSeconds(5)).until(() -> a.rejected() > 0);
        assertEquals(1, a.rejected());
        assertNull(deliveredToA.poll(100, TimeUnit.MILLISECONDS));
        assertEquals(List.of(), List.copyOf(sentByA));
    }
}
