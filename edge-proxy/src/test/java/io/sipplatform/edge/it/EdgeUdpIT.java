package io.sipplatform.edge.it;

import java.util.Optional;
import java.time.Duration;
import org.awaitility.Awaitility;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.proto.routing.v1.GatewayFailure;
import io.sipplatform.proto.routing.v1.GatewayObservation;
import io.sipplatform.proto.routing.v1.ObservationSource;
import io.sipplatform.proto.routing.v1.ProbeTarget;
import io.sipplatform.edge.wiring.SipEdge;
import io.sipplatform.sip.message.HeaderName;
import io.sipplatform.sip.message.SipMessageBuilder;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;
import io.sipplatform.sip.message.SipStatus;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole edge in Quarkus over real UDP sockets on 127.0.0.1, with in-process fake routing and registrar gRPC
 * services: REGISTER, OPTIONS, an INVITE that fails over from a 503 carrier to a second one, and an unavailable
 * routing service.
 */
@QuarkusTest
class EdgeUdpIT {
    @Inject
    SipEdge edge;

    int edgePort() {
        return edge.transports().listener(Transport.UDP).orElseThrow().bound().getPort();
    }

    static List<io.sipplatform.proto.cdr.v1.CallEvent> cdrEvents(String callId) {
        return FakeCdr.events.stream().filter(e -> e.getCallId().equals(callId)).toList();
    }

    @AfterEach
    void reset() {
        FakeRouting.failWith = null;
        FakeRouting.carriers = List.of();
        FakeRouting.probeTargets = List.of();
    }

    /** The first observation routing received for a gateway from the given source, waiting up to 5 s. */
    static GatewayObservation observed(String gatewayId, ObservationSource source) {
        return Awaitility.await("a " + source + " observation of " + gatewayId).atMost(Duration.ofSeconds(5))
                .until(() -> FakeRouting.observations.stream()
                        .filter(o -> o.getGatewayId().equals(gatewayId) && o.getSource() == source).findFirst(),
                        Optional::isPresent).orElseThrow();
    }

    static ProbeTarget probeTarget(String id, int port) {
        return ProbeTarget.newBuilder().setGatewayId(id).setRequestUri("sip:127.0.0.1:" + port)
                .setDestinationUri("sip:127.0.0.1:" + port + ";transport=udp")
                .setTransport(io.sipplatform.proto.common.v1.Transport.TRANSPORT_UDP)
                .setInterval(com.google.protobuf.Duration.newBuilder().setSeconds(2))
                .setTimeout(com.google.protobuf.Duration.newBuilder().setNanos(400_000_000)).build();
    }

    @Test
    void gatewaysRoutingAssignsAreProbedWithOptionsAndTheOutcomesReported() throws Exception {
        try (UdpPeer up = new UdpPeer(); UdpPeer silent = new UdpPeer()) {
            FakeRouting.probeTargets = List.of(probeTarget("gw-up", up.port()), probeTarget("gw-silent",
                    silent.port()));
            UdpPeer.Received atUp = up.receive();
            SipRequest options = (SipRequest) atUp.message();
            assertEquals("OPTIONS", options.method().name());
            assertEquals("sip:127.0.0.1:" + up.port(), options.requestUriText());
            assertTrue(options.topVia().branch().startsWith("z9hG4bK"));
            up.sendRaw(SipMessageBuilder.responseTo(options, SipStatus.of(200)).toTagIfAbsent("up").build()
                    .toBytes(), atUp.from());
            assertEquals("OPTIONS", ((SipRequest) silent.receive().message()).method().name());

            GatewayObservation ok = observed("gw-up", ObservationSource.OBSERVATION_SOURCE_PROBE);
            assertEquals(200, ok.getResponse().getCode());
            assertTrue(ok.hasResponseDelay());
            assertEquals(edge.replicaId(), ok.getEdgeId());
            GatewayObservation dead = observed("gw-silent", ObservationSource.OBSERVATION_SOURCE_PROBE);
            assertEquals(GatewayFailure.GATEWAY_FAILURE_TIMEOUT, dead.getFailure(),
                    "no answer within the probe timeout is reported as a timeout");
            assertTrue(FakeRouting.probeAskers.contains(edge.replicaId()), "the replica asked for its share");
        }
    }

    static final String REGISTER = """
            REGISTER sip:sip.example.net SIP/2.0
            Via: SIP/2.0/UDP 127.0.0.1:PORT;branch=z9hG4bKreg%s;rport
            Max-Forwards: 70
            From: <sip:alice@sip.example.net>;tag=r1
            To: <sip:alice@sip.example.net>
            Call-ID: reg-1@127.0.0.1
            CSeq: %d REGISTER
            Contact: <sip:alice@127.0.0.1:PORT>
            Expires: 3600
            %sContent-Length: 0

            """;

