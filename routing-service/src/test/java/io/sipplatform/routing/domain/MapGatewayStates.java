package io.sipplatform.routing.domain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** {@link GatewayStates} in a map, for domain tests. */
final class MapGatewayStates implements GatewayStates {
    private final Map<String, GatewayHealth> states = new ConcurrentHashMap<>();

    @Override
    public GatewayHealth get(String gatewayId) {
        return states.getOrDefault(gatewayId, GatewayHealth.INITIAL);
    }

    @Override
    public Transition update(String gatewayId, UnaryOperator<GatewayHealth> change) {
        GatewayHealth[] before = new GatewayHealth[1];
        GatewayHealth after = states.compute(gatewayId, (id, old) -> {
            before[0] = old == null ? GatewayHealth.INITIAL : old;
            return change.apply(before[0]);
        });
        return new Transition(before[0], after);
    }

    void markDown(String gatewayId) {
        states.put(gatewayId, new GatewayHealth(false, 3, 0));
    }
}
