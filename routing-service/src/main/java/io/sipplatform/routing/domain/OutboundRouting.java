package io.sipplatform.routing.domain;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * A call from an identified customer trunk: emergency numbers first, then normalisation to E.164, caller-ID policy,
 * destination rules, least-cost routing and finally the trunk's limits (taken last so a call refused for any other
 * reason holds no slot).
 */
final class OutboundRouting {
    private final RoutingPolicy policy;
    private final CallerIdCheck callerIds;
    private final CarrierTargets carrierTargets;
    private final CallLimits limits;
    private final InstantSource clock;

    OutboundRouting(RoutingPolicy policy, CarrierTargets carrierTargets, CallLimits limits, InstantSource clock) {
        this.policy = policy;
        this.callerIds = new CallerIdCheck(policy);
        this.carrierTargets = carrierTargets;
        this.limits = limits;
        this.clock = clock;
    }

    Decision decide(String decisionId, CallIntent intent, Trunk trunk, RoutingSnapshot snapshot) {
        Customer customer = snapshot.customer(trunk.customerId()).orElse(null);
        CallContext context = new CallContext(trunk.customerId(), trunk.id(), Direction.OUTBOUND, "", "", "", false);
        if (customer == null || !customer.enabled()) {
            return reject(decisionId, context, RejectCause.CUSTOMER_DISABLED);
        }
        if (!trunk.enabled()) {
            return reject(decisionId, context, RejectCause.TRUNK_DISABLED);
        }
        String dialled = UriText.dialled(intent.requestUri());
        if (dialled == null) {
            return reject(decisionId, context, RejectCause.ADDRESS_INCOMPLETE);
        }
        EmergencyRoute emergency = snapshot.emergency(dialled).orElse(null);
        if (emergency != null) {
            return emergency(decisionId, intent, trunk, snapshot, context, emergency);
        }
        String callee = trunk.numberPlan().toE164(dialled);
        if (callee == null) {
            return reject(decisionId, context, RejectCause.ADDRESS_INCOMPLETE); // RFC 3261 §21.4.22
        }
        context = context.withCallee(callee);
        CallerIdCheck.Verdict caller = callerIds.check(intent, trunk, snapshot, false);
        context = context.withCaller(caller.e164());
        if (!caller.allowed()) {
            return reject(decisionId, context, RejectCause.CALLER_ID_NOT_ALLOWED);
        }
        RejectCause blocked = trunk.destinations().check(callee, trunk.numberPlan(), policy.premiumPrefixes());
        if (blocked != null) {
            return reject(decisionId, context, blocked);
        }
        PrefixTrie.Match<Route> route = snapshot.route(customer.routeTableId(), callee).orElse(null);
        if (route == null) {
            return reject(decisionId, context, RejectCause.NO_ROUTE);
        }
        context = context.withRoute(route.prefix(), false);
        List<TargetGroup> groups = carrierTargets.build(route.value().carriers(),
                carrier -> carrier.rewrite().apply(callee, carrier.numberPlan()), snapshot, false);
        if (groups.isEmpty()) {
            return reject(decisionId, context, RejectCause.ALL_GATEWAYS_DOWN);
        }
        Lease lease = null;
        if (intent.isInvite()) {
            CallLimits.Admission admission = limits.admit(trunk.id(), trunk.limits(), true, clock.instant());
            if (admission instanceof CallLimits.Refused) {
                return reject(decisionId, context, ((CallLimits.Refused) admission).cause());
            }
            lease = ((CallLimits.Admitted) admission).lease();
        }
        return new Decision.Proxy(decisionId, context, groups, caller.headers(), trunk.media(), lease);
    }

    // Emergency: no normalisation, no caller-ID rejection, no destination rules, no limits, down gateways last.
    private Decision emergency(String decisionId, CallIntent intent, Trunk trunk, RoutingSnapshot snapshot,
            CallContext context, EmergencyRoute route) {
        CallerIdCheck.Verdict caller = callerIds.check(intent, trunk, snapshot, true);
        CallContext emergencyContext = context.withCaller(caller.e164()).withRoute(route.number(), true);
        List<TargetGroup> groups = carrierTargets.build(route.carriers(),
                carrier -> carrier.rewrite().techPrefix() + route.number(), snapshot, true);
        if (groups.isEmpty()) {
            return reject(decisionId, emergencyContext, RejectCause.ALL_GATEWAYS_DOWN);
        }
        return new Decision.Proxy(decisionId, emergencyContext, groups, caller.headers(), trunk.media(), null);
    }

    private Decision reject(String decisionId, CallContext context, RejectCause cause) {
        return new Decision.Reject(decisionId, context, cause, retryAfter(policy, cause));
    }

    static Duration retryAfter(RoutingPolicy policy, RejectCause cause) {
        switch (cause) {
            case CONCURRENCY_LIMIT:
                return policy.limitRetryAfter();
            case CPS_LIMIT:
                return policy.rateRetryAfter();
            case ALL_GATEWAYS_DOWN:
            case REGISTRAR_UNAVAILABLE:
                return policy.unavailableRetryAfter();
            default:
                return null;
        }
    }
}
