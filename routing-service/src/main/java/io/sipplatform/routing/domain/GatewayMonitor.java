package io.sipplatform.routing.domain;

/**
 * Passive and probe-driven gateway health: turns what the edge observed (final responses, timeouts, transport
 * errors of calls and OPTIONS probes) into up/down states with hysteresis.
 */
public final class GatewayMonitor {
    private final GatewayStates states;
    private final HealthPolicy policy;

    public GatewayMonitor(GatewayStates states, HealthPolicy policy) {
        this.states = states;
        this.policy = policy;
    }

    /**
     * Records one observation.
     *
     * @param code the gateway's final response code, or null when it gave none (timeout, transport error, DNS)
     */
    public GatewayStates.Transition observe(String gatewayId, Integer code) {
        boolean success = policy.isSuccess(code);
        return states.update(gatewayId, health -> health.next(success, policy));
    }

    /** True when calls may go to the gateway. */
    public boolean isUp(String gatewayId) {
        return states.get(gatewayId).up();
    }
}
