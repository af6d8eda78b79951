package io.sipplatform.routing.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipplatform.routing.domain.CallerIdMode;
import io.sipplatform.routing.domain.CallerIdPolicy;
import io.sipplatform.routing.domain.Carrier;
import io.sipplatform.routing.domain.Cidr;
import io.sipplatform.routing.domain.Customer;
import io.sipplatform.routing.domain.Delivery;
import io.sipplatform.routing.domain.DestinationPolicy;
import io.sipplatform.routing.domain.Did;
import io.sipplatform.routing.domain.DigestAccount;
import io.sipplatform.routing.domain.EmergencyRoute;
import io.sipplatform.routing.domain.Forking;
import io.sipplatform.routing.domain.Gateway;
import io.sipplatform.routing.domain.InvalidField;
import io.sipplatform.routing.domain.MediaPolicy;
import io.sipplatform.routing.domain.NumberFormat;
import io.sipplatform.routing.domain.NumberPlan;
import io.sipplatform.routing.domain.NumberRewrite;
import io.sipplatform.routing.domain.PrefixRule;
import io.sipplatform.routing.domain.Provisioning;
import io.sipplatform.routing.domain.Route;
import io.sipplatform.routing.domain.RouteCarrier;
import io.sipplatform.routing.domain.RouteTable;
import io.sipplatform.routing.domain.RoutingSnapshot;
import io.sipplatform.routing.domain.RuleAction;
import io.sipplatform.routing.domain.TlsIdentity;
import io.sipplatform.routing.domain.TlsPeer;
import io.sipplatform.routing.domain.Transport;
import io.sipplatform.routing.domain.Trunk;
import io.sipplatform.routing.domain.TrunkAuth;
import io.sipplatform.routing.domain.TrunkLimits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every test runs against H2 in PostgreSQL mode and against the real PostgreSQL server. */
class ProvisioningStoreTest {
    static final NumberPlan GERMANY = new NumberPlan("49", "0", "00", "30", false);

    static final Customer ACME = new Customer("acme", "Acme GmbH", true, null);
    static final Trunk IP_TRUNK = new Trunk("acme-ip", "acme", "Acme PBX", true,
            new TrunkAuth.ByAddress(List.of(Cidr.parse("n", "192.0.2.0/24"), Cidr.parse("n", "2001:db8::/48")),
                    List.of(Transport.UDP, Transport.TLS)),
            new TrunkLimits(10, 2),
            new DestinationPolicy(List.of(new PrefixRule("+4990", RuleAction.BLOCK),
                    new PrefixRule("+49", RuleAction.ALLOW)), true, false),
            new CallerIdPolicy(CallerIdMode.REPLACE, List.of("+4930555"), "+4930555000", true, false), GERMANY,
            new MediaPolicy(true, List.of("PCMA", "telephone-event"), true),
            List.of("sip:pbx.acme.example:5060;transport=tcp", "sip:198.51.100.7"), NumberFormat.NATIONAL);
    static final Trunk REG_TRUNK = new Trunk("acme-reg", "acme", "Softphones", true,
            new TrunkAuth.ByDigest(List.of(DigestAccount.fromPassword("acme", "sip.example", "pw")),
                    List.of("sip:office@acme.example")),
            TrunkLimits.NONE, DestinationPolicy.DOMESTIC, CallerIdPolicy.PASS, GERMANY, MediaPolicy.RELAY, List.of(),
            NumberFormat.E164);
    static final String PIN = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
    static final Trunk TLS_TRUNK = new Trunk("acme-tls", "acme", "Acme TLS PBX", true,
            new TrunkAuth.ByCertificate(new TlsIdentity(List.of(PIN), List.of("pbx.acme.example", "sip:pbx@acme"),
                    List.of("CN=pbx.acme.example,O=Acme GmbH")), List.of(Cidr.parse("n", "198.51.100.0/24"))),
            TrunkLimits.NONE, DestinationPolicy.DOMESTIC, CallerIdPolicy.PASS, GERMANY, MediaPolicy.RELAY, List.of(),
            NumberFormat.E164);
    static final Carrier CARRIER = new Carrier("cheap", "Cheap Telecom", true,
            List.of(new Gateway("cheap-a", "gw1.cheap.example", 5060, Transport.UDP, 0, 10, true, true),
                    new Gateway("cheap-b", "[2001:db8::5]", 0, Transport.TLS, 1, 0, false, false)),
            new NumberRewrite(NumberFormat.DIGITS, 2, "0", "77#"), NumberPlan.E164_ONLY,
            List.of(Cidr.parse("s", "203.0.113.0/24")), DigestAccount.fromPassword("us", "cheap.example", "x"));

