package io.sipplatform.registrar.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipplatform.registrar.domain.Aor;
import io.sipplatform.registrar.domain.Binding;
import io.sipplatform.registrar.domain.Registrar;
import io.sipplatform.registrar.domain.Requests;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.infinispan.factories.ComponentRegistry;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryModified;
import org.infinispan.notifications.cachelistener.event.Event;
import org.infinispan.xsite.XSiteAdminOperations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two sites over loopback, one node each, joined by a JGroups RELAY2 bridge: the location cache backs up
 * asynchronously, and concurrent registrations for one AOR at both sites merge per contact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossSiteTest {
    LocationCacheNode siteA;
    LocationCacheNode siteB;
    Registrar registrarA;
    Registrar registrarB;
    final Changes changesA = new Changes();
    final Changes changesB = new Changes();

    /** Wakes waiters on every entry change, so waiting for replication needs no sleeps. */
    @Listener(sync = false)
    public static final class Changes {
        private final Object monitor = new Object();

        @CacheEntryCreated
        @CacheEntryModified
        public void changed(Event<?, ?> event) {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }

        boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (monitor) {
                while (!condition.getAsBoolean()) {
                    long left = (deadline - System.nanoTime()) / 1_000_000L;
                    if (left <= 0) {
                        return false;
                    }
                    monitor.wait(Math.min(left, 100)); // an event may land between check and wait
                }
                return true;
            }
        }
    }

    static ClusterSettings site(String name, int port, int bridgePort, List<Integer> bridges) {
        String suffix = "-" + ProcessHandle.current().pid();
        return new ClusterSettings(ClusterSettings.Discovery.STATIC, "registrar-" + name + suffix, name + "-0",
                "127.0.0.1", port, LoopbackPorts.FD_OFFSET, List.of("127.0.0.1[" + port + "]"), "", 2,
                Duration.ofSeconds(2), Optional.of(new CrossSite(name, List.of("A", "B"), "127.0.0.1", bridgePort,
                        bridges.stream().map(p -> "127.0.0.1[" + p + "]").collect(Collectors.toList()))));
    }

    @BeforeAll
    void startTwoSites() throws Exception {
        List<Integer> ports = LoopbackPorts.free(4);
        List<Integer> bridges = List.of(ports.get(2), ports.get(3));
        CompletableFuture<LocationCacheNode> a = CompletableFuture.supplyAsync(
                () -> LocationCacheNode.start(site("A", ports.get(0), ports.get(2), bridges)));
        CompletableFuture<LocationCacheNode> b = CompletableFuture.supplyAsync(
                () -> LocationCacheNode.start(site("B", ports.get(1), ports.get(3), bridges)));
        siteA = a.get();
        siteB = b.get();
        siteA.locations().addListener(changesA);
        siteB.locations().addListener(changesB);
        registrarA = new Registrar(new InfinispanLocationStore(siteA::locations, InstantSource.system()),
                policy("A"), Optional.empty(), InstantSource.system());
        registrarB = new Registrar(new InfinispanLocationStore(siteB::locations, InstantSource.system()),
                policy("B"), Optional.empty(), InstantSource.system());
    }

    static io.sipplatform.registrar.domain.RegistrarPolicy policy(String site) {
        return new io.sipplatform.registrar.domain.RegistrarPolicy(Duration.ofSeconds(60), Duration.ofSeconds(3600),
                Duration.ofSeconds(7200), 10, Set.of(), Optional.empty(), site);
    }

    @AfterAll
    void stopSites() {
        if (siteA != null) {
            siteA.close();
        }
        if (siteB != null) {
            siteB.close();
        }
    }

    static Set<String> contacts(Registrar registrar, String aor) {
        return registrar.lookup(new Aor(aor)).stream().map(Binding::contactUri).collect(Collectors.toSet());
    }

    @Test
    void aBindingRegisteredAtSiteAIsFoundAtSiteB() throws Exception {
        assertEquals(200, registrarA.register(Requests.register().aor("sip:alice@example.com")
                .contact("sip:alice@192.0.2.1").build()).code());
        assertTrue(changesB.await(() -> contacts(registrarB, "sip:alice@example.com").size() == 1,
                Duration.ofSeconds(20)), "replicated to B");
        Binding atB = registrarB.lookup(new Aor("sip:alice@example.com")).get(0);
        assertEquals("A", atB.site());
    }

    @Test
    void concurrentRegistrationsForOneAorAtBothSitesMergePerContact() throws Exception {
        for (int round = 0; round < 5; round++) {
            String aor = "sip:bob" + round + "@example.com";
            CompletableFuture<Integer> atA = CompletableFuture.supplyAsync(() -> registrarA.register(Requests
                    .register().aor(aor).callId("desk").contact("sip:bob@192.0.2.10").build()).code());
            CompletableFuture<Integer> atB = CompletableFuture.supplyAsync(() -> registrarB.register(Requests
                    .register().aor(aor).callId("mobile").contact("sip:bob@198.51.100.20").build()).code());
            assertEquals(200, atA.get());
            assertEquals(200, atB.get());
            Set<String> both = Set.of("sip:bob@192.0.2.10", "sip:bob@198.51.100.20");
            assertTrue(changesA.await(() -> contacts(registrarA, aor).equals(both), Duration.ofSeconds(20)),
                    "site A has both contacts of " + aor + ": " + contacts(registrarA, aor));
            assertTrue(changesB.await(() -> contacts(registrarB, aor).equals(both), Duration.ofSeconds(20)),
                    "site B has both contacts of " + aor + ": " + contacts(registrarB, aor));
        }
    }

    @Test
    void registrationsMadeAtBothSitesWhileCutOffMergePerContactNewestFirst() throws Exception {
        XSiteAdminOperations adminA = ComponentRegistry.of(siteA.locations()).getComponent(XSiteAdminOperations.class);
        XSiteAdminOperations adminB = ComponentRegistry.of(siteB.locations()).getComponent(XSiteAdminOperations.class);
        assertEquals(XSiteAdminOperations.SUCCESS, adminA.takeSiteOffline("B"));
        assertEquals(XSiteAdminOperations.SUCCESS, adminB.takeSiteOffline("A"));
        String aor = "sip:carol@example.com";
        // The same softphone refreshes at A, then (roaming DNS) at B; each site also gets a phone of its own.
        registrarA.register(Requests.register().aor(aor).callId("desk").contact("sip:carol@192.0.2.30").build());
        registrarA.register(Requests.register().aor(aor).callId("soft").cseq(1).contact("sip:carol@192.0.2.50")
                .build());
        registrarB.register(Requests.register().aor(aor).callId("mobile").contact("sip:carol@198.51.100.40").build());
        registrarB.register(Requests.register().aor(aor).callId("soft").cseq(2).contact("sip:carol@192.0.2.50")
                .build());
        assertEquals(XSiteAdminOperations.SUCCESS, adminA.bringSiteOnline("B"));
        assertEquals(XSiteAdminOperations.SUCCESS, adminB.bringSiteOnline("A"));
        assertEquals(XSiteAdminOperations.SUCCESS, adminA.pushState("B"));
        assertEquals(XSiteAdminOperations.SUCCESS, adminB.pushState("A"));
        Set<String> all = Set.of("sip:carol@192.0.2.30", "sip:carol@192.0.2.50", "sip:carol@198.51.100.40");
        for (Registrar registrar : List.of(registrarA, registrarB)) {
            Changes changes = registrar == registrarA ? changesA : changesB;
            assertTrue(changes.await(() -> contacts(registrar, aor).equals(all), Duration.ofSeconds(20)),
                    "merged at " + (registrar == registrarA ? "A" : "B") + ": " + contacts(registrar, aor));
            Binding soft = registrar.lookup(new Aor(aor)).stream()
                    .filter(b -> b.contactUri().equals("sip:carol@192.0.2.50")).findFirst().orElseThrow();
            assertEquals(2, soft.cseq(), "the newer registration of the shared contact wins");
            assertEquals("B", soft.site());
        }
    }
}
