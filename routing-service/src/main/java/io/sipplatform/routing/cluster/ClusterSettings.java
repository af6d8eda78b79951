package io.sipplatform.routing.cluster;

import java.util.List;

/**
 * How one node joins (or does not join) the routing cluster.
 *
 * @param clustered    false: local caches, no JGroups
 * @param clusterName  JGroups cluster name
 * @param bindAddress  address to bind JGroups TCP to
 * @param bindPort     JGroups TCP port; failure detection uses bindPort + 100
 * @param initialHosts TCPPING members as {@code host[port]}; ignored when dnsQuery is set
 * @param dnsQuery     DNS_PING query (a headless Service), or null for TCPPING
 * @param owners       copies of each distributed entry
 */
public record ClusterSettings(boolean clustered, String clusterName, String bindAddress, int bindPort,
        List<String> initialHosts, String dnsQuery, int owners) {
    public ClusterSettings {
        initialHosts = List.copyOf(initialHosts);
    }

    /** A single node without a cluster. */
    public static ClusterSettings local() {
        return new ClusterSettings(false, "routing", "127.0.0.1", 0, List.of(), null, 1);
    }
}
