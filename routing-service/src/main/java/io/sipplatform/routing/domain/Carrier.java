package io.sipplatform.routing.domain;

import java.util.List;

/**
 * An upstream carrier: its gateways receive outbound calls, its source networks deliver inbound calls to DIDs.
 *
 * @param id          stable id
 * @param name        display name
 * @param enabled     false never routes to it and refuses its inbound calls as from an unknown source
 * @param gateways    its gateways
 * @param rewrite     how it wants called numbers written
 * @param numberPlan  how it writes numbers on inbound calls (normalised to E.164 to find the DID), and the plan
 *                    NATIONAL rewriting uses
 * @param sources     networks its inbound calls come from; gateway IP literals are added implicitly
 * @param credentials digest account to answer its 401/407 challenges with; null when it does not challenge
 */
public record Carrier(String id, String name, boolean enabled, List<Gateway> gateways, NumberRewrite rewrite,
        NumberPlan numberPlan, List<Cidr> sources, DigestAccount credentials) {

    public Carrier {
        id = FieldRules.id("id", id);
        name = FieldRules.name("name", name);
        gateways = FieldRules.each("gateways", gateways);
        if (gateways.stream().map(Gateway::id).distinct().count() != gateways.size()) {
            throw new InvalidField("gateways", "gateway ids must be unique");
        }
        FieldRules.required("rewrite", rewrite);
        FieldRules.required("numberPlan", numberPlan);
        sources = FieldRules.each("sources", sources);
    }
}
