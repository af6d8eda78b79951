package io.sipplatform.routing.domain;

import java.util.List;

/**
 * Which outcomes of a target group make the edge try the next group (RFC 3261 §16.7); any other outcome goes to
 * the caller.
 *
 * @param codes            status codes that fail over, e.g. 408, 500, 502, 503, 504
 * @param classes          whole classes that fail over (5 = any 5xx)
 * @param onTimeout        true: no answer within the target's timeouts (or Timer B) fails over
 * @param onTransportError true: connection refused, TLS or DNS failure fails over
 */
public record FailoverPolicy(List<Integer> codes, List<Integer> classes, boolean onTimeout,
        boolean onTransportError) {
    public FailoverPolicy {
        codes = List.copyOf(codes);
        classes = List.copyOf(classes);
    }
}
