package io.sipplatform.routing.domain;

import io.sipplatform.sip.uri.SipUri;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Least-cost target list: the route's carriers by priority then weight, each carrier's gateways by priority then
 * weight, one target group per gateway (serial failover), down and disabled gateways skipped.
 */
final class CarrierTargets {
    private final RoutingPolicy policy;
    private final GatewayMonitor health;
    private final RandomGenerator random;

    CarrierTargets(RoutingPolicy policy, GatewayMonitor health, RandomGenerator random) {
        this.policy = policy;
        this.health = health;
        this.random = random;
    }

    /**
     * @param userFor        the Request-URI user part for a carrier (its number rewriting)
     * @param downAsLastResort true (emergency calls) appends down gateways after the up ones instead of dropping
     *                         them: a possibly dead gateway beats no attempt
     */
    List<TargetGroup> build(List<RouteCarrier> carriers, Function<Carrier, String> userFor,
            RoutingSnapshot snapshot, boolean downAsLastResort) {
        List<TargetGroup> up = new ArrayList<>();
        List<TargetGroup> down = new ArrayList<>();
        for (RouteCarrier routeCarrier : WeightedOrder.order(carriers, RouteCarrier::priority, RouteCarrier::weight,
                random)) {
            Carrier carrier = snapshot.carrier(routeCarrier.carrierId()).orElse(null);
            if (carrier == null || !carrier.enabled()) {
                continue;
            }
            List<Gateway> enabled = new ArrayList<>();
            for (Gateway gateway : carrier.gateways()) {
                if (gateway.enabled()) {
                    enabled.add(gateway);
                }
            }
            String user = userFor.apply(carrier);
            for (Gateway gateway : WeightedOrder.order(enabled, Gateway::priority, Gateway::weight, random)) {
                TargetGroup group = new TargetGroup(List.of(target(carrier, gateway, user)), policy.carrierFailover());
                (health.isUp(gateway.id()) ? up : down).add(group);
            }
        }
        List<TargetGroup> out = new ArrayList<>(up);
        if (downAsLastResort) {
            out.addAll(down);
        }
        return out.size() > policy.maxTargets() ? List.copyOf(out.subList(0, policy.maxTargets())) : out;
    }

    private Target target(Carrier carrier, Gateway gateway, String user) {
        int port = gateway.port() == 0 ? -1 : gateway.port();
        // SipUri renders the user part with the escaping RFC 3261 §25.1 needs ('#' of tech prefixes becomes %23).
        String requestUri = SipUri.of(user, gateway.host(), port).toString();
        String destination = SipUri.of(null, gateway.host(), port)
                .withParam("transport", gateway.transport().uriParam()).toString();
        return new Target(requestUri, destination, gateway.transport(), List.of(), null, carrier.id(), gateway.id(),
                policy.progressTimeout(), policy.answerTimeout(), carrier.credentials());
    }
}
