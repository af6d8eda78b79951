package io.sipplatform.bench.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipplatform.routing.domain.PrefixTrie;
import org.junit.jupiter.api.Test;

/** The two lookups of RouteLookupBench compare like with like: the same route for every destination. */
class RouteLookupBenchTest {
    @Test
    void trieAndHashProbingFindTheSameRouteForEveryDestination() {
        RouteLookupBench bench = new RouteLookupBench();
        bench.prefixes = 50_000;
        bench.setUp();
        assertEquals(50_000, bench.trie.size());
        int deep = 0;
        for (String destination : bench.destinations) {
            String viaTrie = bench.trie.longestMatch(destination).map(PrefixTrie.Match::value).orElse(null);
            assertEquals(bench.probe(destination), viaTrie, destination);
            if (viaTrie != null && viaTrie.length() > "route-".length() + 4) {
                deep++;
            }
        }
        // Half the destinations extend a provisioned prefix, so many matches are deep ones.
        assertTrue(deep > RouteLookupBench.DESTINATIONS / 4, "deep matches: " + deep);
    }
}
