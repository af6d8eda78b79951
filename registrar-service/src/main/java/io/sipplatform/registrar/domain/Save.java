package io.sipplatform.registrar.domain;

import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.uri.SipUri;
import io.sipplatform.sip.uri.Uri;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RFC 3261 §10.3 steps 6 and 7 with RFC 5626 §6 and RFC 3327 §5.3: computes the bindings an AOR has after one
 * REGISTER, from the bindings stored before it. A pure function, so the caller can run it again when a concurrent
 * writer changed the AOR in between (compare-and-set), and the update is all or nothing (step 7).
 */
final class Save {
    /** Expiry values above 2^32-1 seconds are read as 2^32-1 (RFC 3261 §20.19 delta-seconds). */
    private static final long MAX_DELTA_SECONDS = 0xFFFF_FFFFL;

    private Save() {
    }

    /** The result: either the new binding set or a refusal of the whole request. */
    sealed interface Result permits Changed, Refused {
    }

    /**
     * @param bindings live bindings after the request, in lookup order
     * @param write    false when nothing needs storing (a query)
     * @param outbound RFC 5626 was applied to a contact of this request
     */
    record Changed(List<Binding> bindings, boolean write, boolean outbound) implements Result {
    }

    /** @param minExpires with 423 only */
    record Refused(Rejection rejection, Optional<Duration> minExpires) implements Result {
        static Refused of(Rejection rejection) {
            return new Refused(rejection, Optional.empty());
        }
    }

    static Result apply(List<Binding> stored, Registration request, Instant now, RegistrarPolicy policy) {
        List<Binding> live = new ArrayList<>();
        for (Binding binding : stored) {
            if (binding.liveAt(now)) { // an expired binding counts as absent: it is dropped on this write
                live.add(binding);
            }
        }
        if (request.wildcard()) {
            return removeAll(live, request);
        }
        if (request.contacts().isEmpty()) {
            // RFC 3261 §10.2.3: no Contact is a query for the current bindings.
            return new Changed(Lookup.ordered(live), false, false);
        }
        Result checked = checkContacts(request);
        if (checked != null) {
            return checked;
        }
        boolean outbound = appliesOutbound(request);
        if (outbound && !firstHopSupportsOutbound(request)) {
            return Refused.of(Rejection.FIRST_HOP_LACKS_OUTBOUND);
        }
        List<Duration> granted = new ArrayList<>(request.contacts().size());
        for (RequestedContact contact : request.contacts()) {
            Duration requested = contact.expires()
                    .or(request::expires)
                    .orElse(policy.defaultExpires());
            if (requested.getSeconds() > MAX_DELTA_SECONDS) {
                requested = Duration.ofSeconds(MAX_DELTA_SECONDS);
            }
            // RFC 3261 §10.3 step 7: a non-zero expiry below the minimum is refused with 423 and Min-Expires.
            if (!requested.isZero() && requested.compareTo(policy.minExpires()) < 0) {
                return new Refused(Rejection.INTERVAL_TOO_BRIEF, Optional.of(policy.minExpires()));
            }
            // RFC 3261 §10.3 step 7: the registrar MAY shorten the expiry; it never lengthens it.
            granted.add(requested.compareTo(policy.maxExpires()) > 0 ? policy.maxExpires() : requested);
        }

        List<Binding> next = new ArrayList<>(live);
        for (int i = 0; i < request.contacts().size(); i++) {
            RequestedContact contact = request.contacts().get(i);
            boolean flow = outbound && contact.namesFlow();
            // Ordering is checked against the stored binding, not the working set: a URI repeated in one request
            // must not fail against this request's own CSeq.
            for (Binding existing : live) {
                if (sameBinding(existing, contact, flow) && existing.callId().equals(request.callId())
                        && request.cseq() <= existing.cseq()) {
                    // RFC 3261 §10.3 step 7: same Call-ID, CSeq not higher: the update is aborted, the request fails.
                    return Refused.of(Rejection.OUT_OF_ORDER);
                }
            }
            next.removeIf(existing -> sameBinding(existing, contact, flow));
            Duration expires = granted.get(i);
            if (!expires.isZero()) {
                next.add(newBinding(request, contact, flow, now.plus(expires), now, policy));
            }
        }
        // A request that does not add bindings is never refused for the limit, so lowering it strands nobody.
        if (next.size() > policy.maxContactsPerAor() && next.size() > live.size()) {
            return Refused.of(Rejection.TOO_MANY_CONTACTS);
        }
        return new Changed(Lookup.ordered(next), true, outbound);
    }

