package io.sipplatform.routing.domain;

import io.sipplatform.sip.digest.DigestAlgorithm;
import io.sipplatform.sip.digest.DigestVerifier;
import io.sipplatform.sip.digest.NonceCodec;
import io.sipplatform.sip.digest.NonceCountTracker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small provisioned platform for decision tests: one German customer with an IP trunk and a registration trunk,
 * DIDs for every delivery kind, three carriers and routes for Germany, Berlin and the US, and 112.
 */
final class World {
    static final String REALM = "sip.example";
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final NumberPlan GERMANY = new NumberPlan("49", "0", "00", "30", false);
    static final String PBX_IP = "192.0.2.10";
    static final String CARRIER_IP = "203.0.113.5";
    static final String PASSWORD = "correct horse";

    final List<Customer> customers = new ArrayList<>();
    final List<Trunk> trunks = new ArrayList<>();
    final List<Did> dids = new ArrayList<>();
    final List<Carrier> carriers = new ArrayList<>();
    final List<Route> routes = new ArrayList<>();
    final List<RouteTable> tables = new ArrayList<>();
    final List<EmergencyRoute> emergency = new ArrayList<>();

    final MapSlotStore slots = new MapSlotStore();
    final MapGatewayStates gatewayStates = new MapGatewayStates();
    final FakeRegistrar registrar = new FakeRegistrar();
    final InstantSource clock = InstantSource.fixed(NOW);
    final NonceCodec nonces = new NonceCodec(List.of("0123456789abcdef0123".getBytes(StandardCharsets.US_ASCII)),
            clock, Duration.ofMinutes(5), new SplittableRandom(7));
    final AtomicReference<RoutingSnapshot> snapshot = new AtomicReference<>();

    World() {
        customers.add(new Customer("acme", "Acme GmbH", true, null));
        trunks.add(ipTrunk("acme-ip", new TrunkLimits(2, 0), DestinationPolicy.DOMESTIC,
                new CallerIdPolicy(CallerIdMode.REJECT, List.of("+4930555"), null, false, true)));
        trunks.add(new Trunk("acme-reg", "acme", "Acme softphones", true,
                new TrunkAuth.ByDigest(List.of(DigestAccount.fromPassword("acme-reg", REALM, PASSWORD)),
                        List.of("sip:office@acme.example")),
                TrunkLimits.NONE, DestinationPolicy.DOMESTIC, CallerIdPolicy.PASS, GERMANY, MediaPolicy.RELAY,
                List.of(), NumberFormat.E164));
        dids.add(new Did("+4930123456", "acme", "acme-ip", Delivery.STATIC, null, null, true));
        dids.add(new Did("+4930123457", "acme", "acme-reg", Delivery.REGISTERED, "sip:office@acme.example",
                Forking.SEQUENTIAL, true));
        dids.add(new Did("+4930123458", "acme", "acme-reg", Delivery.REGISTERED, "sip:office@acme.example",
                Forking.PARALLEL, true));
        dids.add(new Did("+4930123459", "acme", "acme-ip", Delivery.REDIRECT, null, null, true));
        carriers.add(carrier("cheap", List.of(gateway("cheap-a", 0, 1), gateway("cheap-b", 1, 1)), List.of(
                Cidr.parse("sources", "203.0.113.0/24"))));
        carriers.add(carrier("quality", List.of(gateway("quality-a", 0, 1)), List.of()));
        carriers.add(carrier("rescue", List.of(gateway("rescue-a", 0, 1)), List.of()));
        routes.add(new Route("de", null, "+49", List.of(new RouteCarrier("cheap", 0, 1),
                new RouteCarrier("quality", 1, 1))));
        routes.add(new Route("berlin", null, "+4930", List.of(new RouteCarrier("quality", 0, 1),
                new RouteCarrier("cheap", 1, 1))));
        routes.add(new Route("us", null, "+1", List.of(new RouteCarrier("cheap", 0, 1))));
        emergency.add(new EmergencyRoute("112", List.of(new RouteCarrier("rescue", 0, 1))));
        publish();
    }

    static Trunk ipTrunk(String id, TrunkLimits limits, DestinationPolicy destinations, CallerIdPolicy callerId) {
        return new Trunk(id, "acme", "Acme PBX", true,
                new TrunkAuth.ByAddress(List.of(Cidr.parse("networks", "192.0.2.0/24")),
                        List.of(Transport.UDP, Transport.TCP)),
                limits, destinations, callerId, GERMANY, MediaPolicy.RELAY,
                List.of("sip:pbx.acme.example:5060;transport=tcp", "sip:198.51.100.7"), NumberFormat.NATIONAL);
    }

    static Gateway gateway(String id, int priority, int weight) {
        return new Gateway(id, id + ".carrier.example", 5060, Transport.UDP, priority, weight, true, true);
    }

    static Carrier carrier(String id, List<Gateway> gateways, List<Cidr> sources) {
        return new Carrier(id, id, true, gateways, NumberRewrite.NONE, NumberPlan.E164_ONLY, sources, null);
    }

    /** Replaces the trunk with this id. */
    World replaceTrunk(Trunk trunk) {
        trunks.replaceAll(t -> t.id().equals(trunk.id()) ? trunk : t);
        return publish();
    }

    World publish() {
        snapshot.set(RoutingSnapshot.of(new Provisioning(1, tables, customers, trunks, dids, carriers, routes,
                emergency)));
        return this;
    }

    RoutingPolicy policy() {
        FailoverPolicy carrierFailover = new FailoverPolicy(List.of(408, 500, 502, 503, 504), List.of(), true, true);
        FailoverPolicy customerFailover = new FailoverPolicy(List.of(408, 480, 500, 503), List.of(), true, true);
        return new RoutingPolicy(REALM, List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5), REALM,
                List.of("+49900"), carrierFailover, customerFailover, Duration.ofSeconds(4), null, 8,
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    GatewayMonitor monitor() {
        return new GatewayMonitor(gatewayStates, new HealthPolicy(3, 2, Set.of(408, 500, 503)));
    }

    DecisionEngine engine(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new DecisionEngine(snapshot::get, policy(), nonces, new DigestVerifier(nonces, NonceCountTracker.NONE),
                registrar, new SlotLimits(slots, Duration.ofHours(4), new SplittableRandom(seed + 1)), monitor(),
                random, clock);
    }

    DecisionEngine engine() {
        return engine(42);
    }

    /** An INVITE from the Acme PBX to {@code dialled}, From {@code caller}. */
    static CallIntent fromPbx(String dialled, String caller) {
        return invite(PBX_IP, Transport.UDP, "sip:" + dialled + "@sip.example", caller, List.of());
    }

    static CallIntent invite(String ip, Transport transport, String requestUri, String caller,
            List<io.sipplatform.sip.digest.DigestCredentials> credentials) {
        return new CallIntent("INVITE", "call-1", new SourceAddress(ip, 5060, transport), requestUri,
                new Party("", "sip:" + caller + "@pbx.acme.example"), new Party("", requestUri), List.of(), List.of(),
                List.of(), credentials, false);
    }
}
