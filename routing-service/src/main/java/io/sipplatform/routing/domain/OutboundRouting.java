package io.sipplatform.routing.domain;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * A call from an identified customer trunk: emergency numbers first, then normalisation to E.164, caller-ID policy,
 * destination rules, least-cost routing and finally the trunk's limits (taken last so a call refused for any other
 * reason holds no slot).
 *
 * <p>Calls that stay on the platform never reach a carrier: a Request-URI naming an AOR of one of the caller's own
 * registration trunks ({@code sip:bob@sip.local}) rings that AOR's registered contacts in parallel, and a dialled
 * number that is one of the platform's DIDs is delivered as that DID says (on-net, no carrier cost). Both count
 * against the calling trunk's limits and are recorded as outbound calls without a carrier.
 */
final class OutboundRouting {
    private final RoutingPolicy policy;
    private final CallerIdCheck callerIds;
    private final CarrierTargets carrierTargets;
    private final DidDelivery delivery;
    private final CallLimits limits;
    private final InstantSource clock;

    OutboundRouting(RoutingPolicy policy, CarrierTargets carrierTargets, DidDelivery delivery, CallLimits limits,
            InstantSource clock) {
        this.policy = policy;
        this.callerIds = new CallerIdCheck(policy);
        this.carrierTargets = carrierTargets;
        this.delivery = delivery;
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
        Trunk named = onNetTrunk(UriText.aor(intent.requestUri()), trunk, snapshot);
        if (named != null) {
            CallerIdCheck.Verdict caller = callerIds.check(intent, trunk, snapshot, false);
            CallContext onNet = context.withCaller(caller.e164());
            if (!caller.allowed()) {
                return reject(decisionId, onNet, RejectCause.CALLER_ID_NOT_ALLOWED);
            }
            return onNet(decisionId, intent, trunk, onNet, caller,
                    delivery.registered(UriText.aor(intent.requestUri()), Forking.PARALLEL));
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
        Did onNetDid = snapshot.did(callee).orElse(null);
        Trunk didTrunk = onNetDid == null || !onNetDid.enabled() ? null
                : snapshot.trunk(onNetDid.trunkId()).orElse(null);
        Customer didCustomer = onNetDid == null ? null : snapshot.customer(onNetDid.customerId()).orElse(null);
        if (didTrunk != null && didTrunk.enabled() && didCustomer != null && didCustomer.enabled()) {
            DidDelivery.Plan planned = delivery.plan(onNetDid, didTrunk);
            if (planned instanceof DidDelivery.RedirectTo) {
                return new Decision.Redirect(decisionId, context, 302,
                        ((DidDelivery.RedirectTo) planned).contacts());
            }
            return onNet(decisionId, intent, trunk, context, caller, planned);
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
        return proxy(decisionId, intent, trunk, context, groups, caller);
    }

    // The trunk's limits are taken last, so a call refused for any other reason holds no slot.
    private Decision proxy(String decisionId, CallIntent intent, Trunk trunk, CallContext context,
            List<TargetGroup> groups, CallerIdCheck.Verdict caller) {
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

    // The AOR is one of the caller's own customer's registration trunks: a call between its softphones.
    private static Trunk onNetTrunk(String aor, Trunk caller, RoutingSnapshot snapshot) {
        if (aor == null) {
            return null;
        }
        Trunk named = snapshot.trunkByAor(aor).orElse(null);
        return named != null && named.enabled() && named.customerId().equals(caller.customerId()) ? named : null;
    }

    private Decision onNet(String decisionId, CallIntent intent, Trunk trunk, CallContext context,
            CallerIdCheck.Verdict caller, DidDelivery.Plan planned) {
        if (planned instanceof DidDelivery.Unreachable) {
            return reject(decisionId, context, ((DidDelivery.Unreachable) planned).cause());
        }
        return proxy(decisionId, intent, trunk, context, ((DidDelivery.Targets) planned).groups(), caller);
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
