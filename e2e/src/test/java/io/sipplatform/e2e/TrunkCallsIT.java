package io.sipplatform.e2e;

import static io.sipplatform.e2e.Provisioning.CARRIER_A;
import static io.sipplatform.e2e.Provisioning.CARRIER_B;
import static io.sipplatform.e2e.Provisioning.CARRIER_C;
import static io.sipplatform.e2e.Provisioning.CARRIER_C_NATIONAL;
import static io.sipplatform.e2e.Provisioning.FAILOVER_NATIONAL;
import static io.sipplatform.e2e.Provisioning.GATEWAY_PORT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Calls of customers' PBXs on IP trunks out to carriers (SIPp on both sides): least-cost routing with failover,
 * the failure cases a caller meets (busy, cancel, no answer), trunk limits, and a stranger who never reaches a
 * carrier. Each call's CDR is checked through the CDR API.
 */
@Order(2)
class TrunkCallsIT extends PlatformScenario {
    private static Sipp carrier(String name, String ip, SippScenario flow, int calls) throws Exception {
        return Sipp.run(name, flow).local(ip, GATEWAY_PORT).calls(calls).start(null, 40);
    }

    private static Sipp pbx(String name, String ip, SippScenario flow, String dialled) throws Exception {
        return Sipp.run(name, flow).local(ip, 0).key("dialled", dialled).calls(1).start(edge(1), 30);
    }

    @Test
    void aNationalNumberIsNormalisedRoutedByLongestPrefixAndFailsOverFrom503ToTheSecondCarrier() throws Exception {
        Sipp a = carrier("carrier-a-503", CARRIER_A, SippScenario.named("carrier-503").receive("INVITE")
                .respond(503, "Service Unavailable").receive("ACK"), 1);
        Sipp b = carrier("carrier-b-answers", CARRIER_B, SippScenario.answering("carrier-answers"), 1);
        Sipp pbx = pbx("pbx-failover", Provisioning.PBX, SippScenario.calling("pbx-call", 1000), FAILOVER_NATIONAL);
        assertEquals(0, pbx.await(40), pbx.diagnostics());
        assertEquals(0, a.await(10), a.diagnostics());
        assertEquals(0, b.await(10), b.diagnostics());

        JsonNode cdr = Cdrs.closed(platform, Cdrs.callIds(pbx, "answered").get(0));
        assertEquals("e2e-pbx", cdr.path("trunkId").asText());
        assertEquals("OUTBOUND", cdr.path("direction").asText());
        assertEquals("+15551234567", cdr.path("calleeE164").asText(), "national 1 555 ... normalised to E.164");
        assertEquals("+1555", cdr.path("routePrefix").asText(), "the longest prefix won over the sample's +1");
        assertEquals("e2e-carrier-b", cdr.path("carrierId").asText());
        assertEquals("ANSWERED", cdr.path("disposition").asText());
        assertEquals(200, cdr.path("finalCode").asInt());
        assertEquals("CALLER", cdr.path("hangupSide").asText());
        long talk = cdr.path("talkMillis").asLong();
        assertTrue(talk >= 900 && talk < 4000, "talk time of a 1 s call: " + talk);
        JsonNode legs = cdr.path("legs");
        assertEquals(2, legs.size(), "both attempts recorded: " + legs);
        assertEquals("e2e-carrier-a", legs.get(0).path("carrierId").asText());
        assertEquals(503, legs.get(0).path("finalCode").asInt());
        assertEquals("e2e-carrier-b", legs.get(1).path("carrierId").asText());
        assertEquals(200, legs.get(1).path("finalCode").asInt());
    }

