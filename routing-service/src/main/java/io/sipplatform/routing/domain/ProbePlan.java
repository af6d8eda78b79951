package io.sipplatform.routing.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Spreads OPTIONS probing over the edge replicas: each gateway is probed by exactly one of the edges seen recently,
 * chosen by rendezvous hashing (highest random weight), so when an edge comes or goes only its own gateways move.
 * Every routing replica computes the same assignment from the same edge set, without coordination.
 */
public final class ProbePlan {
    private ProbePlan() {
    }

    /** The gateways {@code edgeId} should probe, out of {@code gateways}, given the active {@code edges}. */
    public static List<RoutingSnapshot.GatewayEntry> assigned(String edgeId, Collection<String> edges,
            List<RoutingSnapshot.GatewayEntry> gateways) {
        List<RoutingSnapshot.GatewayEntry> out = new ArrayList<>();
        for (RoutingSnapshot.GatewayEntry entry : gateways) {
            String owner = edgeId;
            long best = score(edgeId, entry.gateway().id());
            for (String edge : edges) {
                long s = score(edge, entry.gateway().id());
                if (s > best || s == best && edge.compareTo(owner) < 0) {
                    best = s;
                    owner = edge;
                }
            }
            if (owner.equals(edgeId)) {
                out.add(entry);
            }
        }
        return out;
    }

    // FNV-1a over "edge\0gateway", then a 64-bit finaliser (SplitMix64): stable across JVMs and versions.
    static long score(String edge, String gateway) {
        long h = 0xcbf29ce484222325L;
        for (byte b : (edge + '\u0000' + gateway).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
