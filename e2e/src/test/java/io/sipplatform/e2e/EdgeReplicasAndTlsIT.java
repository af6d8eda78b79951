package io.sipplatform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sipplatform.sip.message.SipRequest;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The stateless edge: a call set up through one replica and ended through the other, as behind a load balancer
 * that does not stick; a softphone on TLS (baresip; Debian's SIPp is built without TLS) calling one on UDP; and a
 * WebSocket client (RFC 7118) registering and calling a softphone.
 */
@Order(4)
class EdgeReplicasAndTlsIT extends PlatformScenario {

    @Test
    void inDialogRequestsThroughTheOtherEdgeReplicaEndTheCallCleanly() throws Exception {
        Sipp carrier = Sipp.run("carrier-c-replicas", SippScenario.answering("carrier-answers"))
                .local(Provisioning.CARRIER_C, Provisioning.GATEWAY_PORT).calls(1).start(null, 40);
        SippScenario acrossReplicas = SippScenario.named("pbx-two-edges").invite().provisionals().expect(200)
                .log("answered").sendTo(Platform.HOST, Platform.sipPort(2)).ack().pause(1000).bye();
        Sipp pbx = Sipp.run("pbx-two-edges", acrossReplicas).local(Provisioning.PBX, 0)
                .key("dialled", Provisioning.CARRIER_C_NATIONAL).calls(1).start(edge(1), 30);
        assertEquals(0, pbx.await(40), pbx.diagnostics());
        assertEquals(0, carrier.await(10), "the carrier got the ACK and the BYE: " + carrier.diagnostics());
        JsonNode cdr = Cdrs.closed(platform, Cdrs.callIds(pbx, "answered").get(0));
        assertEquals("ANSWERED", cdr.path("disposition").asText());
        assertEquals("BYE", cdr.path("endCause").asText(), "the BYE at replica 2 ended the call: " + cdr);
        assertEquals("CALLER", cdr.path("hangupSide").asText());
    }

    @Test
    void aCarriersByeAtTheOtherReplicaReachesACallerOnTcpThroughTheReplicaOwningItsConnection() throws Exception {
        InetSocketAddress replica1 = new InetSocketAddress(Platform.HOST, Platform.sipPort(1));
        try (NattedPhone carrier = NattedPhone.direct("carrier", new InetSocketAddress(Provisioning.CARRIER_C,
                Provisioning.GATEWAY_PORT), replica1)) {
            SippScenario tcpCaller = SippScenario.named("pbx-tcp-callee-hangs-up").invite().provisionals()
                    .expect(200).log("answered").ack().receive("BYE").respond(200, "OK");
            Sipp pbx = Sipp.run("pbx-tcp-callee-hangs-up", tcpCaller).local(Provisioning.PBX, 0)
                    .option("-t", "t1").key("dialled", Provisioning.CARRIER_C_NATIONAL).calls(1)
                    .start(edge(1), 30);
            SipRequest invite = carrier.nextRequest("INVITE");
            carrier.respond(invite, 200, "OK", "gw1", ScriptedPhone.sdp(Provisioning.CARRIER_C, 43000));
            carrier.nextRequest("ACK");
            // the carrier's BYE reaches replica 2, which holds no connection to the PBX: replica 1 owns it
            carrier.sendTo(new InetSocketAddress(Platform.HOST, Platform.sipPort(2)));
            carrier.byeAsCallee(invite, "gw1");
            assertEquals(200, carrier.finalResponse("BYE").statusCode(), "the PBX answered over its connection");
            assertEquals(0, pbx.await(30), "the PBX got the BYE on its TCP connection: " + pbx.diagnostics());
            JsonNode cdr = Cdrs.closed(platform, Cdrs.callIds(pbx, "answered").get(0));
            assertEquals("CALLEE", cdr.path("hangupSide").asText());
        }
    }

    @Test
    void aSoftphoneOnTlsCallsOneOnUdp() throws Exception {
        try (Baresip alice = Baresip.register("alice-tls", "alice", "alice-secret", "127.0.0.51", "tls",
                Platform.TLS_PORT, true);
                Baresip bob = Baresip.register("bob-udp", "bob", "bob-secret", "127.0.0.52", "udp",
                        Platform.sipPort(1), true)) {
            alice.dial("sip:bob@sip.local");
            String callId = alice.await("CALL_ESTABLISHED", 15).path("id").asText();
            bob.await("CALL_ESTABLISHED", 5);
            bob.awaitHearing(1.0, 15); // the TLS caller's audio reached the UDP callee through the relay
            bob.hangup();
            alice.await("CALL_CLOSED", 10);
            JsonNode cdr = Cdrs.closed(platform, callId);
            assertEquals("ANSWERED", cdr.path("disposition").asText());
            assertEquals("CALLEE", cdr.path("hangupSide").asText());
            assertTrue(alice.log().contains("TLS"), "the caller's SIP went over TLS: " + alice.log());
        }
    }

    @Test
    void aWebSocketClientRegistersAndCallsASoftphone() throws Exception {
        try (Baresip carol = Baresip.register("carol-for-ws", "carol", "carol-secret", "127.0.0.53", "udp",
                Platform.sipPort(1), true);
                WebSocketPhone dave = new WebSocketPhone("dave", "dave-secret", Platform.WS_PORT)) {
            dave.register();
            String callId = dave.call("sip:carol@sip.local", () -> carol.await("CALL_ESTABLISHED", 5));
            carol.await("CALL_CLOSED", 10);
            JsonNode cdr = Cdrs.closed(platform, callId);
            assertEquals("ANSWERED", cdr.path("disposition").asText());
            assertEquals("e2e-phones", cdr.path("trunkId").asText());
        }
    }
}
