package io.sipplatform.routing.domain;

import io.sipplatform.sip.uri.SipUri;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Where a call for a DID goes: the trunk's static addresses with failover, the registered contacts of an AOR
 * (parallel or sequential forking), or a 302 redirect. Produces the targets only; limits are the caller's.
 */
final class DidDelivery {

    /** Targets to proxy to, a redirect to answer, or the reason there is neither. */
    sealed interface Plan permits Targets, RedirectTo, Unreachable {
    }

    record Targets(List<TargetGroup> groups) implements Plan {
    }

    record RedirectTo(List<RedirectContact> contacts) implements Plan {
    }

    record Unreachable(RejectCause cause) implements Plan {
    }

    private final RoutingPolicy policy;
    private final RegistrarLookup registrar;

    DidDelivery(RoutingPolicy policy, RegistrarLookup registrar) {
        this.policy = policy;
        this.registrar = registrar;
    }

    Plan plan(Did did, Trunk trunk) {
        String user = trunk.deliveryFormat().write(did.number(), trunk.numberPlan());
        switch (did.delivery()) {
            case STATIC:
                if (trunk.addresses().isEmpty()) {
                    return new Unreachable(RejectCause.NO_DELIVERY_ADDRESS);
                }
                return new Targets(map(trunk.addresses(), address -> new TargetGroup(
                        List.of(staticTarget(address, user)), policy.customerFailover())));
            case REDIRECT:
                if (trunk.addresses().isEmpty()) {
                    return new Unreachable(RejectCause.NO_DELIVERY_ADDRESS);
                }
                return new RedirectTo(map(trunk.addresses(),
                        address -> new RedirectContact(SipUri.parse(address).withUser(user).toString(), null)));
            default:
                return registered(did.aor(), did.forking());
        }
    }

    /** The registered contacts of an AOR, forked as asked (on-net calls by name, DIDs delivered to contacts). */
    Plan registered(String aor, Forking forking) {
        List<RegisteredContact> contacts;
        try {
            contacts = registrar.contacts(aor);
        } catch (RegistrarLookup.Unavailable e) {
            return new Unreachable(RejectCause.REGISTRAR_UNAVAILABLE);
        }
        if (contacts.isEmpty()) {
            return new Unreachable(RejectCause.NOT_REGISTERED);
        }
        List<Target> targets = map(contacts, c -> new Target(c.uri(), NatContact.destination(c), null, c.path(), c.flow(), "", "", null,
                null, null));
        if (forking == Forking.PARALLEL) {
            return new Targets(List.of(new TargetGroup(targets, policy.customerFailover())));
        }
        // The registrar already ordered them by q-value, then most recent (RFC 3261 §16.6 q-value groups).
        List<TargetGroup> groups = map(targets, t -> new TargetGroup(List.of(t), policy.customerFailover()));
        return new Targets(groups.size() > policy.maxTargets() ? groups.subList(0, policy.maxTargets()) : groups);
    }

    private Target staticTarget(String address, String user) {
        SipUri uri = SipUri.parse(address);
        Transport transport = null;
        String param = uri.transportParam();
        if (param != null) {
            for (Transport t : Transport.values()) {
                if (t.uriParam().equals(param)) {
                    transport = t;
                }
            }
        }
        return new Target(uri.withUser(user).toString(), "", transport, List.of(), null, "", "",
                policy.progressTimeout(), null, null);
    }

    private static <A, B> List<B> map(List<A> in, Function<A, B> f) {
        List<B> out = new ArrayList<>(in.size());
        for (A a : in) {
            out.add(f.apply(a));
        }
        return out;
    }
}
