package io.sipplatform.registrar.store;

import java.util.List;
import java.util.Objects;

/**
 * How this site's cluster reaches the other sites (Infinispan cross-site replication over JGroups RELAY2): the site
 * master of each site joins a bridge cluster, and the location cache backs up asynchronously to every other site.
 *
 * @param localSite         this site's name; the same on every node of the site
 * @param sites             every site's name, this one included
 * @param bridgeBindAddress address the bridge cluster listens on (the site master's reachable address)
 * @param bridgePort        bridge TCP port; its failure detection uses bridgePort plus the cluster's fd offset
 * @param bridgeHosts       bridge members of all sites, {@code host[port]}
 */
public record CrossSite(String localSite, List<String> sites, String bridgeBindAddress, int bridgePort,
        List<String> bridgeHosts) {

    public CrossSite {
        Objects.requireNonNull(localSite, "localSite");
        sites = List.copyOf(sites);
        Objects.requireNonNull(bridgeBindAddress, "bridgeBindAddress");
        bridgeHosts = List.copyOf(bridgeHosts);
        if (!sites.contains(localSite) || sites.size() < 2) {
            throw new IllegalArgumentException("cross-site needs at least two sites including " + localSite);
        }
        if (bridgeHosts.isEmpty()) {
            throw new IllegalArgumentException("cross-site needs bridge hosts");
        }
    }

    /** The sites this one backs up to. */
    public List<String> remoteSites() {
        return sites.stream().filter(site -> !site.equals(localSite)).toList();
    }
}
