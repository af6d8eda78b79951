package io.sipplatform.routing.admin;

import io.sipplatform.routing.domain.CallerIdMode;
import io.sipplatform.routing.domain.CallerIdPolicy;
import io.sipplatform.routing.domain.Cidr;
import io.sipplatform.routing.domain.DestinationPolicy;
import io.sipplatform.routing.domain.DigestAccount;
import io.sipplatform.routing.domain.InvalidField;
import io.sipplatform.routing.domain.MediaPolicy;
import io.sipplatform.routing.domain.NumberFormat;
import io.sipplatform.routing.domain.PrefixRule;
import io.sipplatform.routing.domain.RuleAction;
import io.sipplatform.routing.domain.TlsIdentity;
import io.sipplatform.routing.domain.Transport;
import io.sipplatform.routing.domain.Trunk;
import io.sipplatform.routing.domain.TrunkAuth;
import io.sipplatform.routing.domain.TrunkLimits;
import java.util.List;

/**
 * JSON of {@link Trunk}. Defaults: enabled, no limits, domestic non-premium destinations, caller ID PASS, media
 * relayed with any codec, delivery in E.164, address trunks on all transports. {@code auth.type} is "address",
 * "digest" or "certificate"; digest accounts default to the platform realm; certificate trunks list accepted
 * {@code fingerprints}, {@code subjectAltNames} and/or {@code subjects} and optionally the {@code networks} they
 * must come from.
 */
