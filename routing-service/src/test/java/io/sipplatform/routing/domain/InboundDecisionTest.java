package io.sipplatform.routing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InboundDecisionTest {
    private final World world = new World();

    private static CallIntent fromCarrier(String called) {
        return World.invite(World.CARRIER_IP, Transport.UDP, "sip:" + called + "@192.0.2.1", "+4989111222",
                List.of());
    }

    private static final RegisteredContact DESK = new RegisteredContact("sip:desk@10.0.0.5:5060",
            List.of("<sip:edge-1.example;lr>"), new FlowRef("edge-1", "f1"), 1000);
    private static final RegisteredContact MOBILE = new RegisteredContact("sip:mobile@10.0.0.6:5060", List.of(),
            null, 500);

    @Test
    void didOnStaticTrunkGoesToItsAddressesInOrderInNationalFormat() {
        Decision.Proxy proxy = assertInstanceOf(Decision.Proxy.class, world.engine().decide(
                fromCarrier("4930123456")));
        assertEquals(List.of("sip:030123456@pbx.acme.example:5060;transport=tcp", "sip:030123456@198.51.100.7"),
                proxy.groups().stream().map(g -> g.targets().get(0).requestUri()).toList());
        assertEquals(Transport.TCP, proxy.groups().get(0).targets().get(0).transport());
        assertEquals(List.of(408, 480, 500, 503), proxy.groups().get(0).failover().codes());
        CallContext context = proxy.context();
        assertEquals(Direction.INBOUND, context.direction());
        assertEquals("acme", context.customerId());
        assertEquals("acme-ip", context.trunkId());
        assertEquals("+4930123456", context.calleeE164());
        assertEquals("+4989111222", context.callerE164());
        assertNotNull(proxy.lease(), "inbound calls count against the trunk's concurrency");
    }

    static Stream<Arguments> carrierNumberFormats() {
        return Stream.of(Arguments.of("+4930123456"), Arguments.of("4930123456"), Arguments.of("+49-30-123456"));
    }

    @ParameterizedTest(name = "carrier sends {0}")
    @MethodSource
    void carrierNumberFormats(String called) {
        assertInstanceOf(Decision.Proxy.class, world.engine().decide(fromCarrier(called)));
    }

    @Test
    void unknownDidIs404() {
        Decision.Reject reject = assertInstanceOf(Decision.Reject.class,
                world.engine().decide(fromCarrier("4930999999")));
        assertEquals(RejectCause.UNKNOWN_DID, reject.cause());
        assertEquals(404, reject.cause().code());
    }

    @Test
    void sequentialForkingTriesContactsOneGroupEachInRegistrarOrder() {
        world.registrar.bindings.put("sip:office@acme.example", List.of(DESK, MOBILE));
        Decision.Proxy proxy = assertInstanceOf(Decision.Proxy.class,
                world.engine().decide(fromCarrier("4930123457")));
        assertEquals(2, proxy.groups().size());
        Target desk = proxy.groups().get(0).targets().get(0);
        assertEquals("sip:desk@10.0.0.5:5060", desk.requestUri());
        assertEquals(List.of("<sip:edge-1.example;lr>"), desk.route());
        assertEquals(new FlowRef("edge-1", "f1"), desk.flow());
        assertEquals("sip:mobile@10.0.0.6:5060", proxy.groups().get(1).targets().get(0).requestUri());
    }

    @Test
    void didToAContactBehindNatKeepsItsUriAndGoesToTheRegistersSource() {
        RegisteredContact natted = new RegisteredContact("sip:phone@192.168.7.20:5060", List.of(), null, null,
                new SourceAddress("203.0.113.50", 61000, Transport.UDP));
        world.registrar.bindings.put("sip:office@acme.example", List.of(natted));
        Decision.Proxy proxy = assertInstanceOf(Decision.Proxy.class,
                world.engine().decide(fromCarrier("4930123457")));
        Target t = proxy.groups().get(0).targets().get(0);
        assertEquals("sip:phone@192.168.7.20:5060", t.requestUri());
        assertEquals("sip:203.0.113.50:61000;transport=udp", t.destinationUri());
    }

    @Test
    void parallelForkingPutsAllContactsInOneGroup() {
        world.registrar.bindings.put("sip:office@acme.example", List.of(DESK, MOBILE));
        Decision.Proxy proxy = assertInstanceOf(Decision.Proxy.class,
                world.engine().decide(fromCarrier("4930123458")));
        assertEquals(1, proxy.groups().size());
        assertEquals(2, proxy.groups().get(0).targets().size());
    }

    @Test
    void didWithoutRegisteredContactIs480() {
        Decision.Reject reject = assertInstanceOf(Decision.Reject.class,
                world.engine().decide(fromCarrier("4930123457")));
        assertEquals(RejectCause.NOT_REGISTERED, reject.cause());
        assertEquals(480, reject.cause().code());
    }

    @Test
    void registrarUnavailableIs503WithRetryAfter() {
        world.registrar.down = true;
        Decision.Reject reject = assertInstanceOf(Decision.Reject.class,
                world.engine().decide(fromCarrier("4930123457")));
        assertEquals(RejectCause.REGISTRAR_UNAVAILABLE, reject.cause());
        assertNotNull(reject.retryAfter());
    }

    @Test
    void redirectDidAnswers302WithTheTrunkAddresses() {
        Decision.Redirect redirect = assertInstanceOf(Decision.Redirect.class,
                world.engine().decide(fromCarrier("4930123459")));
        assertEquals(302, redirect.code());
        assertEquals("sip:030123459@pbx.acme.example:5060;transport=tcp", redirect.contacts().get(0).uri());
        assertNull(redirect.contacts().get(0).qMilli());
    }

    @Test
    void inboundCallsCountAgainstTheReceivingTrunksConcurrency() {
        DecisionEngine engine = world.engine();
        assertInstanceOf(Decision.Proxy.class, engine.decide(fromCarrier("4930123456")));
        assertInstanceOf(Decision.Proxy.class, engine.decide(fromCarrier("4930123456")));
        assertEquals(RejectCause.CONCURRENCY_LIMIT,
                assertInstanceOf(Decision.Reject.class, engine.decide(fromCarrier("4930123456"))).cause());
    }

    @Test
    void gatewayAddressOfACarrierIdentifiesItWithoutSourceNetworks() {
        world.carriers.add(World.carrier("ip-carrier",
                List.of(new Gateway("ipc", "198.51.100.200", 5060, Transport.UDP, 0, 1, true, false)), List.of()));
        world.publish();
        Decision decision = world.engine().decide(World.invite("198.51.100.200", Transport.UDP,
                "sip:+4930123456@192.0.2.1", "+4989111222", List.of()));
        assertEquals(Direction.INBOUND, assertInstanceOf(Decision.Proxy.class, decision).context().direction());
    }
}
