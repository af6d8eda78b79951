package io.sipplatform.routing.domain;

import java.util.List;

/**
 * Which destinations a trunk may call. The longest matching {@link PrefixRule} decides; when allow rules exist, a
 * destination matching none of them is blocked. International and premium-rate destinations are blocked unless the
 * trunk enables them, whatever the rules say (an allow list restricts further, it never widens those two).
 */
public record DestinationPolicy(List<PrefixRule> rules, boolean allowInternational, boolean allowPremium) {
    /** Domestic, non-premium destinations only. */
    public static final DestinationPolicy DOMESTIC = new DestinationPolicy(List.of(), false, false);

    public DestinationPolicy {
        rules = FieldRules.each("rules", rules);
    }

    /**
     * Null when the trunk may call {@code e164}, else the reason it may not.
     *
     * @param plan            the trunk's number plan (its country decides what is international)
     * @param premiumPrefixes premium-rate ranges of the platform, E.164 prefixes
     */
    public RejectCause check(String e164, NumberPlan plan, List<String> premiumPrefixes) {
        PrefixRule best = null;
        boolean anyAllow = false;
        for (PrefixRule rule : rules) {
            anyAllow |= rule.action() == RuleAction.ALLOW;
            if (e164.startsWith(rule.prefix()) && (best == null || rule.prefix().length() > best.prefix().length())) {
                best = rule;
            }
        }
        if (best != null && best.action() == RuleAction.BLOCK || best == null && anyAllow) {
            return RejectCause.DESTINATION_BLOCKED;
        }
        if (!allowPremium) {
            for (String premium : premiumPrefixes) {
                if (e164.startsWith(premium)) {
                    return RejectCause.PREMIUM_BLOCKED;
                }
            }
        }
        if (!allowInternational && plan.isInternational(e164)) {
            return RejectCause.INTERNATIONAL_BLOCKED;
        }
        return null;
    }
}
