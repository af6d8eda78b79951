package io.sipplatform.registrar.domain;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The registrar's expiry and capacity rules (RFC 3261 §10.3 steps 6-7).
 *
 * @param minExpires        shortest accepted non-zero expiry; shorter ones get 423 with Min-Expires
 * @param defaultExpires    expiry when neither the Contact nor the Expires header gives one
 * @param maxExpires        longest granted expiry; longer requests are shortened to it
 * @param maxContactsPerAor most live bindings per AOR; a request that would exceed it gets 403
 * @param domains           domains served, lower case; empty serves every domain
 * @param realm             digest realm; empty uses the Request-URI host
 * @param site              name of this site, stored in every binding written here
 */
public record RegistrarPolicy(Duration minExpires, Duration defaultExpires, Duration maxExpires,
        int maxContactsPerAor, Set<String> domains, Optional<String> realm, String site) {

    public RegistrarPolicy {
        Objects.requireNonNull(minExpires, "minExpires");
        Objects.requireNonNull(defaultExpires, "defaultExpires");
        Objects.requireNonNull(maxExpires, "maxExpires");
        if (minExpires.isNegative() || minExpires.compareTo(defaultExpires) > 0
                || defaultExpires.compareTo(maxExpires) > 0 || defaultExpires.isZero()) {
            throw new IllegalArgumentException("need 0 <= min-expires <= default-expires <= max-expires, default > 0: "
                    + minExpires + " / " + defaultExpires + " / " + maxExpires);
        }
        if (maxContactsPerAor < 1) {
            throw new IllegalArgumentException("max contacts per AOR must be at least 1: " + maxContactsPerAor);
        }
        domains = domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        Objects.requireNonNull(realm, "realm");
        site = site == null ? "" : site;
    }
}
