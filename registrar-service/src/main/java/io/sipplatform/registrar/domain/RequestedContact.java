package io.sipplatform.registrar.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One Contact of a REGISTER as values (RFC 3261 §10.2.1, RFC 5626 §4.2).
 *
 * @param uri        contact URI as sent, with URI parameters; checked by {@link Save}, not here, because a bad one
 *                   is the UA's fault and gets 400
 * @param expires    the expires Contact parameter (RFC 3261 §10.2.1.1), empty when absent
 * @param qMilli     the q parameter times 1000, 0..1000, empty when absent
 * @param instanceId +sip.instance without quotes and angle brackets (RFC 5626 §4.1), "" when absent
 * @param regId      reg-id (RFC 5626 §4.2), 1..2^31-1, or 0 when absent
 */
public record RequestedContact(String uri, Optional<Duration> expires, OptionalInt qMilli, String instanceId,
        int regId) {

    public RequestedContact {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(qMilli, "qMilli");
        instanceId = instanceId == null ? "" : instanceId;
        if (expires.isPresent() && expires.get().isNegative()) {
            throw new IllegalArgumentException("negative expires");
        }
        if (qMilli.isPresent() && (qMilli.getAsInt() < 0 || qMilli.getAsInt() > 1000)) {
            throw new IllegalArgumentException("q out of range: " + qMilli.getAsInt());
        }
        if (regId < 0) {
            throw new IllegalArgumentException("reg-id out of range: " + regId);
        }
    }

    /** A contact with only a URI: no expires, q, instance or reg-id. */
    public static RequestedContact of(String uri) {
        return new RequestedContact(uri, Optional.empty(), OptionalInt.empty(), "", 0);
    }

    /** True when the contact names an RFC 5626 flow: both +sip.instance and reg-id are present. */
    public boolean namesFlow() {
        return !instanceId.isEmpty() && regId > 0;
    }
}
