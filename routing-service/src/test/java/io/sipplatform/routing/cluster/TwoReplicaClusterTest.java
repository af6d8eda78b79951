package io.sipplatform.routing.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipplatform.routing.domain.CallLimits;
import io.sipplatform.routing.domain.GatewayMonitor;
import io.sipplatform.routing.domain.HealthPolicy;
import io.sipplatform.routing.domain.Lease;
import io.sipplatform.routing.domain.PerThreadRandom;
import io.sipplatform.routing.domain.SlotLimits;
import io.sipplatform.routing.domain.TrunkLimits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two routing replicas in one JVM, clustered over loopback JGroups TCP: limits, leases, gateway health and the
 * edge roster are shared. Each replica has its own cache manager, as two pods would.
 */
class TwoReplicaClusterTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static ClusterNode replicaA;
    private static ClusterNode replicaB;

    @BeforeAll
    static void formCluster() throws IOException {
        int portA = freePort();
        int portB = freePort();
        List<String> members = List.of("127.0.0.1[" + portA + "]", "127.0.0.1[" + portB + "]");
        replicaA = new ClusterNode(new ClusterSettings(true, "routing-test", "127.0.0.1", portA, members, null, 2));
        // The constructor returns after the join and the initial state transfer.
        replicaB = new ClusterNode(new ClusterSettings(true, "routing-test", "127.0.0.1", portB, members, null, 2));
        assertTrue(replicaA.transportStack().contains("TCPPING"), "loopback TCP, never multicast");
        assertEquals(2, replicaA.members());
        assertEquals(2, replicaB.members());
    }

    @AfterAll
    static void stop() {
        if (replicaB != null) {
            replicaB.close();
        }
        if (replicaA != null) {
            replicaA.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static SlotLimits limits(ClusterNode node) {
        return new SlotLimits(node.slotStore(), Duration.ofHours(1), PerThreadRandom.INSTANCE);
    }

    /** 2N admissions at once, alternating replicas; returns the admitted ones. */
    private static List<CallLimits.Admission> race(String trunk, TrunkLimits trunkLimits, int requests)
            throws Exception {
        List<SlotLimits> replicas = List.of(limits(replicaA), limits(replicaB));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CallLimits.Admission>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                SlotLimits replica = replicas.get(i % 2);
                futures.add(pool.submit(() -> {
                    start.await();
                    return replica.admit(trunk, trunkLimits, true, NOW);
                }));
            }
            start.countDown();
            List<CallLimits.Admission> admitted = new ArrayList<>();
            for (Future<CallLimits.Admission> f : futures) {
                CallLimits.Admission a = f.get();
                if (a instanceof CallLimits.Admitted) {
                    admitted.add(a);
                }
            }
            return admitted;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoNSimultaneousCallsOverTwoReplicasForALimitOfNAdmitExactlyN() throws Exception {
        int n = 25;
        List<CallLimits.Admission> admitted = race("race-trunk", new TrunkLimits(n, 0), 2 * n);
        assertEquals(n, admitted.size());
        // Every slot is held once: releasing each lease (on the other replica) frees exactly N slots.
        int released = 0;
        for (CallLimits.Admission a : admitted) {
            released += limits(replicaB).release(((CallLimits.Admitted) a).lease().id(), NOW) ? 1 : 0;
        }
        assertEquals(n, released);
        assertEquals(n, race("race-trunk", new TrunkLimits(n, 0), 2 * n).size(), "all slots free again");
    }

    @Test
    void callsPerSecondAreCountedAcrossReplicas() throws Exception {
        assertEquals(5, race("cps-trunk", new TrunkLimits(0, 5), 12).size());
    }

    @Test
    void leaseTakenOnOneReplicaIsReleasedOnTheOtherExactlyOnce() {
        Lease lease = ((CallLimits.Admitted) limits(replicaA).admit("release-trunk", new TrunkLimits(1, 0), false,
                NOW)).lease();
        assertInstanceOf(CallLimits.Refused.class,
                limits(replicaB).admit("release-trunk", new TrunkLimits(1, 0), false, NOW));
        assertTrue(limits(replicaB).release(lease.id(), NOW));
        assertFalse(limits(replicaA).release(lease.id(), NOW));
        assertInstanceOf(CallLimits.Admitted.class,
                limits(replicaB).admit("release-trunk", new TrunkLimits(1, 0), false, NOW));
    }

    @Test
    void leaseWhoseEndWasLostExpiresForEveryReplica() {
        Lease lost = ((CallLimits.Admitted) limits(replicaA).admit("lost-trunk", new TrunkLimits(1, 0), false, NOW))
                .lease();
        assertInstanceOf(CallLimits.Refused.class,
                limits(replicaB).admit("lost-trunk", new TrunkLimits(1, 0), false, NOW.plusSeconds(60)));
        assertInstanceOf(CallLimits.Admitted.class,
                limits(replicaB).admit("lost-trunk", new TrunkLimits(1, 0), false, lost.expiresAt()));
    }

    @Test
    void gatewayFailuresReportedToDifferentReplicasCountTogether() {
        HealthPolicy policy = new HealthPolicy(3, 2, Set.of(503));
        GatewayMonitor a = new GatewayMonitor(replicaA.gatewayStates(), policy);
        GatewayMonitor b = new GatewayMonitor(replicaB.gatewayStates(), policy);
        a.observe("gw-shared", null);
        b.observe("gw-shared", 503);
        assertTrue(a.isUp("gw-shared"));
        assertTrue(b.observe("gw-shared", null).changed());
        assertFalse(a.isUp("gw-shared"), "replica A sees the state B wrote");
        a.observe("gw-shared", 200);
        b.observe("gw-shared", 200);
        assertTrue(a.isUp("gw-shared"));
    }

    @Test
    void edgesCheckingInAtDifferentReplicasFormOneRoster() {
        replicaA.edgeRoster(Duration.ofMinutes(3)).checkIn("edge-1", NOW);
        assertEquals(Set.of("edge-1", "edge-2"), replicaB.edgeRoster(Duration.ofMinutes(3)).checkIn("edge-2", NOW));
        assertEquals(Set.of("edge-2"), replicaB.edgeRoster(Duration.ofMinutes(3)).checkIn("edge-2",
                NOW.plus(Duration.ofMinutes(4))), "an edge silent for longer than the roster TTL drops out");
    }
}
