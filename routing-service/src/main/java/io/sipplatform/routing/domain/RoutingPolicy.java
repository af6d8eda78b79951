package io.sipplatform.routing.domain;

import io.sipplatform.sip.digest.DigestAlgorithm;
import java.time.Duration;
import java.util.List;

/**
 * Platform-wide decision settings, taken from configuration.
 *
 * @param realm                 digest realm of 407 challenges; trunk accounts must be provisioned in it
 * @param challengeAlgorithms   algorithms offered in 407, preferred first (RFC 8760 §2.4: SHA-256 before MD5)
 * @param identityDomain        host of the P-Asserted-Identity URIs the platform asserts
 * @param premiumPrefixes       premium-rate E.164 prefixes, blocked unless a trunk enables them
 * @param carrierFailover       when to move from one carrier gateway to the next
 * @param customerFailover      when to move from one customer address or contact group to the next
 * @param progressTimeout       per-target time to the first response before failover; null for Timer B
 * @param answerTimeout         per-target time to a final response; null for Timer C
 * @param maxTargets            most target groups in one decision (bounds failover time)
 * @param limitRetryAfter       Retry-After with 503 for concurrency limits; null for none
 * @param rateRetryAfter        Retry-After with 503 for CPS limits; null for none
 * @param unavailableRetryAfter Retry-After with 503 when all gateways are down or the registrar is unavailable
 */
public record RoutingPolicy(String realm, List<DigestAlgorithm> challengeAlgorithms, String identityDomain,
        List<String> premiumPrefixes, FailoverPolicy carrierFailover, FailoverPolicy customerFailover,
        Duration progressTimeout, Duration answerTimeout, int maxTargets, Duration limitRetryAfter,
        Duration rateRetryAfter, Duration unavailableRetryAfter) {

    public RoutingPolicy {
        challengeAlgorithms = List.copyOf(challengeAlgorithms);
        if (challengeAlgorithms.isEmpty()) {
            throw new IllegalArgumentException("at least one challenge algorithm");
        }
        premiumPrefixes = List.copyOf(premiumPrefixes);
        if (maxTargets < 1) {
            throw new IllegalArgumentException("maxTargets must be at least 1");
        }
    }
}
