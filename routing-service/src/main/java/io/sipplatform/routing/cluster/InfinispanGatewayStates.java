package io.sipplatform.routing.cluster;

import io.sipplatform.routing.domain.GatewayHealth;
import io.sipplatform.routing.domain.GatewayStates;
import java.util.function.UnaryOperator;
import org.infinispan.Cache;

/**
 * Gateway health in a replicated cache, updated with compare-and-set so reports arriving at different replicas
 * count together. Value: {@code U|D <failures> <successes>}.
 */
public final class InfinispanGatewayStates implements GatewayStates {
    private static final int MAX_ATTEMPTS = 32;

    private final Cache<String, String> cache;

    InfinispanGatewayStates(Cache<String, String> cache) {
        this.cache = cache;
    }

    @Override
    public GatewayHealth get(String gatewayId) {
        return decode(cache.get(gatewayId));
    }

    @Override
    public Transition update(String gatewayId, UnaryOperator<GatewayHealth> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            String old = cache.get(gatewayId);
            GatewayHealth before = decode(old);
            GatewayHealth after = change.apply(before);
            String encoded = encode(after);
            boolean written = old == null ? cache.putIfAbsent(gatewayId, encoded) == null
                    : cache.replace(gatewayId, old, encoded);
            if (written) {
                return new Transition(before, after);
            }
        }
        // Dozens of concurrent reports for one gateway: this one is dropped rather than blocking the caller.
        GatewayHealth now = get(gatewayId);
        return new Transition(now, now);
    }

    static String encode(GatewayHealth h) {
        return (h.up() ? "U " : "D ") + h.failures() + " " + h.successes();
    }

    static GatewayHealth decode(String value) {
        if (value == null) {
            return GatewayHealth.INITIAL;
        }
        String[] parts = value.split(" ");
        try {
            return new GatewayHealth("U".equals(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (RuntimeException corrupt) {
            return GatewayHealth.INITIAL;
        }
    }
}
