package io.sipplatform.edge.it;

import io.quarkus.test.junit.QuarkusTest;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.edge.wiring.SipEdge;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SIPp through the edge (real SIP software on both sides, fake routing service): a PBX (SIPp UAC) calls a carrier
 * (SIPp UAS) with INVITE/180/200/ACK/BYE along the Record-Route, and a busy carrier's 486 is relayed.
 */
@QuarkusTest
class EdgeSippIT {
    @Inject
    SipEdge edge;

    @AfterEach
    void reset() {
        FakeRouting.carriers = List.of();
    }

    private String edgeAddress() {
        return "127.0.0.1:" + edge.transports().listener(Transport.UDP).orElseThrow().bound().getPort();
    }

    @Test
    void callsCompleteThroughTheEdgeWithAckAndByeAlongTheRecordRoute() throws Exception {
        int[] ports = Sipp.freeUdpPorts(2);
        int uasPort = ports[0];
        FakeRouting.carriers = List.of("sip:service@127.0.0.1:" + uasPort);
        Process uas = Sipp.start("uas-answer", List.of("-sn", "uas", "-i", "127.0.0.1", "-p",
                Integer.toString(uasPort), "-m", "5", "-timeout", "40"));
        Process uac = Sipp.start("uac-call", List.of(edgeAddress(), "-sf", Sipp.scenario("uac-call.xml"),
                "-i", "127.0.0.1", "-p", Integer.toString(ports[1]), "-s", "service", "-m", "5",
                "-r", "5", "-timeout", "40"));
        int uacExit = Sipp.await(uac, 60);
        int uasExit = Sipp.await(uas, 20);
        assertEquals(0, uacExit, "every UAC call succeeded:\n" + Sipp.log("uac-call"));
        assertEquals(0, uasExit, "every UAS call succeeded:\n" + Sipp.log("uas-answer"));
    }

    @Test
    void callsOverTcpFromThePbxReachAUdpCarrier() throws Exception {
        int[] ports = Sipp.freeUdpPorts(2);
        FakeRouting.carriers = List.of("sip:service@127.0.0.1:" + ports[0]);
        Process uas = Sipp.start("uas-tcp-peer", List.of("-sn", "uas", "-i", "127.0.0.1", "-p",
                Integer.toString(ports[0]), "-m", "3", "-timeout", "40"));
        String tcpEdge = "127.0.0.1:" + edge.transports().listener(Transport.TCP).orElseThrow().bound().getPort();
        Process uac = Sipp.start("uac-tcp", List.of(tcpEdge, "-t", "t1", "-sf", Sipp.scenario("uac-call.xml"),
                "-i", "127.0.0.1", "-p", Integer.toString(ports[1]), "-s", "service", "-m", "3", "-r", "3",
                "-timeout", "40"));
        int uacExit = Sipp.await(uac, 60);
        int uasExit = Sipp.await(uas, 20);
        assertEquals(0, uacExit, "every call over TCP succeeded:\n" + Sipp.log("uac-tcp"));
        assertEquals(0, uasExit, Sipp.log("uas-tcp-peer"));
    }

    @Test
    void callsSurviveTenPercentPacketLossThroughRetransmissions() throws Exception {
        int[] ports = Sipp.freeUdpPorts(2);
        FakeRouting.carriers = List.of("sip:service@127.0.0.1:" + ports[0]);
        Process uas = Sipp.start("uas-lossy", List.of("-sn", "uas", "-i", "127.0.0.1", "-p",
                Integer.toString(ports[0]), "-m", "5", "-timeout", "80"));
        // SIPp drops 10 % of what it sends and receives; RFC 3261 retransmissions (ours and SIPp's) recover
        Process uac = Sipp.start("uac-lossy", List.of(edgeAddress(), "-sf", Sipp.scenario("uac-call.xml"),
                "-i", "127.0.0.1", "-p", Integer.toString(ports[1]), "-s", "service", "-m", "5", "-r", "5",
                "-lost", "10", "-timeout", "80"));
        int uacExit = Sipp.await(uac, 100);
        Sipp.await(uas, 30);
        assertEquals(0, uacExit, "every call completed despite loss:\n" + Sipp.log("uac-lossy"));
    }

    @Test
    void busyCarrierIs486ForTheCaller() throws Exception {
        int[] ports = Sipp.freeUdpPorts(2);
        int uasPort = ports[0];
        FakeRouting.carriers = List.of("sip:service@127.0.0.1:" + uasPort);
        Process uas = Sipp.start("uas-busy", List.of("-sf", Sipp.scenario("uas-busy.xml"), "-i", "127.0.0.1",
                "-p", Integer.toString(uasPort), "-m", "3", "-timeout", "40"));
        Process uac = Sipp.start("uac-busy", List.of(edgeAddress(), "-sf", Sipp.scenario("uac-busy.xml"),
                "-i", "127.0.0.1", "-p", Integer.toString(ports[1]), "-s", "service", "-m", "3",
                "-timeout", "40"));
        int uacExit = Sipp.await(uac, 60);
        int uasExit = Sipp.await(uas, 20);
        assertEquals(0, uacExit, "each call saw 486:\n" + Sipp.log("uac-busy"));
        assertEquals(0, uasExit, Sipp.log("uas-busy"));
    }
}
