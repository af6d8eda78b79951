package io.sipplatform.registrar.store;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.infinispan.remoting.transport.jgroups.JGroupsChannelConfigurator;
import org.jgroups.JChannel;
import org.jgroups.conf.ProtocolConfiguration;
import org.jgroups.protocols.FD_ALL3;
import org.jgroups.protocols.FD_SOCK2;
import org.jgroups.protocols.FRAG4;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.MFC;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UFC;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.VERIFY_SUSPECT2;
import org.jgroups.protocols.dns.DNS_PING;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;
import org.jgroups.protocols.relay.RELAY2;
import org.jgroups.protocols.relay.config.RelayConfig;
import org.jgroups.stack.Protocol;
import org.jgroups.util.SocketFactory;

/**
 * The JGroups stack of a registrar node, built in code rather than from XML with {@code ${jgroups.*}} system
 * properties, so several nodes with different ports can run in one JVM (tests). Shaped like Infinispan's default TCP
 * stack: TCP transport, TCPPING or DNS_PING discovery, socket plus heartbeat failure detection (a killed process is
 * noticed when its sockets close), reliable unicast and multicast over TCP, flow control and fragmentation.
 */
public final class JGroupsStack {
    private JGroupsStack() {
    }

    /**
     * Hands {@link #channel} to Infinispan (transport property {@code channelConfigurator}). Infinispan builds its
     * own default UDP channel unless given one this way; a JGroupsTransport instance set on the configuration
     * builder is not used.
     */
    public static JGroupsChannelConfigurator configurator(ClusterSettings settings) {
        return new JGroupsChannelConfigurator() {
            @Override
            public String getName() {
                return "registrar-" + settings.discovery().name().toLowerCase(java.util.Locale.ROOT);
            }

            @Override
            public JChannel createChannel(String clusterName) throws Exception {
                return channel(settings);
            }

            @Override
            public void setSocketFactory(SocketFactory socketFactory) {
                // The stack opens its own sockets; Infinispan's named socket factory only labels threads.
            }

            @Override
            public void setDataSource(DataSource dataSource) {
                // No JDBC_PING.
            }

            @Override
            public String getProtocolStackString() {
                return getName();
            }

            @Override
            public List<ProtocolConfiguration> getProtocolStack() {
                return List.of();
            }
        };
    }

    /** A channel for {@code settings}; not yet connected (Infinispan connects it). */
    public static JChannel channel(ClusterSettings settings) throws Exception {
        List<Protocol> stack = new ArrayList<>();
        stack.add(tcp(settings.bindAddress(), settings.bindPort()));
        stack.add(discovery(settings));
        stack.addAll(reliability(settings));
        if (settings.crossSite().isPresent()) {
            stack.add(relay(settings, settings.crossSite().get()));
        }
        JChannel channel = new JChannel(stack);
        channel.name(settings.nodeName());
        return channel;
    }

    private static TCP tcp(String address, int port) throws Exception {
        TCP tcp = new TCP();
        tcp.setBindAddress(InetAddress.getByName(address));
        tcp.setBindPort(port);
        tcp.setPortRange(0); // a node listens exactly where configured; members address it there
        return tcp;
    }

    /** Everything above discovery: merging, failure detection, reliable delivery, membership, flow control. */
    private static List<Protocol> reliability(ClusterSettings settings) {
        return List.of(
                new MERGE3().setMinInterval(10_000).setMaxInterval(30_000),
                new FD_SOCK2().setOffset(settings.fdPortOffset()),
                new FD_ALL3(),
                new VERIFY_SUSPECT2().setTimeout(1_000),
                new NAKACK2().useMcastXmit(false),
                new UNICAST3(),
                new STABLE(),
                new GMS().setJoinTimeout(settings.joinTimeout().toMillis()).printLocalAddress(false),
                new UFC(),
                new MFC(),
                new FRAG4());
    }

    /**
     * RELAY2 on top of the site's stack: the site master joins the bridge cluster (TCP + TCPPING to the other sites'
     * bridge ports) and forwards cross-site traffic; every site is declared, only the local one has a bridge.
     */
    private static RELAY2 relay(ClusterSettings settings, CrossSite crossSite) throws Exception {
        RELAY2 relay = new RELAY2().site(crossSite.localSite());
        for (String site : crossSite.sites()) {
            RelayConfig.SiteConfig config = new RelayConfig.SiteConfig(site);
            if (site.equals(crossSite.localSite())) {
                List<Protocol> bridge = new ArrayList<>();
                bridge.add(tcp(crossSite.bridgeBindAddress(), crossSite.bridgePort()));
                List<InetSocketAddress> members = new ArrayList<>();
                for (String host : crossSite.bridgeHosts()) {
                    members.add(parseHost(host));
                }
                bridge.add(new TCPPING().initialHosts(members).portRange(0));
                bridge.addAll(reliability(settings));
                config.addBridge(new RelayConfig.ProgrammaticBridgeConfig("registrar-bridge",
                        bridge.toArray(new Protocol[0])));
            }
            relay.addSite(site, config);
        }
        return relay;
    }

    private static Protocol discovery(ClusterSettings settings) {
        Protocol discovery;
        if (settings.discovery() == ClusterSettings.Discovery.DNS) {
            // A records of the headless Service list the pods; each listens on the same bind port.
            discovery = new DNS_PING().dnsQuery(settings.dnsQuery()).dnsRecordType("A");
        } else {
            List<InetSocketAddress> members = new ArrayList<>();
            for (String host : settings.initialHosts()) {
                members.add(parseHost(host));
            }
            discovery = new TCPPING().initialHosts(members).portRange(0);
        }
        // Ask three times per join attempt, as Infinispan's own stacks do: a pod that starts while the coordinator
        // is busy admitting another one would otherwise miss its reply, start a cluster of its own and stay split
        // until MERGE3 notices (up to a minute).
        return discovery.setValue("num_discovery_runs", 3);
    }

    /** Reads {@code host[port]} (JGroups style) or {@code host:port}. */
    static InetSocketAddress parseHost(String text) {
        String host;
        String port;
        int bracket = text.indexOf('[');
        if (bracket > 0 && text.endsWith("]")) {
            host = text.substring(0, bracket);
            port = text.substring(bracket + 1, text.length() - 1);
        } else {
            int colon = text.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("initial host needs a port: " + text);
            }
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
        }
        try {
            return new InetSocketAddress(host.trim(), Integer.parseInt(port.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in initial host: " + text, e);
        }
    }
}
