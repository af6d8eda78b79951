package io.sipplatform.registrar.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One binding from an address-of-record to a contact (RFC 3261 §10.3), with the RFC 5626 flow and the RFC 3327
 * route set that reach it.
 *
 * @param aor        the address-of-record
 * @param contactUri contact URI as registered
 * @param expiresAt  when the binding lapses; it is live strictly before this instant
 * @param qMilli     q-value times 1000, empty when the UA gave none
 * @param instanceId +sip.instance (RFC 5626 §4.1), "" when none
 * @param regId      reg-id of the flow (RFC 5626 §4.2), 0 when outbound was not applied
 * @param callId     Call-ID of the REGISTER that last wrote the binding (RFC 3261 §10.3 step 7)
 * @param cseq       CSeq of that REGISTER
 * @param source     public source of that REGISTER
 * @param path       Path URIs, topmost first (RFC 3327 §5.3)
 * @param flow       edge replica and flow that reach the contact, when one does
 * @param userAgent  User-Agent of that REGISTER, "" when absent
 * @param updatedAt  when that REGISTER was accepted: "most recent" in lookups and the tie-breaker between sites
 * @param site       site whose registrar wrote the binding
 */
public record Binding(Aor aor, String contactUri, Instant expiresAt, OptionalInt qMilli, String instanceId, int regId,
        String callId, long cseq, Optional<SourceAddress> source, List<String> path, Optional<Flow> flow,
        String userAgent, Instant updatedAt, String site) {

    public Binding {
        Objects.requireNonNull(aor, "aor");
        if (contactUri == null || contactUri.isEmpty()) {
            throw new IllegalArgumentException("missing contact URI");
        }
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(qMilli, "qMilli");
        instanceId = instanceId == null ? "" : instanceId;
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(source, "source");
        path = List.copyOf(path);
        Objects.requireNonNull(flow, "flow");
        userAgent = userAgent == null ? "" : userAgent;
        Objects.requireNonNull(updatedAt, "updatedAt");
        site = site == null ? "" : site;
    }

    /** True while the binding has not expired. */
    public boolean liveAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /**
     * Whole seconds left at {@code now}, at least one for a live binding: the value of the Contact expires parameter
     * in a 200 (RFC 3261 §10.3 step 8), where 0 would read as a removal.
     */
    public Duration remainingAt(Instant now) {
        long seconds = Duration.between(now, expiresAt).getSeconds();
        return Duration.ofSeconds(Math.max(1, seconds));
    }

    /** True when this binding is an RFC 5626 flow, keyed by instance-id and reg-id rather than by URI. */
    public boolean isFlow() {
        return !instanceId.isEmpty() && regId > 0;
    }
}
