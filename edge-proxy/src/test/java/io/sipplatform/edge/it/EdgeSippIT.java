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