    private TestDatabase db;

    private ProvisioningStore store(TestDatabase.Kind kind) {
        db = TestDatabase.create(kind);
        return new ProvisioningStore(db.dataSource);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    private static void provision(ProvisioningStore store) {
        store.customers().create(ACME);
        store.trunks().create(IP_TRUNK);
        store.trunks().create(REG_TRUNK);
        store.carriers().create(CARRIER);
        store.dids().create(new Did("+4930123456", "acme", "acme-ip", Delivery.STATIC, null, null, true));
        store.dids().create(new Did("+4930123457", "acme", "acme-reg", Delivery.REGISTERED,
                "sip:office@acme.example", Forking.PARALLEL, false));
        store.routes().create(new Route("de", null, "+49", List.of(new RouteCarrier("cheap", 0, 1))));
        store.emergencyRoutes().create(new EmergencyRoute("112", List.of(new RouteCarrier("cheap", 0, 1))));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void everyAggregateReadsBackAsWritten(TestDatabase.Kind kind) {
        ProvisioningStore store = store(kind);
        provision(store);
        assertEquals(IP_TRUNK, store.trunks().find("acme-ip").orElseThrow());
        assertEquals(REG_TRUNK, store.trunks().find("acme-reg").orElseThrow());
        assertEquals(CARRIER, store.carriers().find("cheap").orElseThrow());
        Provisioning all = store.load();
        assertEquals(List.of(ACME), all.customers());
        assertEquals(List.of(IP_TRUNK, REG_TRUNK), all.trunks());
        assertEquals(List.of(CARRIER), all.carriers());
        assertEquals(2, all.dids().size());
        assertEquals(List.of(new RouteTable(RouteTable.DEFAULT, "Default routes")), all.routeTables());
        assertEquals("+49", all.routes().get(0).prefix());
        assertEquals("112", all.emergencyRoutes().get(0).number());
        assertEquals(8, all.version(), "one revision per write");
        RoutingSnapshot snapshot = RoutingSnapshot.of(all);
        assertEquals("acme-ip", snapshot.trunkBySource("192.0.2.9").orElseThrow().id());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void replaceSwapsChildListsAndBumpsTheRevision(TestDatabase.Kind kind) {
        ProvisioningStore store = store(kind);
        provision(store);
        long before = store.revision();
        Carrier oneGateway = new Carrier("cheap", "Cheap", false, List.of(CARRIER.gateways().get(1)),
                NumberRewrite.NONE, GERMANY, List.of(), null);
        assertTrue(store.carriers().replace(oneGateway));
        assertEquals(oneGateway, store.carriers().find("cheap").orElseThrow());
        assertEquals(before + 1, store.revision());
        assertFalse(store.carriers().replace(new Carrier("ghost", "x", true, List.of(), NumberRewrite.NONE, GERMANY,
                List.of(), null)));
        assertEquals(before + 1, store.revision(), "a replace of nothing changes nothing");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void danglingReferencesAreInvalidFieldsNotConstraintErrors(TestDatabase.Kind kind) {
        ProvisioningStore store = store(kind);
        provision(store);
        assertEquals("customerId", assertThrows(InvalidField.class, () -> store.trunks().create(new Trunk("t2",
                "nobody", "x", true, IP_TRUNK.auth(), TrunkLimits.NONE, DestinationPolicy.DOMESTIC,
                CallerIdPolicy.PASS, GERMANY, MediaPolicy.RELAY, List.of(), NumberFormat.E164))).field());
        assertEquals("carriers[1].carrierId", assertThrows(InvalidField.class, () -> store.routes().create(
                new Route("r2", null, "+1", List.of(new RouteCarrier("cheap", 0, 1), new RouteCarrier("gone", 0, 1)))))
                .field());
        assertEquals("prefix", assertThrows(InvalidField.class, () -> store.routes().create(
                new Route("r3", null, "+49", List.of(new RouteCarrier("cheap", 0, 1))))).field());
        assertEquals("trunkId", assertThrows(InvalidField.class, () -> store.dids().create(
                new Did("+4930999", "acme", "other", Delivery.STATIC, null, null, true))).field());
        assertEquals("auth.accounts[0].username", assertThrows(InvalidField.class, () -> store.trunks().create(
                new Trunk("acme-reg2", "acme", "dup", true, REG_TRUNK.auth(), TrunkLimits.NONE,
                        DestinationPolicy.DOMESTIC, CallerIdPolicy.PASS, GERMANY, MediaPolicy.RELAY, List.of(),
                        NumberFormat.E164))).field());
    }

    private static Trunk certificateTrunk(String id, TlsIdentity identity) {
        return new Trunk(id, "acme", "x", true, new TrunkAuth.ByCertificate(identity, List.of()), TrunkLimits.NONE,
                DestinationPolicy.DOMESTIC, CallerIdPolicy.PASS, GERMANY, MediaPolicy.RELAY, List.of(),
                NumberFormat.E164);
    }

    private ProvisioningStore withTlsTrunk(TestDatabase.Kind kind) {
        ProvisioningStore store = store(kind);
        provision(store);
        store.trunks().create(TLS_TRUNK);
        return store;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void certificateTrunkReadsBackAndIsFoundByItsCertificateOnly(TestDatabase.Kind kind) {
        ProvisioningStore store = withTlsTrunk(kind);
        assertEquals(TLS_TRUNK, store.trunks().find("acme-tls").orElseThrow());
        RoutingSnapshot snapshot = RoutingSnapshot.of(store.load());
        assertEquals("acme-tls", snapshot.trunkByCertificate(new TlsPeer("CN=other", List.of(), PIN),
                "198.51.100.7").orElseThrow().id());
        assertTrue(snapshot.trunkBySource("198.51.100.7").isEmpty(), "its networks are no address ACL");
        Trunk anywhere = certificateTrunk("acme-tls", new TlsIdentity(List.of(), List.of(), List.of("CN=pbx")));
        assertTrue(store.trunks().replace(anywhere));
        assertEquals(anywhere, store.trunks().find("acme-tls").orElseThrow());
        assertTrue(store.trunks().delete("acme-tls"));
        assertTrue(store.trunks().find("acme-tls").isEmpty());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void certificateAcceptedByAnotherTrunkIsAnInvalidFieldInAnySpelling(TestDatabase.Kind kind) {
        ProvisioningStore store = withTlsTrunk(kind);
        String colons = PIN.toUpperCase().replaceAll("(..)(?!$)", "$1:");
        assertEquals("auth.fingerprints[0]", assertThrows(InvalidField.class, () -> store.trunks().create(
                certificateTrunk("t2", new TlsIdentity(List.of(colons), List.of(), List.of())))).field());
        assertEquals("auth.subjectAltNames[1]", assertThrows(InvalidField.class, () -> store.trunks().create(
                certificateTrunk("t2", new TlsIdentity(List.of(), List.of("a.example", "PBX.acme.example."),
                        List.of())))).field());
        assertEquals("auth.subjects[0]", assertThrows(InvalidField.class, () -> store.trunks().create(
                certificateTrunk("t2", new TlsIdentity(List.of(), List.of(),
                        List.of("cn=PBX.acme.example, o=acme gmbh"))))).field());
        assertTrue(store.trunks().find("t2").isEmpty(), "nothing of a refused write remains");
        assertTrue(store.trunks().replace(TLS_TRUNK), "a trunk may keep its own certificates");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void duplicateIdsAndReferencedDeletesAreConflicts(TestDatabase.Kind kind) {
        ProvisioningStore store = store(kind);
        provision(store);
        assertThrows(StoreConflict.class, () -> store.customers().create(ACME));
        assertThrows(StoreConflict.class, () -> store.customers().delete("acme"), "trunks still belong to it");
        assertThrows(StoreConflict.class, () -> store.carriers().delete("cheap"), "routes still use it");
        assertTrue(store.dids().delete("+4930123456"));
        assertFalse(store.dids().delete("+4930123456"));
        assertTrue(store.customers().find("acme").isPresent(), "failed delete rolled back");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void pagesWalkAllEntriesInIdOrder(TestDatabase.Kind kind) {
        ProvisioningStore store = store(kind);
        for (int i = 0; i < 25; i++) {
            store.customers().create(new Customer(String.format("c%02d", i), "C" + i, true, null));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Customer> page = store.customers().page(cursor, 10);
            page.items().forEach(c -> seen.add(c.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(25, seen.size());
        assertEquals("c00", seen.get(0));
        assertEquals("c24", seen.get(24));
        Page<Customer> exact = store.customers().page("c14", 10);
        assertEquals(10, exact.items().size());
        assertNull(exact.nextCursor(), "the last full page says it is the last");
    }
}