    @Test
    void aHoldReInviteSentToTheOtherEdgeReplicaIsAnchoredAtTheCallsRelayBothWays() throws Exception {
        // the relay's ports (media.port-min 30000 and up) in place of SIPp's own media port, and the hold kept
        String relayed = "m=audio 3[0-9]{4} RTP/AVP";
        Sipp c = carrier("carrier-c-hold", CARRIER_C, SippScenario.named("carrier-hold").receive("INVITE")
                .respond(180, "Ringing").respond(200, "OK").receive("ACK")
                .receive("INVITE", relayed, "a=sendonly").answerReInvite().receive("ACK")
                .receive("BYE").respond(200, "OK"), 1);
        Sipp pbx = pbx("pbx-hold", Provisioning.PBX, SippScenario.named("pbx-hold").invite().provisionals()
                .expect(200).log("answered").ack().pause(300)
                .sendTo(Platform.HOST, Platform.sipPort(2)).holdReInvite(2, relayed).pause(300).bye(3),
                CARRIER_C_NATIONAL);
        assertEquals(0, pbx.await(40), pbx.diagnostics());
        assertEquals(0, c.await(10), c.diagnostics());
        JsonNode cdr = Cdrs.closed(platform, Cdrs.callIds(pbx, "answered").get(0));
        assertEquals("ANSWERED", cdr.path("disposition").asText());
        assertEquals("CALLER", cdr.path("hangupSide").asText());
    }

    // A fax call: the PBX's gateway switches to T.38 by re-INVITE; both sides must see the relay's ports on the
    // m=image udptl line (the relay relays UDPTL as it is, MediaRelayServiceTest.aT38ReInvite...).
    @Test
    void aT38FaxReInviteIsAnchoredAtTheRelayBothWays() throws Exception {
        String relayedT38 = "m=image 3[0-9]{4} udptl t38";
        Sipp c = carrier("carrier-c-t38", CARRIER_C, SippScenario.named("carrier-t38").receive("INVITE")
                .respond(180, "Ringing").respond(200, "OK").receive("ACK")
                .receive("INVITE", relayedT38, "T38FaxUdpEC").answerT38ReInvite().receive("ACK")
                .receive("BYE").respond(200, "OK"), 1);
        Sipp pbx = pbx("pbx-t38", Provisioning.PBX, SippScenario.named("pbx-t38").invite().provisionals()
                .expect(200).log("answered").ack().pause(300).t38ReInvite(2, relayedT38).pause(300).bye(3),
                CARRIER_C_NATIONAL);
        assertEquals(0, pbx.await(40), pbx.diagnostics());
        assertEquals(0, c.await(10), c.diagnostics());
        JsonNode cdr = Cdrs.closed(platform, Cdrs.callIds(pbx, "answered").get(0));
        assertEquals("ANSWERED", cdr.path("disposition").asText());
    }

    @Test
    void busyIsRelayedAndRecordedAsBusy() throws Exception {
        Sipp c = carrier("carrier-c-busy", CARRIER_C, SippScenario.named("carrier-busy").receive("INVITE")
                .respond(486, "Busy Here").receive("ACK"), 1);
        Sipp pbx = pbx("pbx-busy", Provisioning.PBX, SippScenario.named("pbx-busy").invite().provisionals()
                .finalOneOf(486), CARRIER_C_NATIONAL);
        assertEquals(0, pbx.await(30), pbx.diagnostics());
        assertEquals(0, c.await(10), c.diagnostics());
        JsonNode cdr = Cdrs.closed(platform, Cdrs.callIds(pbx, "486").get(0));
        assertEquals("BUSY", cdr.path("disposition").asText());
        assertEquals(486, cdr.path("finalCode").asInt());
        assertNull(cdr.path("answerTime").isNull() ? null : cdr.path("answerTime").asText());
    }

    @Test
    void cancelBeforeAnswerReachesTheCarrierAndEndsWith487() throws Exception {
        Sipp c = carrier("carrier-c-rings", CARRIER_C, SippScenario.named("carrier-rings").receive("INVITE")
                .respond(180, "Ringing").answerCancel(), 1);
        Sipp pbx = pbx("pbx-cancel", Provisioning.PBX, SippScenario.named("pbx-cancel").invite().ringing()
                .pause(500).log("cancelled").cancel(), CARRIER_C_NATIONAL);
        assertEquals(0, pbx.await(30), pbx.diagnostics());
        assertEquals(0, c.await(10), c.diagnostics());
        JsonNode cdr = Cdrs.closed(platform, Cdrs.callIds(pbx, "cancelled").get(0));
        assertEquals("CANCELLED", cdr.path("disposition").asText());
        assertEquals(487, cdr.path("finalCode").asInt());
        assertEquals("CALLER", cdr.path("hangupSide").asText());
    }

