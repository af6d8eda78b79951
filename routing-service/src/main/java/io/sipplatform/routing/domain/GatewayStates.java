package io.sipplatform.routing.domain;

import java.util.function.UnaryOperator;

/** Port: gateway health shared by all replicas, updated atomically per gateway. */
public interface GatewayStates {

    /** A health change: the state before and after one update. */
    record Transition(GatewayHealth before, GatewayHealth after) {
        /** True when the gateway went up or down. */
        public boolean changed() {
            return before.up() != after.up();
        }
    }

    /** The gateway's health; {@link GatewayHealth#INITIAL} when unknown. */
    GatewayHealth get(String gatewayId);

    /** Applies {@code change} atomically (retrying on concurrent updates) and returns what it did. */
    Transition update(String gatewayId, UnaryOperator<GatewayHealth> change);
}