    @Test
    void registerIsChallengedThenAcceptedThroughTheRegistrar() throws Exception {
        try (UdpPeer phone = new UdpPeer()) {
            phone.send(REGISTER.formatted("1", 1, ""), edgePort());
            SipResponse challenge = (SipResponse) phone.receive().message();
            assertEquals(401, challenge.statusCode());
            assertTrue(challenge.header("WWW-Authenticate").contains("nonce=\"n0nce\""));
            phone.send(REGISTER.formatted("2", 2, "Authorization: Digest username=\"alice\", realm=\"sip.example.net\","
                    + " nonce=\"n0nce\", uri=\"sip:sip.example.net\", response=\"0123456789abcdef0123456789abcdef\","
                    + " algorithm=MD5\n"), edgePort());
            SipResponse ok = (SipResponse) phone.receive().message();
            assertEquals(200, ok.statusCode());
            assertEquals(1, ok.contacts().size());
            assertEquals(3600, ok.contacts().get(0).expires());
            var seen = FakeRegistrar.seen.get(FakeRegistrar.seen.size() - 1);
            assertEquals("sip:alice@sip.example.net", seen.getAor());
            assertEquals("alice", seen.getAuthorization(0).getUsername());
            assertEquals("127.0.0.1", seen.getSource().getIp());
        }
    }

    @Test
    void optionsPingToTheEdgeIsAnswered() throws Exception {
        try (UdpPeer monitor = new UdpPeer()) {
            monitor.send("""
                    OPTIONS sip:sip.example.net SIP/2.0
                    Via: SIP/2.0/UDP 127.0.0.1:PORT;branch=z9hG4bKopt
                    Max-Forwards: 70
                    From: <sip:mon@127.0.0.1>;tag=m
                    To: <sip:sip.example.net>
                    Call-ID: opt-1
                    CSeq: 1 OPTIONS
                    Content-Length: 0

                    """, edgePort());
            SipResponse r = (SipResponse) monitor.receive().message();
            assertEquals(200, r.statusCode());
            assertNotNull(r.header("Allow"));
        }
    }

