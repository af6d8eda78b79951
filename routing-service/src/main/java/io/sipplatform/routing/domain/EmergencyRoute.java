package io.sipplatform.routing.domain;

import java.util.List;

/**
 * An emergency number (e.g. 112, 911) as dialled, and its dedicated carriers. Checked before normalisation and
 * before any limit: emergency calls skip CPS, concurrency, caller-ID rejection and destination blocks.
 *
 * @param number   the short number as dialled, 2..15 digits
 * @param carriers the carriers that take it, ordered by priority and weight like a route
 */
public record EmergencyRoute(String number, List<RouteCarrier> carriers) {
    public EmergencyRoute {
        number = FieldRules.digits("number", number, 15, false);
        if (number.length() < 2) {
            throw new InvalidField("number", "at least 2 digits");
        }
        carriers = FieldRules.each("carriers", carriers);
        if (carriers.isEmpty()) {
            throw new InvalidField("carriers", "at least one carrier");
        }
    }
}
