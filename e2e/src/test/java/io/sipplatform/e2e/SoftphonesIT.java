package io.sipplatform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Softphones (baresip) registered with digest auth: calls between them with audio both ways through the media
 * relay, hung up from either side; a DID whose two registered contacts ring in parallel.
 */
@Order(3)
class SoftphonesIT extends PlatformScenario {
    private static final int EDGE = Platform.sipPort(1);

    @Test
    void twoSoftphonesCallEachOtherWithAudioBothWaysAndHangUpFromEitherSide() throws Exception {
        try (Baresip alice = Baresip.register("alice", "alice", "alice-secret", "127.0.0.51", "udp", EDGE, true);
                Baresip bob = Baresip.register("bob", "bob", "bob-secret", "127.0.0.52", "udp", EDGE, true)) {
            // alice calls bob and hangs up herself (the caller)
            alice.dial("sip:bob@sip.local");
            String callId = alice.await("CALL_ESTABLISHED", 15).path("id").asText();
            bob.await("CALL_ESTABLISHED", 5);
            long up = System.nanoTime();
            bob.awaitHearing(2.5, 15); // audio both ways for a while before the caller hangs up
            alice.awaitHearing(2.5, 5);
            alice.hangup();
            long talked = (System.nanoTime() - up) / 1_000_000;
            bob.await("CALL_CLOSED", 10);
            JsonNode cdr = Cdrs.closedWithMedia(platform, callId);
            assertTrue(cdr.path("fromUri").asText().contains("alice@sip.local"), cdr.toString());
            assertTrue(cdr.path("toUri").asText().contains("bob@sip.local"), cdr.toString());
            assertEquals("ANSWERED", cdr.path("disposition").asText());
            assertFalse(cdr.path("answerTime").isNull(), "answer time recorded");
            assertEquals("CALLER", cdr.path("hangupSide").asText());
            assertTrue(Math.abs(cdr.path("talkMillis").asLong() - talked) <= 1000,
                    "talk time " + cdr.path("talkMillis") + " ms vs " + talked + " ms measured");
            assertTrue(Math.abs(cdr.path("billableSeconds").asLong() - talked / 1000.0) <= 1.0,
                    "billable seconds " + cdr.path("billableSeconds") + " for " + talked + " ms");
            assertTrue(cdr.path("callerPackets").asLong() > 50 && cdr.path("calleePackets").asLong() > 50,
                    "the relay forwarded RTP both ways: " + cdr);
            assertHeardTone(bob, "bob heard alice");
            assertHeardTone(alice, "alice heard bob");

            // bob calls alice; alice (the callee) hangs up
            bob.dial("sip:alice@sip.local");
            String second = bob.await("CALL_ESTABLISHED", 15).path("id").asText();
            alice.await("CALL_ESTABLISHED", 5);
            alice.awaitHearing(1.0, 15);
            alice.hangup();
            bob.await("CALL_CLOSED", 10);
            JsonNode back = Cdrs.closed(platform, second);
            assertEquals("CALLEE", back.path("hangupSide").asText());
            assertTrue(back.path("fromUri").asText().contains("bob@sip.local"), back.toString());
        }
    }

    @Test
    void aDidWithTwoRegisteredContactsRingsBothAndTheOneNotAnsweringGetsCancel() throws Exception {
        try (Baresip desk = Baresip.register("carol-desk", "carol", "carol-secret", "127.0.0.53", "udp", EDGE,
                true);
                Baresip mobile = Baresip.register("carol-mobile", "carol", "carol-secret", "127.0.0.54", "udp",
                        EDGE, false)) {
            Sipp carrier = Sipp.run("carrier-to-did", SippScenario.calling("carrier-call", 1500))
                    .local(Provisioning.CARRIER_IN, 0).key("dialled", Provisioning.FORK_DID).calls(1)
                    .start(edge(1), 30);
            mobile.await("CALL_INCOMING", 10); // it rang
            desk.await("CALL_ESTABLISHED", 10); // and the desk answered
            mobile.await("CALL_CLOSED", 10);
            assertTrue(mobile.received("CANCEL"), "the ringing contact got a CANCEL: " + mobile.log());
            assertFalse(desk.received("CANCEL"), "the answering contact did not");
            assertEquals(0, carrier.await(30), carrier.diagnostics());
            JsonNode cdr = Cdrs.closed(platform, Cdrs.callIds(carrier, "answered").get(0));
            assertEquals("INBOUND", cdr.path("direction").asText());
            assertEquals(Provisioning.FORK_DID, cdr.path("calleeE164").asText());
            assertEquals("e2e-phones", cdr.path("trunkId").asText());
        }
    }

    private static void assertHeardTone(Baresip phone, String what) throws Exception {
        List<Path> heard = phone.heard();
        assertFalse(heard.isEmpty(), what + ": no audio recorded");
        double seconds = Tone.secondsOf(heard.get(0), 440);
        assertTrue(seconds >= 1.0, what + ": " + seconds + " s of the 440 Hz tone in " + heard.get(0));
    }
}
