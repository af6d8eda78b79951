package io.sipplatform.routing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Calls between the platform's own customers stay on the platform: no carrier, no carrier cost. */
class OnNetDecisionTest {
    private static final String CALLER = "+4930555";
    private static final RegisteredContact DESK = new RegisteredContact("sip:desk@10.0.0.5:5060", List.of(),
            new FlowRef("edge-1", "f1"), 1000);
    private static final RegisteredContact MOBILE = new RegisteredContact("sip:mobile@10.0.0.6:5060", List.of(),
            null, 500);

    private final World world = new World();

    private Decision decide(String requestUri) {
        return world.engine().decide(World.invite(World.PBX_IP, Transport.UDP, requestUri, CALLER, List.of()));
    }

    private static List<String> requestUris(Decision.Proxy proxy) {
        return proxy.groups().stream().flatMap(g -> g.targets().stream()).map(Target::requestUri).toList();
    }

    @Test
    void anAorOfTheCallersOwnCustomerRingsItsRegisteredContactsInParallel() {
        world.registrar.bindings.put("sip:office@acme.example", List.of(DESK, MOBILE));
        Decision.Proxy proxy = assertInstanceOf(Decision.Proxy.class,
                decide("sip:office@ACME.example:5060;transport=udp"));
        assertEquals(1, proxy.groups().size(), "one group: every contact rings at once");
        assertEquals(List.of("sip:desk@10.0.0.5:5060", "sip:mobile@10.0.0.6:5060"), requestUris(proxy));
        assertEquals(new FlowRef("edge-1", "f1"), proxy.groups().get(0).targets().get(0).flow());
        assertEquals("acme-ip", proxy.context().trunkId(), "the calling trunk is charged");
        assertEquals(Direction.OUTBOUND, proxy.context().direction());
        assertEquals("", proxy.context().routePrefix(), "no carrier route");
        assertNotNull(proxy.lease(), "on-net calls count against the calling trunk's concurrency");
    }

    @Test
    void anAorWithoutRegisteredContactsIsRejectedLikeAnUnregisteredDid() {
        Decision.Reject reject = assertInstanceOf(Decision.Reject.class, decide("sip:office@acme.example"));
        assertEquals(RejectCause.NOT_REGISTERED, reject.cause());
    }

    @Test
    void anAorOfAnotherCustomerIsNotReachableByName() {
        world.customers.add(new Customer("other", "Other Ltd", true, null));
        world.trunks.add(new Trunk("other-reg", "other", "Other softphones", true,
                new TrunkAuth.ByDigest(List.of(DigestAccount.fromPassword("other-reg", World.REALM, "pw")),
                        List.of("sip:boss@other.example")),
                TrunkLimits.NONE, DestinationPolicy.DOMESTIC, CallerIdPolicy.PASS, World.GERMANY, MediaPolicy.RELAY,
                List.of(), NumberFormat.E164));
        world.publish();
        world.registrar.bindings.put("sip:boss@other.example", List.of(DESK));
        Decision.Reject reject = assertInstanceOf(Decision.Reject.class, decide("sip:boss@other.example"));
        assertEquals(RejectCause.ADDRESS_INCOMPLETE, reject.cause(), "a name is not a number to route out");
    }

    @Test
    void aDialledNumberThatIsOurDidGoesToItsRegisteredContactsNotToACarrier() {
        world.registrar.bindings.put("sip:office@acme.example", List.of(DESK, MOBILE));
        Decision.Proxy proxy = assertInstanceOf(Decision.Proxy.class, decide("sip:030123457@sip.example"));
        assertEquals(List.of("sip:desk@10.0.0.5:5060", "sip:mobile@10.0.0.6:5060"), requestUris(proxy));
        assertEquals(2, proxy.groups().size(), "the DID's sequential forking is kept");
        assertEquals("+4930123457", proxy.context().calleeE164());
        assertEquals("", proxy.context().routePrefix());
    }

    @Test
    void aDialledNumberThatIsAStaticDidGoesToTheOwningTrunksAddresses() {
        Decision.Proxy proxy = assertInstanceOf(Decision.Proxy.class, decide("sip:+4930123456@sip.example"));
        assertEquals(List.of("sip:030123456@pbx.acme.example:5060;transport=tcp", "sip:030123456@198.51.100.7"),
                requestUris(proxy));
    }

    @Test
    void aNumberThatIsNoDidStillGoesToItsCarrier() {
        Decision.Proxy proxy = assertInstanceOf(Decision.Proxy.class, decide("sip:030999999@sip.example"));
        assertEquals("+4930", proxy.context().routePrefix());
    }
}
