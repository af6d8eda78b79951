package io.sipplatform.registrar.store;

import io.sipplatform.registrar.domain.Aor;
import io.sipplatform.registrar.domain.Binding;
import io.sipplatform.registrar.domain.Registrar;
import io.sipplatform.registrar.domain.RegistrarPolicy;
import io.sipplatform.registrar.domain.Registration;
import io.sipplatform.registrar.domain.RequestedContact;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.TopologyChanged;
import org.infinispan.notifications.cachelistener.event.TopologyChangedEvent;
import org.infinispan.notifications.cachemanagerlistener.annotation.ViewChanged;
import org.infinispan.notifications.cachemanagerlistener.event.ViewChangedEvent;

/**
 * One registrar location node as its own JVM, driven by {@link MultiProcessClusterTest} over stdin/stdout. Protocol
 * lines start with "@@ " (JGroups and Infinispan may print other text). Commands:
 * {@code register FROM TO} registers AORs sip:uN@example.com for N in [FROM, TO) with two contacts each;
 * {@code verify FROM TO} looks every one of them up; {@code await MEMBERS MILLIS} waits until the cluster has that
 * many members and no rebalance runs; {@code exit} leaves gracefully.
 */
public final class LocationNodeProcess {
    static final RegistrarPolicy POLICY = new RegistrarPolicy(Duration.ofSeconds(60), Duration.ofSeconds(3600),
            Duration.ofSeconds(7200), 10, Set.of(), Optional.empty(), "site-a");
    private static final int THREADS = 4;

    private LocationNodeProcess() {
    }

    /** Wakes waiters on every view or topology change, so waiting needs no polling sleeps. */
    @Listener(sync = false)
    public static final class Changes {
        private final Object monitor = new Object();

        @ViewChanged
        public void view(ViewChangedEvent event) {
            signal();
        }

        @TopologyChanged
        public void topology(TopologyChangedEvent<?, ?> event) {
            signal();
        }

        void signal() {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }

        boolean await(java.util.function.BooleanSupplier condition, long millis) throws InterruptedException {
            long deadline = System.nanoTime() + millis * 1_000_000L;
            synchronized (monitor) {
                while (!condition.getAsBoolean()) {
                    long left = (deadline - System.nanoTime()) / 1_000_000L;
                    if (left <= 0) {
                        return false;
                    }
                    // Health status trails the last topology event slightly; re-check at least every 100 ms.
                    monitor.wait(Math.min(left, 100));
                }
                return true;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        String cluster = args[0];
        int index = Integer.parseInt(args[1]);
        List<String> hosts = List.of(args[2].split(","));
        int port = JGroupsStack.parseHost(hosts.get(index)).getPort();
        ClusterSettings settings = new ClusterSettings(ClusterSettings.Discovery.STATIC, cluster, "proc-" + index,
                "127.0.0.1", port, LoopbackPorts.FD_OFFSET, hosts, "", 2, Duration.ofSeconds(2), Optional.empty());
        LocationCacheNode node = LocationCacheNode.start(settings);
        Changes changes = new Changes();
        node.locations().addListener(changes);
        node.locations().getCacheManager().addListener(changes);
        InstantSource clock = InstantSource.system();
        Registrar registrar = new Registrar(new InfinispanLocationStore(node::locations, clock), POLICY,
                Optional.empty(), clock);
        reply("READY " + node.members());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        String line;
        while ((line = in.readLine()) != null) {
            String[] command = line.trim().split(" ");
            switch (command[0]) {
                case "register" -> reply("REGISTERED " + forEach(pool, command, n -> registrar.register(
                        registration(n)).code() == 200, null));
                case "verify" -> {
                    AtomicReference<String> firstBad = new AtomicReference<>("-");
                    reply("VERIFIED " + forEach(pool, command, n -> expected(n).equals(found(registrar, n)),
                            firstBad) + " " + firstBad.get());
                }
                case "await" -> {
                    int members = Integer.parseInt(command[1]);
                    boolean stable = changes.await(() -> node.members() == members && !node.rebalancing(),
                            Long.parseLong(command[2]));
                    reply("STABLE " + stable + " " + node.members());
                }
                case "exit" -> {
                    pool.shutdown();
                    node.close();
                    reply("BYE");
                    System.exit(0);
                }
                default -> reply("UNKNOWN " + line);
            }
        }
    }

    static Registration registration(int n) {
        return new Registration(aor(n), "sip:example.com", List.of(RequestedContact.of("sip:u" + n + "@192.0.2.1"),
                RequestedContact.of("sip:u" + n + "@192.0.2.2;transport=tcp")), false, Optional.empty(),
                "call-" + n, 1, Optional.empty(), List.of(), Optional.empty(), List.of(), Set.of(), Set.of(), "");
    }

    static Aor aor(int n) {
        return new Aor("sip:u" + n + "@example.com");
    }

    static Set<String> expected(int n) {
        return Set.of("sip:u" + n + "@192.0.2.1", "sip:u" + n + "@192.0.2.2;transport=tcp");
    }

    static Set<String> found(Registrar registrar, int n) {
        Set<String> contacts = new HashSet<>();
        for (Binding binding : registrar.lookup(aor(n))) {
            contacts.add(binding.contactUri());
        }
        return contacts;
    }

    /** Runs {@code check} for every N of the command's range; returns "ok failed". */
    private static String forEach(ExecutorService pool, String[] command, java.util.function.IntPredicate check,
            AtomicReference<String> firstBad) throws Exception {
        int from = Integer.parseInt(command[1]);
        int to = Integer.parseInt(command[2]);
        AtomicInteger next = new AtomicInteger(from);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Future<?>[] workers = new Future<?>[THREADS];
        for (int t = 0; t < THREADS; t++) {
            workers[t] = pool.submit(() -> {
                for (int n = next.getAndIncrement(); n < to; n = next.getAndIncrement()) {
                    boolean good;
                    try {
                        good = check.test(n);
                    } catch (RuntimeException e) {
                        good = false;
                    }
                    if (good) {
                        ok.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        if (firstBad != null) {
                            firstBad.compareAndSet("-", "u" + n);
                        }
                    }
                }
            });
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        return ok.get() + " " + failed.get();
    }

    private static void reply(String text) {
        System.out.println("@@ " + text);
        System.out.flush();
    }
}
