package io.sipplatform.routing.domain;

import java.time.InstantSource;

/**
 * A call from a carrier: the called number normalised with the carrier's plan, the DID found, its customer and
 * trunk checked, delivered per the DID, and a concurrency slot of the receiving trunk taken.
 */
final class InboundRouting {
    private final RoutingPolicy policy;
    private final DidDelivery delivery;
    private final CallLimits limits;
    private final InstantSource clock;

    InboundRouting(RoutingPolicy policy, DidDelivery delivery, CallLimits limits, InstantSource clock) {
        this.policy = policy;
        this.delivery = delivery;
        this.limits = limits;
        this.clock = clock;
    }

    Decision decide(String decisionId, CallIntent intent, Carrier carrier, RoutingSnapshot snapshot) {
        NumberPlan plan = carrier.numberPlan();
        String callee = plan.toE164(UriText.dialled(intent.requestUri()));
        String caller = plan.toE164(UriText.dialled(intent.from().uri()));
        CallContext context = new CallContext("", "", Direction.INBOUND, caller, callee, "", false);
        Did did = callee == null ? null : snapshot.did(callee).orElse(null);
        if (did == null || !did.enabled()) {
            return reject(decisionId, context, RejectCause.UNKNOWN_DID);
        }
        context = new CallContext(did.customerId(), did.trunkId(), Direction.INBOUND, caller, callee, "", false);
        Customer customer = snapshot.customer(did.customerId()).orElse(null);
        Trunk trunk = snapshot.trunk(did.trunkId()).orElse(null);
        // A disabled customer's or trunk's numbers answer like unknown ones: nothing to learn for the caller.
        if (customer == null || !customer.enabled() || trunk == null || !trunk.enabled()) {
            return reject(decisionId, context, RejectCause.UNKNOWN_DID);
        }
        DidDelivery.Plan planned = delivery.plan(did, trunk);
        if (planned instanceof DidDelivery.Unreachable) {
            return reject(decisionId, context, ((DidDelivery.Unreachable) planned).cause());
        }
        if (planned instanceof DidDelivery.RedirectTo) {
            return new Decision.Redirect(decisionId, context, 302, ((DidDelivery.RedirectTo) planned).contacts());
        }
        Lease lease = null;
        if (intent.isInvite()) {
            CallLimits.Admission admission = limits.admit(trunk.id(), trunk.limits(), false, clock.instant());
            if (admission instanceof CallLimits.Refused) {
                return reject(decisionId, context, ((CallLimits.Refused) admission).cause());
            }
            lease = ((CallLimits.Admitted) admission).lease();
        }
        return new Decision.Proxy(decisionId, context, ((DidDelivery.Targets) planned).groups(), HeaderEdits.NONE,
                trunk.media(), lease);
    }

    private Decision reject(String decisionId, CallContext context, RejectCause cause) {
        return new Decision.Reject(decisionId, context, cause, OutboundRouting.retryAfter(policy, cause));
    }
}
