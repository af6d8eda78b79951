package io.sipplatform.routing.domain;

/**
 * One carrier of a route.
 *
 * @param carrierId the carrier
 * @param priority  0..1000, lower is tried first (least cost first)
 * @param weight    0..1000, share of first attempts among carriers of equal priority; 0 only after the weighted
 *                  ones
 */
public record RouteCarrier(String carrierId, int priority, int weight) {
    public RouteCarrier {
        carrierId = FieldRules.id("carrierId", carrierId);
        FieldRules.range("priority", priority, 0, 1000);
        FieldRules.range("weight", weight, 0, 1000);
    }
}
