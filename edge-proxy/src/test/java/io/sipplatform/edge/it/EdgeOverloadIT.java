package io.sipplatform.edge.it;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.edge.wiring.SipEdge;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Admission control under SIPp load: an edge sized for 10 new calls per second is offered 30 per second. It must
 * complete at least 90 % of its capacity, answer the surplus 503 with Retry-After at once (no timeouts, no other
 * failures), and take every call again as soon as the load is back under capacity. A functional test of the
 * shedding, bounded to a few seconds and a few hundred calls, not a benchmark.
 */
@QuarkusTest
@TestProfile(EdgeOverloadIT.Capacity10.class)
class EdgeOverloadIT {
    static final int CAPACITY = 10;
    static final int OFFERED_RATE = 3 * CAPACITY;
    static final int SECONDS = 5;

    /** 10 calls/s; the SIPp host is trusted so the per-source flood guard stays out of the way. */
    public static final class Capacity10 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("edge.protection.max-calls-per-second", Integer.toString(CAPACITY),
                    "edge.protection.trusted", "127.0.0.0/8");
        }
    }

    @Inject
    SipEdge edge;

    @AfterEach
    void reset() {
        FakeRouting.carriers = List.of();
    }

    /** Runs the overload UAC for {@code calls} at {@code rate}; returns {answered, shed}. */
    int[] offer(String name, int rate, int calls, int uacPort) throws Exception {
        String edgeAddress = "127.0.0.1:" + edge.transports().listener(Transport.UDP).orElseThrow().bound().getPort();
        Path log = Path.of("target", "sipp", name + "-messages.log").toAbsolutePath();
        Files.deleteIfExists(log);
        Process uac = Sipp.start(name, List.of(edgeAddress, "-sf", Sipp.scenario("uac-overload.xml"),
                "-i", "127.0.0.1", "-p", Integer.toString(uacPort), "-s", "service", "-m", Integer.toString(calls),
                "-r", Integer.toString(rate), "-l", "200", "-trace_logs", "-log_file", log.toString(),
                "-timeout", "60"));
        int exit = Sipp.await(uac, 90);
        assertEquals(0, exit, "every call was answered or shed with 503 + Retry-After:\n" + Sipp.log(name));
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        int answered = (int) lines.stream().filter(l -> l.startsWith("answered ")).count();
        int shed = (int) lines.stream().filter(l -> l.startsWith("shed ") && l.matches(".*retry-after \\d+$"))
                .count();
        return new int[] {answered, shed};
    }

    @Test
    void atThreeTimesCapacityTheEdgeCompletesItsCapacityShedsTheRestAndRecovers() throws Exception {
        int[] ports = Sipp.freeUdpPorts(3);
        FakeRouting.carriers = List.of("sip:service@127.0.0.1:" + ports[0]);
        Process uas = Sipp.start("uas-overload", List.of("-sn", "uas", "-i", "127.0.0.1", "-p",
                Integer.toString(ports[0]), "-timeout", "120"));
        try {
            int calls = OFFERED_RATE * SECONDS;
            int[] overload = offer("uac-overload", OFFERED_RATE, calls, ports[1]);
            assertEquals(calls, overload[0] + overload[1], "each call answered or shed");
            assertTrue(overload[0] >= 0.9 * CAPACITY * SECONDS,
                    "at least 90 % of capacity completed: " + overload[0] + " answered, " + overload[1] + " shed");
            assertTrue(overload[1] >= calls / 3, "the surplus was shed: " + overload[1]);

            int[] after = offer("uac-after-overload", CAPACITY / 2, CAPACITY, ports[2]);
            assertEquals(CAPACITY, after[0], "back under capacity, every call is taken again");
        } finally {
            uas.destroy();
            Sipp.await(uas, 10);
        }
    }
}
