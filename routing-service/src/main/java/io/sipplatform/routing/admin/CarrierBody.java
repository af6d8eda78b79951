package io.sipplatform.routing.admin;

import io.sipplatform.routing.domain.Carrier;
import io.sipplatform.routing.domain.Cidr;
import io.sipplatform.routing.domain.Gateway;
import io.sipplatform.routing.domain.NumberFormat;
import io.sipplatform.routing.domain.NumberPlan;
import io.sipplatform.routing.domain.NumberRewrite;
import io.sipplatform.routing.domain.Transport;
import java.util.List;

/**
 * JSON of {@link Carrier}. Defaults: enabled true, number plan E.164 (with or without '+'), no rewriting, gateways
 * on UDP 5060 with priority 0, weight 1, enabled and probed.
 */
public record CarrierBody(String id, String name, Boolean enabled, List<GatewayBody> gateways, RewriteBody rewrite,
        NumberPlanBody numberPlan, List<String> sources, AccountBody credentials) {

    /** JSON of {@link Gateway}. */
    public record GatewayBody(String id, String host, Integer port, String transport, Integer priority,
            Integer weight, Boolean enabled, Boolean probe) {
        Gateway toDomain() {
            return new Gateway(id, host, Fields.number(port, 5060),
                    Fields.enumValue("transport", Transport.class, transport, Transport.UDP),
                    Fields.number(priority, 0), Fields.number(weight, 1), Fields.flag(enabled, true),
                    Fields.flag(probe, true));
        }

        static GatewayBody of(Gateway g) {
            return new GatewayBody(g.id(), g.host(), g.port(), g.transport().name(), g.priority(), g.weight(),
                    g.enabled(), g.probe());
        }
    }

    /** JSON of {@link NumberRewrite}. */
    public record RewriteBody(String format, Integer strip, String add, String techPrefix) {
        NumberRewrite toDomain() {
            return new NumberRewrite(Fields.enumValue("format", NumberFormat.class, format, NumberFormat.E164),
                    Fields.number(strip, 0), add, techPrefix);
        }

        static RewriteBody of(NumberRewrite r) {
            return new RewriteBody(r.format().name(), r.strip(), r.add(), r.techPrefix());
        }
    }

    /** @param existing the stored carrier (its credentials' hashes stay when the body repeats them bare) */
    Carrier toDomain(String pathId, Carrier existing) {
        String carrierId = pathId == null ? id : Fields.sameId("id", pathId, id);
        return new Carrier(carrierId, name, Fields.flag(enabled, true),
                Fields.each("gateways", gateways, GatewayBody::toDomain),
                rewrite == null ? NumberRewrite.NONE : Fields.at("rewrite", rewrite::toDomain),
                numberPlan == null ? NumberPlan.E164_ONLY : Fields.at("numberPlan", numberPlan::toDomain),
                Fields.eachValue("sources", sources, Cidr::parse),
                credentials == null ? null : Fields.at("credentials",
                        () -> credentials.toDomain(null, existing == null ? null : existing.credentials())));
    }

    static CarrierBody of(Carrier c) {
        return new CarrierBody(c.id(), c.name(), c.enabled(), c.gateways().stream().map(GatewayBody::of).toList(),
                RewriteBody.of(c.rewrite()), NumberPlanBody.of(c.numberPlan()),
                c.sources().stream().map(Cidr::text).toList(),
                c.credentials() == null ? null : AccountBody.of(c.credentials()));
    }
}
