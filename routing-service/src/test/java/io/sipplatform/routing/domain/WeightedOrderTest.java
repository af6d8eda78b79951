package io.sipplatform.routing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightedOrderTest {
    private static List<RouteCarrier> order(List<RouteCarrier> carriers, SplittableRandom random) {
        return WeightedOrder.order(carriers, RouteCarrier::priority, RouteCarrier::weight, random);
    }

    @Test
    void firstAttemptsFollowTheWeightsWithinOnePriority() {
        List<RouteCarrier> carriers = List.of(new RouteCarrier("a", 0, 70), new RouteCarrier("b", 0, 20),
                new RouteCarrier("c", 0, 10), new RouteCarrier("backup", 1, 100));
        SplittableRandom random = new SplittableRandom(20261121L);
        int rounds = 100_000;
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < rounds; i++) {
            List<RouteCarrier> ordered = order(carriers, random);
            first.merge(ordered.get(0).carrierId(), 1, Integer::sum);
            assertEquals("backup", ordered.get(3).carrierId(), "a higher priority value always comes last");
        }
        // Chi-square goodness of fit, 2 degrees of freedom: 13.8 is the 0.1% critical value.
        double chiSquare = 0;
        Map<String, Double> expected = Map.of("a", 0.7, "b", 0.2, "c", 0.1);
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            double want = e.getValue() * rounds;
            double got = first.getOrDefault(e.getKey(), 0);
            chiSquare += (got - want) * (got - want) / want;
        }
        assertTrue(chiSquare < 13.8, "first-attempt shares " + first + " deviate (chi2=" + chiSquare + ")");
    }

    @Test
    void secondAttemptFollowsTheRemainingWeights() {
        // After "a" (weight 70) is drawn first, b:c should stay 2:1 for the second place.
        List<RouteCarrier> carriers = List.of(new RouteCarrier("a", 0, 70), new RouteCarrier("b", 0, 20),
                new RouteCarrier("c", 0, 10));
        SplittableRandom random = new SplittableRandom(7);
        int b = 0;
        int c = 0;
        for (int i = 0; i < 50_000; i++) {
            List<RouteCarrier> ordered = order(carriers, random);
            if (ordered.get(0).carrierId().equals("a")) {
                if (ordered.get(1).carrierId().equals("b")) {
                    b++;
                } else {
                    c++;
                }
            }
        }
        double share = (double) b / (b + c);
        assertTrue(Math.abs(share - 2.0 / 3) < 0.015, "b after a: " + share);
    }

    @Test
    void zeroWeightComesAfterTheWeightedOnesOfItsPriority() {
        List<RouteCarrier> carriers = List.of(new RouteCarrier("spare", 0, 0), new RouteCarrier("main", 0, 1),
                new RouteCarrier("late", 5, 1));
        assertEquals(List.of("main", "spare", "late"),
                order(carriers, new SplittableRandom(1)).stream().map(RouteCarrier::carrierId).toList());
    }

    @Test
    void sameSeedGivesTheSameOrder() {
        List<RouteCarrier> carriers = List.of(new RouteCarrier("a", 0, 1), new RouteCarrier("b", 0, 1),
                new RouteCarrier("c", 0, 1), new RouteCarrier("d", 0, 1));
        assertEquals(order(carriers, new SplittableRandom(99)), order(carriers, new SplittableRandom(99)));
    }
}
