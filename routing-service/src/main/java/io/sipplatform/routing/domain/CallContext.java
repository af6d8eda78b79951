package io.sipplatform.routing.domain;

/**
 * Who calls whom as routing understood it; copied by the edge into CDRs.
 *
 * @param customerId  customer, empty when unknown
 * @param trunkId     the customer's trunk the call came from (outbound) or goes to (inbound)
 * @param direction   inbound or outbound
 * @param callerE164  calling number in E.164, empty when not normalisable
 * @param calleeE164  called number in E.164, empty when not normalisable (emergency short numbers)
 * @param routePrefix prefix of the matching route (or the emergency number), empty for inbound calls
 * @param emergency   true for emergency calls
 */
public record CallContext(String customerId, String trunkId, Direction direction, String callerE164,
        String calleeE164, String routePrefix, boolean emergency) {

    public CallContext {
        customerId = customerId == null ? "" : customerId;
        trunkId = trunkId == null ? "" : trunkId;
        callerE164 = callerE164 == null ? "" : callerE164;
        calleeE164 = calleeE164 == null ? "" : calleeE164;
        routePrefix = routePrefix == null ? "" : routePrefix;
    }

    CallContext withCaller(String e164) {
        return new CallContext(customerId, trunkId, direction, e164, calleeE164, routePrefix, emergency);
    }

    CallContext withCallee(String e164) {
        return new CallContext(customerId, trunkId, direction, callerE164, e164, routePrefix, emergency);
    }

    CallContext withRoute(String prefix, boolean isEmergency) {
        return new CallContext(customerId, trunkId, direction, callerE164, calleeE164, prefix, isEmergency);
    }
}