    /** RFC 3261 §10.3 step 6: "Contact: *" removes every binding, only with Expires: 0 and no other contact. */
    private static Result removeAll(List<Binding> live, Registration request) {
        if (!request.contacts().isEmpty()) {
            return Refused.of(Rejection.WILDCARD_WITH_OTHER_CONTACTS);
        }
        if (request.expires().isEmpty() || !request.expires().get().isZero()) {
            return Refused.of(Rejection.WILDCARD_WITH_NONZERO_EXPIRES);
        }
        for (Binding existing : live) {
            // Same Call-ID: removed only when the CSeq is higher; otherwise the whole request fails.
            if (existing.callId().equals(request.callId()) && request.cseq() <= existing.cseq()) {
                return Refused.of(Rejection.OUT_OF_ORDER);
            }
        }
        return new Changed(List.of(), true, false);
    }

    private static Result checkContacts(Registration request) {
        int flows = 0;
        for (RequestedContact contact : request.contacts()) {
            try {
                Uri.parse(contact.uri());
            } catch (SipParseException e) {
                return Refused.of(Rejection.INVALID_CONTACT);
            }
            if (contact.namesFlow()) {
                flows++;
            }
        }
        // RFC 5626 §6: one REGISTER registers one flow; two reg-id contacts are a bad request.
        return flows > 1 ? Refused.of(Rejection.MULTIPLE_FLOWS) : null;
    }

    /**
     * RFC 5626 §6: outbound applies to a contact with +sip.instance and reg-id when the UA listed "outbound" in
     * Supported; without it the reg-id is ignored and RFC 3261 rules apply.
     */
    private static boolean appliesOutbound(Registration request) {
        if (!request.supports("outbound")) {
            return false;
        }
        for (RequestedContact contact : request.contacts()) {
            if (contact.namesFlow()) {
                return true;
            }
        }
        return false;
    }

    /**
     * RFC 5626 §6: the first hop must support outbound, shown by "ob" in its Path URI. Proxies prepend Path values
     * (RFC 3327 §5.2), so the first hop's is the bottom-most. Without Path, the edge in front of us is the first hop
     * when it names the flow the request came over.
     */
    private static boolean firstHopSupportsOutbound(Registration request) {
        if (request.path().isEmpty()) {
            return request.flow().isPresent();
        }
        String firstHop = request.path().get(request.path().size() - 1);
        try {
            return SipUri.parse(firstHop).hasParam("ob");
        } catch (SipParseException e) {
            return false;
        }
    }

    /**
     * Binding identity: a flow by instance-id and reg-id (RFC 5626 §6), so a new flow of the same instance and
     * reg-id replaces the old one whatever its URI; any other contact by URI comparison (RFC 3261 §10.3 step 7,
     * §19.1.4).
     */
    private static boolean sameBinding(Binding existing, RequestedContact contact, boolean flow) {
        if (flow) {
            return existing.isFlow() && existing.regId() == contact.regId()
                    && existing.instanceId().equalsIgnoreCase(contact.instanceId());
        }
        return sameUri(existing.contactUri(), contact.uri());
    }

    static boolean sameUri(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            Uri x = Uri.parse(a);
            Uri y = Uri.parse(b);
            if (x instanceof SipUri && y instanceof SipUri) {
                return ((SipUri) x).equivalent((SipUri) y);
            }
            return x.equals(y);
        } catch (SipParseException e) {
            return false;
        }
    }

    private static Binding newBinding(Registration request, RequestedContact contact, boolean flow,
            Instant expiresAt, Instant now, RegistrarPolicy policy) {
        return new Binding(request.aor(), contact.uri(), expiresAt, contact.qMilli(), contact.instanceId(),
                flow ? contact.regId() : 0, request.callId(), request.cseq(), request.source(), request.path(),
                request.flow(), request.userAgent(), now, policy.site());
    }
}
