package io.sipplatform.bench.routing;

import io.sipplatform.routing.domain.PrefixTrie;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Longest-prefix match of E.164 destinations against a route table of {@code prefixes} prefixes (default
 * 1 000 000), as routing-service's decision path does it ({@code PrefixTrie.longestMatch}), and, as the reference
 * in the same run, the common alternative: a hash map of prefixes probed from the longest possible length down.
 *
 * <p>Prefixes are '+' and 2 to 9 digits (first digit 1-9), drawn with a fixed seed; half the destinations extend a
 * provisioned prefix (a deep match), half are random 12-digit numbers (shallow or no match). One invocation looks
 * up all {@value #DESTINATIONS} destinations, so the score is lookups per second. {@code RouteLookupBenchTest}
 * checks that both ways find the same prefix for every destination.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class RouteLookupBench {
    static final int DESTINATIONS = 4096;

    @Param("1000000")
    public int prefixes;

    PrefixTrie<String> trie;
    Map<String, String> byPrefix;
    int longestPrefix;
    String[] destinations;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(20261121L);
        Set<String> drawn = new LinkedHashSet<>();
        while (drawn.size() < prefixes) {
            drawn.add(digits(random, 2 + random.nextInt(8)));
        }
        PrefixTrie.Builder<String> builder = PrefixTrie.builder();
        byPrefix = new HashMap<>(prefixes * 2);
        for (String prefix : drawn) {
            String route = "route-" + prefix.substring(1);
            builder.put(prefix, route);
            byPrefix.put(prefix, route);
            longestPrefix = Math.max(longestPrefix, prefix.length());
        }
        trie = builder.build();
        List<String> list = List.copyOf(drawn);
        destinations = new String[DESTINATIONS];
        for (int i = 0; i < DESTINATIONS; i++) {
            if (i % 2 == 0) {
                String prefix = list.get(random.nextInt(list.size()));
                destinations[i] = prefix + digits(random, 13 - prefix.length()).substring(1);
            } else {
                destinations[i] = digits(random, 12);
            }
        }
    }

    /** routing-service's PrefixTrie (the decision path). */
    @Benchmark
    @OperationsPerInvocation(DESTINATIONS)
    public void trie(Blackhole bh) {
        for (String destination : destinations) {
            bh.consume(trie.longestMatch(destination));
        }
    }

    /** Reference: one hash lookup per candidate prefix length, longest first. */
    @Benchmark
    @OperationsPerInvocation(DESTINATIONS)
    public void hashProbing(Blackhole bh) {
        for (String destination : destinations) {
            bh.consume(probe(destination));
        }
    }

    String probe(String destination) {
        for (int length = Math.min(destination.length(), longestPrefix); length >= 2; length--) {
            String route = byPrefix.get(destination.substring(0, length));
            if (route != null) {
                return route;
            }
        }
        return null;
    }

    /** '+' and {@code count} digits, the first 1-9 (no E.164 country code starts with 0). */
    private static String digits(Random random, int count) {
        StringBuilder b = new StringBuilder(count + 1).append('+').append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < count; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }
}
