package io.sipplatform.routing.domain;

import java.util.List;

/**
 * Everything provisioned, as loaded from the store at one version: the input of {@link RoutingSnapshot#of}.
 *
 * @param version the store's change counter when this was read; replicas compare it to notice changes
 */
public record Provisioning(long version, List<RouteTable> routeTables, List<Customer> customers, List<Trunk> trunks,
        List<Did> dids, List<Carrier> carriers, List<Route> routes, List<EmergencyRoute> emergencyRoutes) {

    public Provisioning {
        routeTables = List.copyOf(routeTables);
        customers = List.copyOf(customers);
        trunks = List.copyOf(trunks);
        dids = List.copyOf(dids);
        carriers = List.copyOf(carriers);
        routes = List.copyOf(routes);
        emergencyRoutes = List.copyOf(emergencyRoutes);
    }

    /** Nothing provisioned. */
    public static Provisioning empty(long version) {
        return new Provisioning(version, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
