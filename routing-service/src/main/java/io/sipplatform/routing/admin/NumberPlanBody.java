package io.sipplatform.routing.admin;

import io.sipplatform.routing.domain.NumberPlan;

/** JSON of {@link NumberPlan}. */
public record NumberPlanBody(String countryCode, String nationalPrefix, String internationalPrefix,
        String areaCode, Boolean bareE164) {

    NumberPlan toDomain() {
        return new NumberPlan(countryCode, nationalPrefix, internationalPrefix, areaCode, Fields.flag(bareE164, false));
    }

    static NumberPlanBody of(NumberPlan p) {
        return new NumberPlanBody(p.countryCode(), p.nationalPrefix(), p.internationalPrefix(), p.areaCode(),
                p.bareE164());
    }
}