    @Test
    void noAnswerUntilTheRoutingTimeoutIsCancelledAtTheCarrierAndRecordedAsNoAnswer() throws Exception {
        Sipp c = carrier("carrier-c-no-answer", CARRIER_C, SippScenario.named("carrier-no-answer")
                .receive("INVITE").respond(180, "Ringing").answerCancel(), 1);
        Sipp pbx = pbx("pbx-no-answer", Provisioning.PBX, SippScenario.named("pbx-no-answer").invite().ringing()
                .finalOneOf(408, 480), CARRIER_C_NATIONAL);
        long start = System.nanoTime();
        assertEquals(0, pbx.await(Platform.ANSWER_TIMEOUT_SECONDS + 20), pbx.diagnostics());
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(seconds >= Platform.ANSWER_TIMEOUT_SECONDS - 1, "ended by the answer timeout: " + seconds);
        assertEquals(0, c.await(10), "the carrier got a CANCEL: " + c.diagnostics());
        List<String> ended = Cdrs.callIds(pbx, "408");
        ended = ended.isEmpty() ? Cdrs.callIds(pbx, "480") : ended;
        JsonNode cdr = Cdrs.closed(platform, ended.get(0));
        assertEquals("NO_ANSWER", cdr.path("disposition").asText());
    }

    @Test
    void aTrunkLimitedToTwoCallsRejectsTheThirdAndTakesANewOneAfterOneEnds() throws Exception {
        Sipp c = carrier("carrier-c-holds", CARRIER_C, SippScenario.answering("carrier-holds"), 3);
        SippScenario callOrRejected = SippScenario.named("pbx-limited").invite().provisionals().finalOneOf(200, 503)
                .ack().pause(3000).bye();
        Sipp burst = Sipp.run("pbx-limited-burst", callOrRejected).local(Provisioning.LIMITED_PBX, 0)
                .key("dialled", CARRIER_C_NATIONAL).calls(3).rate(20, 3).start(edge(1), 30);
        assertEquals(0, burst.await(40), burst.diagnostics());
        assertEquals(2, Cdrs.callIds(burst, "200").size(), "two calls at once: " + burst.events());
        assertEquals(1, Cdrs.callIds(burst, "503").size(), "the third refused: " + burst.events());

        Sipp after = Sipp.run("pbx-limited-after", callOrRejected).local(Provisioning.LIMITED_PBX, 0)
                .key("dialled", CARRIER_C_NATIONAL).calls(1).start(edge(1), 30);
        assertEquals(0, after.await(40), after.diagnostics());
        assertEquals(1, Cdrs.callIds(after, "200").size(), "a slot is free again: " + after.events());
        assertEquals(0, c.await(10), c.diagnostics());
        JsonNode refused = Cdrs.closed(platform, Cdrs.callIds(burst, "503").get(0));
        assertEquals(503, refused.path("finalCode").asInt());
        assertEquals("e2e-limited", refused.path("trunkId").asText());
    }

    @Test
    void anUnauthenticatedInviteToAnExternalNumberNeverReachesACarrier() throws Exception {
        try (DatagramSocket a = new DatagramSocket(new InetSocketAddress(CARRIER_A, GATEWAY_PORT));
                DatagramSocket b = new DatagramSocket(new InetSocketAddress(CARRIER_B, GATEWAY_PORT))) {
            Sipp stranger = pbx("stranger", Provisioning.STRANGER, SippScenario.named("stranger").invite()
                    .provisionals().finalOneOf(407, 403), FAILOVER_NATIONAL);
            assertEquals(0, stranger.await(30), stranger.diagnostics());
            assertEquals(1, Cdrs.callIds(stranger, "407").size() + Cdrs.callIds(stranger, "403").size());
            for (DatagramSocket gateway : List.of(a, b)) {
                gateway.setSoTimeout(1500);
                try {
                    DatagramPacket got = new DatagramPacket(new byte[4096], 4096);
                    gateway.receive(got);
                    throw new AssertionError("a carrier received: " + new String(got.getData(), 0,
                            got.getLength(), java.nio.charset.StandardCharsets.UTF_8));
                } catch (SocketTimeoutException expected) {
                    // nothing reached the carrier
                }
            }
        }
    }
}
