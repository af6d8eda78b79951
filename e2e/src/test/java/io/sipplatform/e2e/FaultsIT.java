package io.sipplatform.e2e;

import java.util.regex.Pattern;
import java.time.Duration;
import org.awaitility.Awaitility;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Failures of the services behind the edge, caused for real: SIGKILL of cdr-service in a burst of calls, SIGKILL of
 * one of three registrar nodes, and routing-service stopped. Runs last; each fault is repaired afterwards.
 */
@Order(9)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT extends PlatformScenario {

    @Test
    @Order(1)
    void cdrServiceKilledDuringABurstLosesNoCdr() throws Exception {
        int calls = 20;
        int before = Cdrs.ofTrunk(platform, "e2e-pbx").size();
        Sipp carrier = Sipp.run("carrier-c-burst", SippScenario.answering("carrier-answers"))
                .local(Provisioning.CARRIER_C, Provisioning.GATEWAY_PORT).calls(calls).start(null, 90);
        Sipp burst = Sipp.run("pbx-burst", SippScenario.calling("pbx-call", 1000)).local(Provisioning.PBX, 0)
                .key("dialled", Provisioning.CARRIER_C_NATIONAL).calls(calls).rate(5, 10).start(edge(1), 80);
        // kill it mid-burst: once the first calls have CDRs, and restart it once the edge is spooling for it
        Awaitility.await("the burst under way").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> Cdrs.ofTrunk(platform, "e2e-pbx").size() >= before + 2);
        platform.kill("cdr-service");
        Pattern pending = Pattern.compile("(?m)^sip_cdr_spool_pending(\\{[^}]*\\})? ([1-9][0-9]*)\\.0$");
        Awaitility.await("events spooled for the dead cdr-service").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> pending.matcher(platform.metrics("edge-proxy#1")).find());
        platform.launcherCommand("start", "cdr-service");
        assertEquals(0, burst.await(90), burst.diagnostics());
        assertEquals(0, carrier.await(20), carrier.diagnostics());
        List<String> answered = Cdrs.callIds(burst, "answered");
        assertEquals(calls, answered.size(), "every call of the burst completed");
        for (String callId : answered) {
            JsonNode cdr = Cdrs.closed(platform, callId, 60); // the edge's spool delivers what the service missed
            assertEquals("ANSWERED", cdr.path("disposition").asText(), cdr.toString());
            assertEquals("BYE", cdr.path("endCause").asText(), cdr.toString());
        }
        long ofTrunk = Cdrs.ofTrunk(platform, "e2e-pbx").stream()
                .filter(c -> answered.contains(c.path("callId").asText())).count();
        assertEquals(calls, ofTrunk, "one CDR per call, none duplicated");
    }

    @Test
    @Order(2)
    void oneOfThreeRegistrarNodesKilledLeavesEveryRegisteredSoftphoneReachable() throws Exception {
        try (Baresip desk = Baresip.register("carol-desk-f", "carol", "carol-secret", "127.0.0.53", "udp",
                Platform.sipPort(1), true);
                Baresip mobile = Baresip.register("carol-mobile-f", "carol", "carol-secret", "127.0.0.54", "udp",
                        Platform.sipPort(1), false);
                Baresip dave = Baresip.register("dave-f", "dave", "dave-secret", "127.0.0.55", "udp",
                        Platform.sipPort(2), true)) {
            platform.kill("registrar-service#1");
            // failure detection: the survivors see a two-node view (and rebalance); then every AOR must be found
            Pattern twoMembers = Pattern.compile("(?m)^registrar_cluster_members(\\{[^}]*\\})? 2\\.0$");
            Awaitility.await("the survivors seeing the node leave").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> twoMembers.matcher(platform.metrics("registrar-service#2")).find());
            for (int i = 0; i < 3; i++) { // round robin over the nodes left: every lookup must still find them
                Sipp toDave = Sipp.run("pbx-to-dave-" + i, SippScenario.calling("pbx-call", 300))
                        .local(Provisioning.PBX, 0).key("dialled", "dave").key("domain", "sip.local").calls(1).start(edge(1), 30);
                assertEquals(0, toDave.await(40), toDave.diagnostics());
                dave.await("CALL_ESTABLISHED", 5);
                Sipp toCarol = Sipp.run("carrier-to-carol-" + i, SippScenario.calling("carrier-call", 300))
                        .local(Provisioning.CARRIER_IN, 0).key("dialled", Provisioning.FORK_DID).calls(1)
                        .start(edge(1), 30);
                assertEquals(0, toCarol.await(40), toCarol.diagnostics());
            }
            assertTrue(desk.received("INVITE") && mobile.received("INVITE"), "both of carol's contacts rang");
        } finally {
            platform.launcherCommand("start", "registrar-service#1");
        }
    }

    @Test
    @Order(3)
    void routingStoppedMeans503WithRetryAfterWithinASecond() throws Exception {
        platform.launcherCommand("stop", "routing-service");
        try {
            Sipp pbx = Sipp.run("pbx-no-routing", SippScenario.named("pbx-no-routing").invite().provisionals()
                    .expect(503, "Retry-After: [0-9]+", 1000).log("refused").ackFailure())
                    .local(Provisioning.PBX, 0).key("dialled", Provisioning.CARRIER_C_NATIONAL).calls(1)
                    .start(edge(1), 20);
            assertEquals(0, pbx.await(30), pbx.diagnostics());
            assertEquals(1, Cdrs.callIds(pbx, "refused").size());
        } finally {
            platform.launcherCommand("start", "routing-service");
        }
    }
}
