package io.sipplatform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sipplatform.sip.header.NameAddr;
import io.sipplatform.sip.message.HeaderName;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A call whose parties both go silent without BYE (phones crashed, network gone): the relay's media timeout reaches
 * an edge replica, which sends each party a BYE and ends the CDR with MEDIA_TIMEOUT instead of leaving the call open
 * (and billed) until cdr-service's orphan sweep. Run alone with {@code -De2e.relay-media-timeout=5s} it takes
 * seconds; in the whole suite it waits for the relay's default timeout.
 */
@Order(6)
class MediaTimeoutIT extends PlatformScenario {

    /** A free UDP port on the PBX's address (its Via and Contact must name the port it listens on). */
    private static int freePort() throws java.io.IOException {
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(new InetSocketAddress(Provisioning.PBX, 0))) {
            return probe.getLocalPort();
        }
    }

    @Test
    void bothPartiesOfASilentCallGetAByeAndTheCdrEndsWithMediaTimeout() throws Exception {
        InetSocketAddress replica1 = new InetSocketAddress(Platform.HOST, Platform.sipPort(1));
        int timeoutSeconds = (int) Duration.parse("PT" + Platform.RELAY_MEDIA_TIMEOUT.toUpperCase()).toSeconds();
        try (NattedPhone carrier = NattedPhone.direct("carrier", new InetSocketAddress(Provisioning.CARRIER_C,
                Provisioning.GATEWAY_PORT), replica1);
                NattedPhone pbx = NattedPhone.direct("pbx", new InetSocketAddress(Provisioning.PBX, freePort()),
                        replica1)) {
            String callId = "media-timeout-" + UUID.randomUUID();
            String target = "sip:" + Provisioning.CARRIER_C_NATIONAL + "@sip.local";
            String sdp = ScriptedPhone.sdp(Provisioning.PBX, 41000);
            pbx.send("""
                    INVITE %s SIP/2.0
                    Via: %s
                    Max-Forwards: 70
                    From: <sip:100@sip.local>;tag=pbx1
                    To: <%s>
                    Call-ID: %s
                    CSeq: 20 INVITE
                    Contact: %s
                    Content-Type: application/sdp
                    Content-Length: %d

                    """.formatted(target, pbx.via(), target, callId, pbx.contact(),
                    sdp.replace("\n", "\r\n").length()) + sdp);
            SipRequest invite = carrier.nextRequest("INVITE");
            carrier.respond(invite, 200, "OK", "gw1", ScriptedPhone.sdp(Provisioning.CARRIER_C, 43000));
            SipResponse ok = pbx.finalResponse("INVITE");
            assertEquals(200, ok.statusCode());
            List<NameAddr> routeSet = new ArrayList<>(ok.recordRoutes());
            Collections.reverse(routeSet);
            pbx.send("""
                    ACK %s SIP/2.0
                    Via: %s
                    Max-Forwards: 70
                    %sFrom: <sip:100@sip.local>;tag=pbx1
                    To: %s
                    Call-ID: %s
                    CSeq: 20 ACK
                    Content-Length: 0

                    """.formatted(ok.contacts().get(0).address().uri(), pbx.via(),
                    routeSet.stream().map(r -> "Route: " + r + "\n").collect(Collectors.joining()),
                    ok.header(HeaderName.TO), callId));
            carrier.nextRequest("ACK");

            // no RTP, no BYE from anyone: the relay times the media out and an edge replica ends the call
            SipRequest byeAtPbx = pbx.nextRequest("BYE", timeoutSeconds + 20);
            assertEquals("gw1", byeAtPbx.fromTag(), "as the carrier would send it");
            assertEquals("pbx1", byeAtPbx.toTag());
            assertEquals(callId, byeAtPbx.callId());
            assertTrue(byeAtPbx.header("Reason").contains("cause=408"), byeAtPbx.toString());
            pbx.respond(byeAtPbx, 200, "OK", "pbx1", null);
            SipRequest byeAtCarrier = carrier.nextRequest("BYE", 10);
            assertEquals("pbx1", byeAtCarrier.fromTag(), "as the PBX would send it");
            assertEquals("gw1", byeAtCarrier.toTag());
            assertEquals(21, byeAtCarrier.cseq().number(), "one above the PBX's INVITE");
            carrier.respond(byeAtCarrier, 200, "OK", "gw1", null);

            JsonNode cdr = Cdrs.closed(platform, callId);
            assertEquals("ANSWERED", cdr.path("disposition").asText());
            assertEquals("MEDIA_TIMEOUT", cdr.path("endCause").asText(), cdr.toString());
            assertEquals("PLATFORM", cdr.path("hangupSide").asText());
            assertEquals(false, cdr.path("orphan").asBoolean());
        }
    }
}
