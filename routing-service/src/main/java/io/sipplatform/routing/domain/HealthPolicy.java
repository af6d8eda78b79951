package io.sipplatform.routing.domain;

import java.util.Set;

/**
 * When gateway observations count as failures and how many in a row change the state.
 *
 * @param downAfter    consecutive failures that take an up gateway down, at least 1
 * @param upAfter      consecutive successes that bring a down gateway back, at least 1
 * @param failureCodes response codes that count as failures (e.g. 408, 500, 503); any other response proves the
 *                     gateway alive, and no response at all (timeout, transport error, DNS) is always a failure
 */
public record HealthPolicy(int downAfter, int upAfter, Set<Integer> failureCodes) {
    public HealthPolicy {
        if (downAfter < 1 || upAfter < 1) {
            throw new IllegalArgumentException("downAfter and upAfter must be at least 1");
        }
        failureCodes = Set.copyOf(failureCodes);
    }

    /** True when a response with this code (null: no response) counts as a success. */
    public boolean isSuccess(Integer code) {
        return code != null && !failureCodes.contains(code);
    }
}