    @Test
    void inviteFailsOverFrom503CarrierToTheNextAndTheAnswerReachesThePbx() throws Exception {
        try (UdpPeer pbx = new UdpPeer(); UdpPeer gw1 = new UdpPeer(); UdpPeer gw2 = new UdpPeer()) {
            FakeRouting.carriers = List.of("sip:+4930123456@127.0.0.1:" + gw1.port(),
                    "sip:+4930123456@127.0.0.1:" + gw2.port());
            pbx.send("""
                    INVITE sip:030123456@sip.example.net SIP/2.0
                    Via: SIP/2.0/UDP 127.0.0.1:PORT;branch=z9hG4bKinv1;rport
                    Max-Forwards: 70
                    From: <sip:100@sip.example.net>;tag=pbx
                    To: <sip:030123456@sip.example.net>
                    Call-ID: call-it-1@127.0.0.1
                    CSeq: 1 INVITE
                    Contact: <sip:100@127.0.0.1:PORT>
                    Content-Length: 0

                    """, edgePort());
            assertEquals(100, ((SipResponse) pbx.receive().message()).statusCode());
            UdpPeer.Received atGw1 = gw1.receive();
            SipRequest inv1 = (SipRequest) atGw1.message();
            assertEquals("sip:+4930123456@127.0.0.1:" + gw1.port(), inv1.requestUriText());
            assertEquals(1, inv1.recordRoutes().size());
            gw1.sendRaw(SipMessageBuilder.responseTo(inv1, SipStatus.of(503)).toTagIfAbsent("g1").build().toBytes(),
                    atGw1.from());
            SipRequest ack = (SipRequest) gw1.receive().message();
            assertEquals("ACK", ack.method().name());
            UdpPeer.Received atGw2 = gw2.receiveSkipping100();
            SipRequest inv2 = (SipRequest) atGw2.message();
            gw2.sendRaw(SipMessageBuilder.responseTo(inv2, SipStatus.of(200)).toTagIfAbsent("g2").build().toBytes(),
                    atGw2.from());
            SipResponse ok = (SipResponse) pbx.receiveSkipping100().message();
            assertEquals(200, ok.statusCode());
            assertEquals("z9hG4bKinv1", ok.topVia().branch());
            assertEquals("030123456", FakeRouting.seen.get(FakeRouting.seen.size() - 1).getTo().getUri()
                    .replaceAll("sip:(\\d+)@.*", "$1"));
            long end = System.nanoTime() + 5_000_000_000L;
            while (cdrEvents("call-it-1@127.0.0.1").size() < 4 && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            assertEquals(List.of("ATTEMPT", "LEG_ATTEMPT", "LEG_ATTEMPT", "ANSWER"),
                    cdrEvents("call-it-1@127.0.0.1").stream().map(e -> e.getEventCase().name()).toList(),
                    "call events reached the CDR service through the spool");
            // passive gateway health: each attempt's outcome reached routing under the gateway's id
            assertEquals(503, observed(FakeRouting.carriers.get(0), ObservationSource.OBSERVATION_SOURCE_CALL)
                    .getResponse().getCode());
            assertEquals(200, observed(FakeRouting.carriers.get(1), ObservationSource.OBSERVATION_SOURCE_CALL)
                    .getResponse().getCode());
        }
    }

    @Test
    void byeFromTheCallerAlongTheRecordRouteReachesTheCarrierAndIsAnswered() throws Exception {
        answeredCallThenBye("call-it-bye", true, false);
    }

    @Test
    void byeFromACallerThatIgnoresRecordRouteIsStillRelayed() throws Exception {
        // answered like SIPp's built-in UAS: both Via values joined on one line ([last_Via:])
        answeredCallThenBye("call-it-bye2", false, true);
    }

    /** INVITE answered 200 by the carrier, then the caller's BYE (with or without the Route) and its 200. */
    private void answeredCallThenBye(String callId, boolean followRoute, boolean joinVias) throws Exception {
        try (UdpPeer pbx = new UdpPeer(); UdpPeer gw = new UdpPeer()) {
            FakeRouting.carriers = List.of("sip:+4930123456@127.0.0.1:" + gw.port());
            pbx.send("""
                    INVITE sip:030123456@sip.example.net SIP/2.0
                    Via: SIP/2.0/UDP 127.0.0.1:PORT;branch=z9hG4bK%s;rport
                    Max-Forwards: 70
                    From: <sip:100@sip.example.net>;tag=pbx
                    To: <sip:030123456@sip.example.net>
                    Call-ID: %s@127.0.0.1
                    CSeq: 1 INVITE
                    Contact: <sip:100@127.0.0.1:PORT>
                    Content-Length: 0

                    """.formatted(callId, callId), edgePort());
            UdpPeer.Received atGw = gw.receiveSkipping100();
            SipRequest inv = (SipRequest) atGw.message();
            SipResponse ok = (SipResponse) SipMessageBuilder.responseTo(inv, SipStatus.of(200)).toTagIfAbsent("g")
                    .copyHeader(inv, HeaderName.RECORD_ROUTE)
                    .addHeader("Contact", "<sip:gw@127.0.0.1:" + gw.port() + ">").build();
            gw.sendRaw(ok.toBytes(), atGw.from());
            SipResponse atPbx = (SipResponse) pbx.receiveSkipping100().message();
            assertEquals(200, atPbx.statusCode());
            String route = atPbx.header(HeaderName.RECORD_ROUTE);
            assertNotNull(route, "Record-Route reaches the caller");
            pbx.send("""
                    BYE sip:gw@127.0.0.1:%d SIP/2.0
                    Via: SIP/2.0/UDP 127.0.0.1:PORT;branch=z9hG4bK%sbye;rport
                    Max-Forwards: 70
                    %sFrom: <sip:100@sip.example.net>;tag=pbx
                    To: <sip:030123456@sip.example.net>;tag=g
                    Call-ID: %s@127.0.0.1
                    CSeq: 2 BYE
                    Content-Length: 0

                    """.formatted(gw.port(), callId, followRoute ? "Route: " + route + "\n" : "", callId),
                    edgePort());
            UdpPeer.Received byeAtGw = gw.receive();
            SipRequest bye = (SipRequest) byeAtGw.message();
            assertEquals("BYE", bye.method().name());
            SipMessageBuilder answer = SipMessageBuilder.responseTo(bye, SipStatus.of(200));
            if (joinVias) {
                answer.setHeader(HeaderName.VIA, String.join(", ", bye.headerValues(HeaderName.VIA)));
            }
            gw.sendRaw(answer.build().toBytes(), byeAtGw.from());
            SipResponse byeOk = (SipResponse) pbx.receive().message();
            assertEquals(200, byeOk.statusCode());
            assertEquals("2 BYE", byeOk.header(HeaderName.CSEQ));
        }
    }

    @Test
    void routingUnavailableAnswers503WithRetryAfter() throws Exception {
        FakeRouting.failWith = Status.UNAVAILABLE;
        try (UdpPeer pbx = new UdpPeer()) {
            pbx.send("""
                    INVITE sip:030123456@sip.example.net SIP/2.0
                    Via: SIP/2.0/UDP 127.0.0.1:PORT;branch=z9hG4bKinv503;rport
                    Max-Forwards: 70
                    From: <sip:100@sip.example.net>;tag=pbx
                    To: <sip:030123456@sip.example.net>
                    Call-ID: call-it-503@127.0.0.1
                    CSeq: 1 INVITE
                    Content-Length: 0

                    """, edgePort());
            SipResponse r = (SipResponse) pbx.receiveSkipping100().message();
            assertEquals(503, r.statusCode());
            assertEquals("5", r.header("Retry-After"));
        }
    }
}
