package io.sipplatform.routing.admin;

import io.sipplatform.routing.domain.RouteCarrier;

/** JSON of {@link RouteCarrier}; priority defaults to 0, weight to 1. */
public record RouteCarrierBody(String carrierId, Integer priority, Integer weight) {

    RouteCarrier toDomain() {
        return new RouteCarrier(carrierId, Fields.number(priority, 0), Fields.number(weight, 1));
    }

    static RouteCarrierBody of(RouteCarrier c) {
        return new RouteCarrierBody(c.carrierId(), c.priority(), c.weight());
    }
}
