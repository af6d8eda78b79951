package io.sipplatform.routing.admin;

import io.sipplatform.routing.domain.EmergencyRoute;
import java.util.List;

/** JSON of {@link EmergencyRoute}. */
public record EmergencyRouteBody(String number, List<RouteCarrierBody> carriers) {
    EmergencyRoute toDomain(String pathNumber) {
        return new EmergencyRoute(pathNumber == null ? number : Fields.sameId("number", pathNumber, number),
                Fields.each("carriers", carriers, RouteCarrierBody::toDomain));
    }

    static EmergencyRouteBody of(EmergencyRoute e) {
        return new EmergencyRouteBody(e.number(), e.carriers().stream().map(RouteCarrierBody::of).toList());
    }
}
