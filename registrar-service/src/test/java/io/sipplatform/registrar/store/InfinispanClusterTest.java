package io.sipplatform.registrar.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipplatform.registrar.domain.Aor;
import io.sipplatform.registrar.domain.Binding;
import io.sipplatform.registrar.domain.BruteForceGuard;
import io.sipplatform.registrar.domain.BruteForcePolicy;
import io.sipplatform.registrar.domain.Flow;
import io.sipplatform.registrar.domain.MutableClock;
import io.sipplatform.registrar.domain.Registrar;
import io.sipplatform.registrar.domain.RegistrarPolicy;
import io.sipplatform.registrar.domain.Rejection;
import io.sipplatform.registrar.domain.Requests;
import io.sipplatform.registrar.domain.SecurityEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three registrar nodes in one JVM, each with its own cache manager and JGroups TCP stack on loopback, discovering
 * each other by TCPPING: bindings written on one node are found on the others, concurrent REGISTERs on different
 * nodes do not lose each other, brute-force counters add up across nodes, and the bindings survive a node leaving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InfinispanClusterTest {
    static final RegistrarPolicy POLICY = new RegistrarPolicy(Duration.ofSeconds(60), Duration.ofSeconds(3600),
            Duration.ofSeconds(7200), 500, Set.of(), Optional.empty(), "site-a");

    final MutableClock clock = new MutableClock(Instant.now());
    final List<LocationCacheNode> nodes = new ArrayList<>();
    final List<Registrar> registrars = new ArrayList<>();

    static List<ClusterSettings> cluster(String name, int size) {
        List<Integer> ports = LoopbackPorts.free(size);
        List<String> hosts = ports.stream().map(p -> "127.0.0.1[" + p + "]").collect(Collectors.toList());
        List<ClusterSettings> settings = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            settings.add(new ClusterSettings(ClusterSettings.Discovery.STATIC, name, "node-" + i, "127.0.0.1",
                    ports.get(i), LoopbackPorts.FD_OFFSET, hosts, "", 2, Duration.ofSeconds(2), Optional.empty()));
        }
        return settings;
    }

    @BeforeAll
    void startThreeNodes() throws Exception {
        List<ClusterSettings> settings = cluster("registrar-it-" + ProcessHandle.current().pid(), 3);
        // One after another, as a StatefulSet would start them; concurrent joins are covered by discovery retries.
        for (ClusterSettings node : settings) {
            nodes.add(LocationCacheNode.start(node));
        }
        for (LocationCacheNode node : nodes) {
            LocationNodeProcess.Changes views = new LocationNodeProcess.Changes();
            node.locations().getCacheManager().addListener(views);
            // Should a joiner still miss the coordinator and start alone, MERGE3 heals the split within a minute.
            assertTrue(views.await(() -> node.members() == 3 && !node.rebalancing(), 45_000),
                    node.nodeName() + " sees " + node.members() + " members");
        }
        for (LocationCacheNode node : nodes) {
            LocationCacheNode n = node;
            registrars.add(new Registrar(new InfinispanLocationStore(n::locations, clock), POLICY, Optional.empty(),
                    clock));
        }
    }

    @AfterAll
    void stopNodes() {
        for (LocationCacheNode node : nodes) {
            node.close();
        }
    }

    static Aor aor(int i) {
        return new Aor("sip:user" + i + "@example.com");
    }

    @Test
    @Order(1)
    void everyNodeSeesAThreeMemberClusterAndServes() {
        for (LocationCacheNode node : nodes) {
            assertEquals(3, node.members());
            assertTrue(node.serving());
        }
    }

    @Test
    @Order(1)
    void theClusterRunsOverTcpWithStaticMembersNeverMulticast() {
        for (LocationCacheNode node : nodes) {
            // Infinispan falls back to its UDP multicast stack unless handed ours: make sure it was.
            assertTrue(node.protocols().startsWith("TCP:TCPPING:MERGE3:FD_SOCK2:"), node.protocols());
            assertFalse(node.protocols().contains("UDP"), node.protocols());
        }
    }

    @Test
    @Order(2)
    void aBindingWrittenOnOneNodeIsFoundOnEveryNodeWithAllItsValues() {
        var request = Requests.register().aor("sip:alice@example.com").supported("outbound", "path")
                .path("sip:tok@edge-1.example;lr;ob").flow("edge-1", "tok")
                .flowContact("sip:alice@192.0.2.1:5070;transport=tcp", "urn:uuid:abc", 1);
        var outcome = registrars.get(0).register(request.build());
        assertEquals(200, outcome.code());
        Binding written = registrars.get(0).lookup(new Aor("sip:alice@example.com")).get(0);
        for (Registrar registrar : registrars) {
            List<Binding> found = registrar.lookup(new Aor("sip:alice@example.com"));
            assertEquals(List.of(written), found);
        }
        assertEquals(Optional.of(new Flow("edge-1", "tok")), written.flow());
        assertEquals(List.of("sip:tok@edge-1.example;lr;ob"), written.path());
    }

    @Test
    @Order(3)
    void concurrentRegistersForOneAorOnDifferentNodesLoseNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Integer>> codes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int n = i;
            Registrar registrar = registrars.get(i % 3);
            codes.add(pool.submit(() -> registrar.register(Requests.register().aor("sip:busy@example.com")
                    .callId("ua-" + n).contact("sip:busy@192.0.2." + (n + 1)).build()).code()));
        }
        for (Future<Integer> code : codes) {
            assertEquals(200, code.get());
        }
        pool.shutdown();
        assertEquals(60, registrars.get(2).lookup(new Aor("sip:busy@example.com")).size());
    }

    @Test
    @Order(4)
    void bruteForceFailuresCountedOnDifferentNodesAddUp() {
        BruteForcePolicy policy = new BruteForcePolicy(Duration.ofMinutes(5), 3, Duration.ofMinutes(15), 0,
                Duration.ZERO);
        List<BruteForceGuard> guards = new ArrayList<>();
        for (LocationCacheNode node : nodes) {
            LocationCacheNode n = node;
            guards.add(new BruteForceGuard(new InfinispanFailureCounters(n::security, clock), policy,
                    SecurityEvents.NONE));
        }
        guards.get(0).failed("198.51.100.77", "alice", "example.com");
        guards.get(1).failed("198.51.100.77", "alice", "example.com");
        assertTrue(guards.get(2).sourceBan("198.51.100.77").isEmpty());
        guards.get(2).failed("198.51.100.77", "alice", "example.com");
        for (BruteForceGuard guard : guards) {
            assertEquals(Optional.of(Rejection.SOURCE_BANNED), guard.sourceBan("198.51.100.77"));
        }
    }

    @Test
    @Order(5)
    void bindingsSurviveANodeLeavingAndTheListingStillSeesThemAll() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            assertEquals(200, registrars.get(i % 3).register(Requests.register().aor(aor(i).uri())
                    .contact("sip:u" + i + "@192.0.2.1").build()).code());
        }
        List<LocationNodeProcess.Changes> views = new ArrayList<>();
        for (LocationCacheNode node : List.of(nodes.get(0), nodes.get(2))) {
            LocationNodeProcess.Changes changes = new LocationNodeProcess.Changes();
            node.locations().getCacheManager().addListener(changes);
            views.add(changes);
        }
        nodes.remove(1).close();
        registrars.remove(1);
        for (int i = 0; i < nodes.size(); i++) {
            LocationCacheNode node = nodes.get(i);
            // The leaver's view change reaches the others asynchronously.
            assertTrue(views.get(i).await(() -> node.members() == 2, 10_000), "view of " + node.nodeName());
        }
        for (int i = 0; i < 300; i++) {
            assertEquals(1, registrars.get(i % 2).lookup(aor(i)).size(), "lost " + aor(i));
        }
        assertEquals(302, registrars.get(0).counts().aors());
    }
}
