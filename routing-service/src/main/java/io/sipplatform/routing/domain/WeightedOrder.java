package io.sipplatform.routing.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.random.RandomGenerator;

/**
 * Attempt order for routes and gateways: ascending priority; within one priority a weighted random permutation
 * (each next pick with probability weight / remaining weight, as in RFC 2782's SRV selection), weight-0 entries
 * last in their given order.
 */
final class WeightedOrder {
    private WeightedOrder() {
    }

    static <T> List<T> order(List<T> items, ToIntFunction<T> priority, ToIntFunction<T> weight,
            RandomGenerator random) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingInt(priority)); // stable: equal priorities keep their given order
        List<T> out = new ArrayList<>(sorted.size());
        int i = 0;
        while (i < sorted.size()) {
            int p = priority.applyAsInt(sorted.get(i));
            int j = i;
            List<T> weighted = new ArrayList<>();
            List<T> unweighted = new ArrayList<>();
            while (j < sorted.size() && priority.applyAsInt(sorted.get(j)) == p) {
                T item = sorted.get(j++);
                (weight.applyAsInt(item) > 0 ? weighted : unweighted).add(item);
            }
            long total = 0;
            for (T item : weighted) {
                total += weight.applyAsInt(item);
            }
            while (!weighted.isEmpty()) {
                long pick = random.nextLong(total);
                int k = 0;
                long running = weight.applyAsInt(weighted.get(0));
                while (running <= pick) {
                    running += weight.applyAsInt(weighted.get(++k));
                }
                T chosen = weighted.remove(k);
                total -= weight.applyAsInt(chosen);
                out.add(chosen);
            }
            out.addAll(unweighted);
            i = j;
        }
        return out;
    }
}
