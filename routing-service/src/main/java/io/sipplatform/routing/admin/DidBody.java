package io.sipplatform.routing.admin;

import io.sipplatform.routing.domain.Delivery;
import io.sipplatform.routing.domain.Did;
import io.sipplatform.routing.domain.Forking;

/** JSON of {@link Did}; delivery defaults to STATIC, forking to SEQUENTIAL, enabled to true. */
public record DidBody(String number, String customerId, String trunkId, String delivery, String aor, String forking,
        Boolean enabled) {
    Did toDomain(String pathNumber) {
        return new Did(pathNumber == null ? number : Fields.sameId("number", pathNumber, number), customerId,
                trunkId, Fields.enumValue("delivery", Delivery.class, delivery, Delivery.STATIC), aor,
                Fields.enumValue("forking", Forking.class, forking, Forking.SEQUENTIAL), Fields.flag(enabled, true));
    }

    static DidBody of(Did d) {
        return new DidBody(d.number(), d.customerId(), d.trunkId(), d.delivery().name(), d.aor(), d.forking().name(),
                d.enabled());
    }
}