public record TrunkBody(String id, String customerId, String name, Boolean enabled, AuthBody auth,
        LimitsBody limits, DestinationsBody destinations, CallerIdBody callerId, NumberPlanBody numberPlan,
        MediaBody media, List<String> addresses, String deliveryFormat) {

    /** JSON of {@link TrunkAuth}; each type reads its own fields and ignores the others. */
    public record AuthBody(String type, List<String> networks, List<String> transports, List<AccountBody> accounts,
            List<String> aors, List<String> fingerprints, List<String> subjectAltNames, List<String> subjects) {
    }

    /** JSON of {@link TrunkLimits}; absent means unlimited. */
    public record LimitsBody(Integer maxConcurrent, Integer maxCps) {
    }

    /** JSON of {@link DestinationPolicy}. */
    public record DestinationsBody(List<RuleBody> rules, Boolean allowInternational, Boolean allowPremium) {
    }

    /** JSON of {@link PrefixRule}. */
    public record RuleBody(String prefix, String action) {
    }

    /** JSON of {@link CallerIdPolicy}; mode defaults to PASS, allowOwnDids to true. */
    public record CallerIdBody(String mode, List<String> allowed, String defaultNumber, Boolean trustPai,
            Boolean allowOwnDids) {
    }

    /** JSON of {@link MediaPolicy}. */
    public record MediaBody(Boolean relay, List<String> codecs, Boolean stripIce) {
    }

    /**
     * @param realm    realm for accounts that name none
     * @param existing the stored trunk, whose account hashes stay when the body repeats an account bare
     */
    Trunk toDomain(String pathId, String realm, Trunk existing) {
        String trunkId = pathId == null ? id : Fields.sameId("id", pathId, id);
        if (auth == null) {
            throw new InvalidField("auth", "required");
        }
        return new Trunk(trunkId, customerId, name, Fields.flag(enabled, true),
                Fields.at("auth", () -> auth(realm, existing)),
                limits == null ? TrunkLimits.NONE : Fields.at("limits", () -> new TrunkLimits(
                        Fields.number(limits.maxConcurrent(), 0), Fields.number(limits.maxCps(), 0))),
                destinations == null ? DestinationPolicy.DOMESTIC : Fields.at("destinations",
                        () -> new DestinationPolicy(Fields.each("rules", destinations.rules(),
                                r -> new PrefixRule(r.prefix(),
                                        Fields.enumValue("action", RuleAction.class, r.action(), null))),
                                Fields.flag(destinations.allowInternational(), false),
                                Fields.flag(destinations.allowPremium(), false))),
                callerId == null ? CallerIdPolicy.PASS : Fields.at("callerId", () -> new CallerIdPolicy(
                        Fields.enumValue("mode", CallerIdMode.class, callerId.mode(), CallerIdMode.PASS),
                        callerId.allowed(), callerId.defaultNumber(), Fields.flag(callerId.trustPai(), false),
                        Fields.flag(callerId.allowOwnDids(), true))),
                numberPlan == null ? null : Fields.at("numberPlan", numberPlan::toDomain),
                media == null ? MediaPolicy.RELAY : Fields.at("media", () -> new MediaPolicy(
                        Fields.flag(media.relay(), true), media.codecs(), Fields.flag(media.stripIce(), false))),
                addresses, Fields.enumValue("deliveryFormat", NumberFormat.class, deliveryFormat, NumberFormat.E164));
    }

    private TrunkAuth auth(String realm, Trunk existing) {
        String type = auth.type() == null ? "" : auth.type();
        if ("address".equalsIgnoreCase(type)) {
            List<Transport> transports = auth.transports() == null ? List.of(Transport.values())
                    : Fields.eachValue("transports", auth.transports(),
                            (path, t) -> Fields.enumValue(path, Transport.class, t, null));
            return new TrunkAuth.ByAddress(Fields.eachValue("networks", auth.networks(), Cidr::parse), transports);
        }
        if ("digest".equalsIgnoreCase(type)) {
            List<DigestAccount> stored = existing != null && existing.auth() instanceof TrunkAuth.ByDigest
                    ? ((TrunkAuth.ByDigest) existing.auth()).accounts() : List.of();
            return new TrunkAuth.ByDigest(Fields.each("accounts", auth.accounts(),
                    a -> a.toDomain(realm, stored.stream().filter(s -> s.username().equals(a.username()))
                            .findFirst().orElse(null))),
                    auth.aors());
        }
        if ("certificate".equalsIgnoreCase(type)) {
            return new TrunkAuth.ByCertificate(
                    new TlsIdentity(auth.fingerprints(), auth.subjectAltNames(), auth.subjects()),
                    Fields.eachValue("networks", auth.networks(), Cidr::parse));
        }
        throw new InvalidField("type", "'address', 'digest' or 'certificate'");
    }

    static TrunkBody of(Trunk t) {
        AuthBody auth;
        if (t.auth() instanceof TrunkAuth.ByAddress a) {
            auth = new AuthBody("address", a.networks().stream().map(Cidr::text).toList(),
                    a.transports().stream().map(Transport::name).toList(), null, null, null, null, null);
        } else if (t.auth() instanceof TrunkAuth.ByCertificate cert) {
            TlsIdentity id = cert.identity();
            auth = new AuthBody("certificate", cert.networks().stream().map(Cidr::text).toList(), null, null, null,
                    id.fingerprints(), id.subjectAltNames(), id.subjects());
        } else {
            TrunkAuth.ByDigest d = (TrunkAuth.ByDigest) t.auth();
            auth = new AuthBody("digest", null, null, d.accounts().stream().map(AccountBody::of).toList(), d.aors(),
                    null, null, null);
        }
        DestinationPolicy dp = t.destinations();
        CallerIdPolicy c = t.callerId();
        return new TrunkBody(t.id(), t.customerId(), t.name(), t.enabled(), auth,
                new LimitsBody(t.limits().maxConcurrent(), t.limits().maxCps()),
                new DestinationsBody(dp.rules().stream().map(r -> new RuleBody(r.prefix(), r.action().name()))
                        .toList(), dp.allowInternational(), dp.allowPremium()),
                new CallerIdBody(c.mode().name(), c.allowed(), c.defaultNumber(), c.trustPai(), c.allowOwnDids()),
                NumberPlanBody.of(t.numberPlan()),
                new MediaBody(t.media().relay(), t.media().codecs(), t.media().stripIce()), t.addresses(),
                t.deliveryFormat().name());
    }
}
