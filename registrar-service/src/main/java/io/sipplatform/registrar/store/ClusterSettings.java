package io.sipplatform.registrar.store;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one node joins the location cache cluster.
 *
 * @param discovery    how members find each other
 * @param clusterName  JGroups cluster name; nodes with different names never merge
 * @param nodeName     this node's name in views and logs (e.g. the pod name)
 * @param bindAddress  address JGroups TCP listens on
 * @param bindPort     port JGroups TCP listens on; failure detection (FD_SOCK2) uses bindPort + fdPortOffset
 * @param fdPortOffset offset of the FD_SOCK2 port from bindPort
 * @param initialHosts STATIC only: members as {@code host[port]} or {@code host:port}
 * @param dnsQuery     DNS only: the headless Service name whose A records list the members
 * @param owners       copies of each entry; 2 survives the loss of any one node
 * @param joinTimeout  how long discovery waits for existing members before this node starts a cluster of its own
 * @param crossSite    backup to other sites, when configured
 */
public record ClusterSettings(Discovery discovery, String clusterName, String nodeName, String bindAddress,
        int bindPort, int fdPortOffset, List<String> initialHosts, String dnsQuery, int owners,
        Duration joinTimeout, Optional<CrossSite> crossSite) {

    /** How members find each other; LOCAL runs one node without any network. */
    public enum Discovery {
        /** No cluster: a single node with local caches (the local run). */
        LOCAL,
        /** JGroups TCPPING with a fixed member list (tests, fixed hosts). */
        STATIC,
        /** JGroups DNS_PING on a Kubernetes headless Service. */
        DNS
    }

    public ClusterSettings {
        Objects.requireNonNull(discovery, "discovery");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(bindAddress, "bindAddress");
        initialHosts = List.copyOf(initialHosts);
        dnsQuery = dnsQuery == null ? "" : dnsQuery;
        Objects.requireNonNull(joinTimeout, "joinTimeout");
        if (owners < 1) {
            throw new IllegalArgumentException("owners must be at least 1: " + owners);
        }
        if (discovery == Discovery.STATIC && initialHosts.isEmpty()) {
            throw new IllegalArgumentException("static discovery needs initial hosts");
        }
        if (discovery == Discovery.DNS && dnsQuery.isEmpty()) {
            throw new IllegalArgumentException("DNS discovery needs a DNS query");
        }
        Objects.requireNonNull(crossSite, "crossSite");
        if (discovery == Discovery.LOCAL && crossSite.isPresent()) {
            throw new IllegalArgumentException("cross-site replication needs a clustered node");
        }
    }

    /** A single node without network: the local run. */
    public static ClusterSettings local(String nodeName) {
        return new ClusterSettings(Discovery.LOCAL, "registrar", nodeName, "127.0.0.1", 0, 0, List.of(), "", 1,
                Duration.ofSeconds(1), Optional.empty());
    }
}
