package io.sipplatform.routing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProbePlanTest {
    private static List<RoutingSnapshot.GatewayEntry> gateways(int count) {
        List<Gateway> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(World.gateway("gw" + i, 0, 1));
        }
        Carrier carrier = World.carrier("c", list, List.of());
        return list.stream().map(g -> new RoutingSnapshot.GatewayEntry(carrier, g)).toList();
    }

    @Test
    void everyGatewayIsProbedByExactlyOneEdge() {
        List<RoutingSnapshot.GatewayEntry> all = gateways(200);
        Set<String> edges = Set.of("edge-a", "edge-b", "edge-c");
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (String edge : edges) {
            List<RoutingSnapshot.GatewayEntry> mine = ProbePlan.assigned(edge, edges, all);
            assertTrue(mine.size() > 40, edge + " got only " + mine.size());
            mine.forEach(e -> seen.add(e.gateway().id()));
            total += mine.size();
        }
        assertEquals(200, total);
        assertEquals(200, seen.size());
    }

    @Test
    void aLeavingEdgeMovesOnlyItsOwnGateways() {
        List<RoutingSnapshot.GatewayEntry> all = gateways(100);
        List<RoutingSnapshot.GatewayEntry> before = ProbePlan.assigned("edge-a", Set.of("edge-a", "edge-b",
                "edge-c"), all);
        List<RoutingSnapshot.GatewayEntry> after = ProbePlan.assigned("edge-a", Set.of("edge-a", "edge-b"), all);
        assertTrue(after.containsAll(before), "edge-a keeps what it had and takes some of edge-c's");
    }

    @Test
    void aLoneEdgeProbesEverything() {
        assertEquals(10, ProbePlan.assigned("solo", Set.of(), gateways(10)).size());
    }
}
