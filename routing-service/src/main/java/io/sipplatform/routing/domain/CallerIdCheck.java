package io.sipplatform.routing.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies a trunk's caller-ID policy: finds the presented number (its P-Asserted-Identity when trusted, else the
 * From user), normalises it, checks it and says what to assert onwards. RFC 3325 §5: the platform is the trust
 * domain boundary, so a customer's P-Preferred-Identity and untrusted P-Asserted-Identity never go through.
 */
final class CallerIdCheck {

    /**
     * The result.
     *
     * @param e164    the number to assert, or null when there is none
     * @param allowed false when the policy rejects the call
     * @param headers edits that remove the customer's identity headers and add the asserted one
     */
    record Verdict(String e164, boolean allowed, HeaderEdits headers) {
    }

    private final RoutingPolicy policy;

    CallerIdCheck(RoutingPolicy policy) {
        this.policy = policy;
    }

    /** @param emergency true never rejects: an emergency call goes through with whatever can be asserted */
    Verdict check(CallIntent intent, Trunk trunk, RoutingSnapshot snapshot, boolean emergency) {
        CallerIdPolicy rules = trunk.callerId();
        String presented = null;
        if (rules.trustPai()) {
            for (Party pai : intent.pAssertedIdentity()) {
                presented = trunk.numberPlan().toE164(UriText.dialled(pai.uri()));
                if (presented != null) {
                    break;
                }
            }
        }
        if (presented == null) {
            presented = trunk.numberPlan().toE164(UriText.dialled(intent.from().uri()));
        }
        String asserted = presented;
        boolean allowed = true;
        if (rules.mode() != CallerIdMode.PASS) {
            boolean permitted = presented != null && (rules.allows(presented)
                    || rules.allowOwnDids() && snapshot.isOwnDid(trunk.customerId(), presented));
            if (!permitted) {
                if (rules.mode() == CallerIdMode.REPLACE || emergency) {
                    asserted = rules.defaultNumber();
                } else {
                    allowed = false;
                }
            }
        }
        return new Verdict(asserted, allowed, headers(asserted));
    }

    private HeaderEdits headers(String asserted) {
        List<HeaderEdits.Field> add = new ArrayList<>(1);
        if (asserted != null) {
            // RFC 3325 §9.1; user=phone marks the user part as a telephone number (RFC 3261 §19.1.1).
            add.add(new HeaderEdits.Field("P-Asserted-Identity",
                    "<sip:" + asserted + "@" + policy.identityDomain() + ";user=phone>"));
        }
        return new HeaderEdits(add, List.of("P-Preferred-Identity", "P-Asserted-Identity"));
    }
}
