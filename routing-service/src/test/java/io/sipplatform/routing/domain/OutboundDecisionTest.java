package io.sipplatform.routing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OutboundDecisionTest {
    private final World world = new World();

    private static Decision.Proxy proxied(Decision decision) {
        return assertInstanceOf(Decision.Proxy.class, decision, () -> "expected proxy, got " + decision);
    }

    private static List<String> gateways(Decision.Proxy proxy) {
        return proxy.groups().stream().map(g -> g.targets().get(0).gatewayId()).toList();
    }

    static Stream<Arguments> longestPrefixWins() {
        return Stream.of(
                Arguments.of("Berlin number takes the +4930 route", "030 1234567", "+4930", "quality-a"),
                Arguments.of("Munich number falls back to +49", "089 1234567", "+49", "cheap-a"),
                Arguments.of("local number gets the Berlin area code", "7654321", "+4930", "quality-a"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void longestPrefixWins(String name, String dialled, String prefix, String firstGateway) {
        Decision.Proxy proxy = proxied(world.engine().decide(World.fromPbx(dialled.replace(" ", ""), "+4930555001")));
        assertEquals(prefix, proxy.context().routePrefix());
        assertEquals(firstGateway, gateways(proxy).get(0));
    }

    @Test
    void carriersThenGatewaysInPriorityOrderGiveTheFailoverList() {
        Decision.Proxy proxy = proxied(world.engine().decide(World.fromPbx("0891234567", "+4930555001")));
        assertEquals(List.of("cheap-a", "cheap-b", "quality-a"), gateways(proxy));
        TargetGroup first = proxy.groups().get(0);
        assertEquals(List.of(408, 500, 502, 503, 504), first.failover().codes());
        assertTrue(first.failover().onTimeout());
        Target target = first.targets().get(0);
        assertEquals("sip:+49891234567@cheap-a.carrier.example:5060", target.requestUri());
        assertEquals("sip:cheap-a.carrier.example:5060;transport=udp", target.destinationUri());
        assertEquals("cheap", target.carrierId());
    }

    @Test
    void downGatewayIsSkipped() {
        world.gatewayStates.markDown("cheap-a");
        Decision.Proxy proxy = proxied(world.engine().decide(World.fromPbx("0891234567", "+4930555001")));
        assertEquals(List.of("cheap-b", "quality-a"), gateways(proxy));
    }

    @Test
    void allGatewaysDownIs503WithRetryAfter() {
        List.of("cheap-a", "cheap-b", "quality-a").forEach(world.gatewayStates::markDown);
        Decision.Reject reject = assertInstanceOf(Decision.Reject.class,
                world.engine().decide(World.fromPbx("0891234567", "+4930555001")));
        assertEquals(503, reject.cause().code());
        assertEquals(RejectCause.ALL_GATEWAYS_DOWN, reject.cause());
        assertNotNull(reject.retryAfter());
    }

    @Test
    void carrierRewriteWritesTheRequestUriUser() {
        world.carriers.replaceAll(c -> !c.id().equals("cheap") ? c
                : new Carrier("cheap", "cheap", true, c.gateways(), new NumberRewrite(NumberFormat.DIGITS, 2, "0",
                        "777#"), World.GERMANY, c.sources(), null));
        world.publish();
        Decision.Proxy proxy = proxied(world.engine().decide(World.fromPbx("0891234567", "+4930555001")));
        assertEquals("sip:777%230891234567@cheap-a.carrier.example:5060",
                proxy.groups().get(0).targets().get(0).requestUri());
    }

    static Stream<Arguments> destinationRules() {
        return Stream.of(
                Arguments.of("international call on a domestic trunk is 403", "0012125550100",
                        DestinationPolicy.DOMESTIC, RejectCause.INTERNATIONAL_BLOCKED),
                Arguments.of("international call allowed when enabled", "0012125550100",
                        new DestinationPolicy(List.of(), true, false), null),
                Arguments.of("premium range is 403 unless enabled", "0900123456", DestinationPolicy.DOMESTIC,
                        RejectCause.PREMIUM_BLOCKED),
                Arguments.of("premium range allowed when enabled", "0900123456",
                        new DestinationPolicy(List.of(), false, true), null),
                Arguments.of("blocked prefix is 403", "0891234567",
                        new DestinationPolicy(List.of(new PrefixRule("+4989", RuleAction.BLOCK)), false, false),
                        RejectCause.DESTINATION_BLOCKED),
                Arguments.of("longer allow beats shorter block", "0891234567",
                        new DestinationPolicy(List.of(new PrefixRule("+49", RuleAction.BLOCK),
                                new PrefixRule("+4989", RuleAction.ALLOW)), false, false), null),
                Arguments.of("allow list blocks what it does not name", "0891234567",
                        new DestinationPolicy(List.of(new PrefixRule("+4930", RuleAction.ALLOW)), false, false),
                        RejectCause.DESTINATION_BLOCKED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void destinationRules(String name, String dialled, DestinationPolicy policy, RejectCause expected) {
        world.replaceTrunk(World.ipTrunk("acme-ip", new TrunkLimits(2, 0), policy,
                new CallerIdPolicy(CallerIdMode.REJECT, List.of("+4930555"), null, false, true)));
        Decision decision = world.engine().decide(World.fromPbx(dialled, "+4930555001"));
        if (expected == null) {
            proxied(decision);
        } else {
            assertEquals(expected, assertInstanceOf(Decision.Reject.class, decision).cause());
            assertEquals(403, expected.code());
        }
    }

    @Test
    void numberThatCannotBeNormalisedIs484() {
        Decision.Reject reject = assertInstanceOf(Decision.Reject.class,
                world.engine().decide(World.fromPbx("*21%23", "+4930555001")));
        assertEquals(RejectCause.ADDRESS_INCOMPLETE, reject.cause());
        assertEquals(484, reject.cause().code());
    }

    @Test
    void unroutedDestinationIs404NoRoute() {
        Decision.Reject reject = assertInstanceOf(Decision.Reject.class,
                world.engine().decide(World.fromPbx("0012125550100", "+4930555001")));
        // +1 is routed but international; with international enabled, +44 has no route at all.
        assertEquals(RejectCause.INTERNATIONAL_BLOCKED, reject.cause());
        world.replaceTrunk(World.ipTrunk("acme-ip", new TrunkLimits(2, 0), new DestinationPolicy(List.of(), true,
                false), CallerIdPolicy.PASS));
        reject = assertInstanceOf(Decision.Reject.class,
                world.engine().decide(World.fromPbx("00442071234567", "+4930555001")));
        assertEquals(RejectCause.NO_ROUTE, reject.cause());
        assertEquals(404, reject.cause().code());
    }

    static Stream<Arguments> callerIdPolicy() {
        return Stream.of(
                Arguments.of("allowed range is asserted", CallerIdMode.REJECT, "+4930555001", "+4930555001"),
                Arguments.of("national form is normalised first", CallerIdMode.REJECT, "030555001", "+4930555001"),
                Arguments.of("own DID may be presented", CallerIdMode.REJECT, "+4930123456", "+4930123456"),
                Arguments.of("foreign number is 403 in REJECT mode", CallerIdMode.REJECT, "+4940111", null),
                Arguments.of("foreign number is replaced in REPLACE mode", CallerIdMode.REPLACE, "+4940111",
                        "+4930555000"),
                Arguments.of("anything goes in PASS mode", CallerIdMode.PASS, "+4940111", "+4940111"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void callerIdPolicy(String name, CallerIdMode mode, String presented, String asserted) {
        world.replaceTrunk(World.ipTrunk("acme-ip", new TrunkLimits(2, 0), DestinationPolicy.DOMESTIC,
                new CallerIdPolicy(mode, List.of("+4930555"), "+4930555000", false, true)));
        Decision decision = world.engine().decide(World.fromPbx("0891234567", presented));
        if (asserted == null) {
            Decision.Reject reject = assertInstanceOf(Decision.Reject.class, decision);
            assertEquals(RejectCause.CALLER_ID_NOT_ALLOWED, reject.cause());
            return;
        }
        Decision.Proxy proxy = proxied(decision);
        assertEquals(asserted, proxy.context().callerE164());
        assertEquals(List.of(new HeaderEdits.Field("P-Asserted-Identity",
                "<sip:" + asserted + "@sip.example;user=phone>")), proxy.headers().add());
        assertTrue(proxy.headers().remove().contains("P-Preferred-Identity"));
    }

    @Test
    void trustedPaiNamesTheCallerInsteadOfFrom() {
        world.replaceTrunk(World.ipTrunk("acme-ip", new TrunkLimits(2, 0), DestinationPolicy.DOMESTIC,
                new CallerIdPolicy(CallerIdMode.REJECT, List.of("+4930555"), null, true, false)));
        CallIntent base = World.fromPbx("0891234567", "+4940111");
        CallIntent withPai = new CallIntent(base.method(), base.callId(), base.source(), base.requestUri(),
                base.from(), base.to(), List.of(new Party("", "tel:+4930555009")), List.of(), List.of(), List.of(),
                false);
        assertEquals("+4930555009", proxied(world.engine().decide(withPai)).context().callerE164());
    }

    @Test
    void emergencyNumberBypassesLimitsBlocksAndCallerIdAndGoesToItsCarrier() {
        world.replaceTrunk(World.ipTrunk("acme-ip", new TrunkLimits(1, 1),
                new DestinationPolicy(List.of(new PrefixRule("+", RuleAction.BLOCK)), false, false),
                new CallerIdPolicy(CallerIdMode.REJECT, List.of("+4930555"), null, false, false)));
        DecisionEngine engine = world.engine();
        for (int call = 0; call < 3; call++) { // over both limits of 1
            Decision.Proxy proxy = proxied(engine.decide(World.fromPbx("112", "+4940111")));
            assertTrue(proxy.context().emergency());
            assertEquals("112", proxy.context().routePrefix());
            assertEquals(List.of("rescue-a"), gateways(proxy));
            assertEquals("sip:112@rescue-a.carrier.example:5060", proxy.groups().get(0).targets().get(0).requestUri());
            assertNull(proxy.lease());
        }
    }

    @Test
    void emergencyTriesDownGatewaysAsLastResort() {
        world.gatewayStates.markDown("rescue-a");
        assertEquals(List.of("rescue-a"), gateways(proxied(world.engine().decide(World.fromPbx("112", "x")))));
    }

    @Test
    void concurrencyLimitRefusesTheCallAfterNAndFreesOnRelease() {
        DecisionEngine engine = world.engine();
        Decision.Proxy first = proxied(engine.decide(World.fromPbx("0891234567", "+4930555001")));
        proxied(engine.decide(World.fromPbx("0891234567", "+4930555001")));
        Decision.Reject third = assertInstanceOf(Decision.Reject.class,
                engine.decide(World.fromPbx("0891234567", "+4930555001")));
        assertEquals(RejectCause.CONCURRENCY_LIMIT, third.cause());
        assertEquals(503, third.cause().code());
        assertNotNull(first.lease());
        assertTrue(new SlotLimits(world.slots, java.time.Duration.ofHours(4), new java.util.SplittableRandom(1))
                .release(first.lease().id(), World.NOW));
        proxied(engine.decide(World.fromPbx("0891234567", "+4930555001")));
    }

    @Test
    void cpsLimitRefusesTheSecondCallInTheSameSecondWithRetryAfter() {
        world.replaceTrunk(World.ipTrunk("acme-ip", new TrunkLimits(0, 1), DestinationPolicy.DOMESTIC,
                CallerIdPolicy.PASS));
        DecisionEngine engine = world.engine();
        Decision.Proxy first = proxied(engine.decide(World.fromPbx("0891234567", "+4930555001")));
        assertNull(first.lease(), "no concurrency limit, no lease");
        Decision.Reject second = assertInstanceOf(Decision.Reject.class,
                engine.decide(World.fromPbx("0891234567", "+4930555001")));
        assertEquals(RejectCause.CPS_LIMIT, second.cause());
        assertEquals(java.time.Duration.ofSeconds(1), second.retryAfter());
    }

    @Test
    void nonInviteRequestsTakeNoLimitSlot() {
        world.replaceTrunk(World.ipTrunk("acme-ip", new TrunkLimits(1, 1), DestinationPolicy.DOMESTIC,
                CallerIdPolicy.PASS));
        DecisionEngine engine = world.engine();
        CallIntent invite = World.fromPbx("0891234567", "+4930555001");
        CallIntent message = new CallIntent("MESSAGE", "m", invite.source(), invite.requestUri(), invite.from(),
                invite.to(), List.of(), List.of(), List.of(), List.of(), false);
        for (int i = 0; i < 3; i++) {
            assertNull(proxied(engine.decide(message)).lease());
        }
        assertNotNull(proxied(engine.decide(invite)).lease());
    }

    @Test
    void transportTheTrunkIsNotProvisionedForIs403() {
        Decision.Reject reject = assertInstanceOf(Decision.Reject.class, world.engine().decide(
                World.invite(World.PBX_IP, Transport.TLS, "sip:0891234567@sip.example", "+4930555001", List.of())));
        assertEquals(RejectCause.TRANSPORT_NOT_ALLOWED, reject.cause());
    }

    @Test
    void disabledTrunkAndCustomerAre403() {
        Trunk trunk = world.trunks.get(0);
        world.replaceTrunk(new Trunk(trunk.id(), trunk.customerId(), trunk.name(), false, trunk.auth(),
                trunk.limits(), trunk.destinations(), trunk.callerId(), trunk.numberPlan(), trunk.media(),
                trunk.addresses(), trunk.deliveryFormat()));
        assertEquals(RejectCause.TRUNK_DISABLED, assertInstanceOf(Decision.Reject.class,
                world.engine().decide(World.fromPbx("0891234567", "+4930555001"))).cause());
        world.customers.set(0, new Customer("acme", "Acme GmbH", false, null));
        world.publish();
        assertEquals(RejectCause.CUSTOMER_DISABLED, assertInstanceOf(Decision.Reject.class,
                world.engine().decide(World.fromPbx("0891234567", "+4930555001"))).cause());
    }

    @Test
    void customerRouteTableWinsAndFallsBackToDefault() {
        world.tables.add(new RouteTable("acme-lcr", "Acme LCR"));
        world.routes.add(new Route("acme-de", "acme-lcr", "+4989", List.of(new RouteCarrier("quality", 0, 1))));
        world.customers.set(0, new Customer("acme", "Acme GmbH", true, "acme-lcr"));
        world.publish();
        assertEquals(List.of("quality-a"),
                gateways(proxied(world.engine().decide(World.fromPbx("0891234567", "+4930555001")))));
        assertEquals("+4930",
                proxied(world.engine().decide(World.fromPbx("0301234567", "+4930555001"))).context().routePrefix());
    }

    @Test
    void mediaPolicyOfTheTrunkTravelsWithTheDecision() {
        Decision.Proxy proxy = proxied(world.engine().decide(World.fromPbx("0891234567", "+4930555001")));
        assertEquals(MediaPolicy.RELAY, proxy.media());
        assertEquals(32, proxy.decisionId().length());
    }
}
