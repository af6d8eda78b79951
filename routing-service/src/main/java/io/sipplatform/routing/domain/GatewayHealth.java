package io.sipplatform.routing.domain;

/**
 * A gateway's health with hysteresis: it goes down after {@link HealthPolicy#downAfter} consecutive failures and
 * back up after {@link HealthPolicy#upAfter} consecutive successes, so one lost probe or one lucky answer does not
 * flap it.
 *
 * @param up        true when calls may be routed to it
 * @param failures  consecutive failures so far
 * @param successes consecutive successes so far
 */
public record GatewayHealth(boolean up, int failures, int successes) {
    /** A gateway nobody reported on: up. */
    public static final GatewayHealth INITIAL = new GatewayHealth(true, 0, 0);

    /** The state after one more observation. */
    public GatewayHealth next(boolean success, HealthPolicy policy) {
        if (success) {
            int streak = Math.min(successes + 1, 1_000_000);
            return new GatewayHealth(up || streak >= policy.upAfter(), 0, streak);
        }
        int streak = Math.min(failures + 1, 1_000_000);
        return new GatewayHealth(up && streak < policy.downAfter(), streak, 0);
    }
}
