package io.sipplatform.routing.cluster;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.remoting.transport.jgroups.JGroupsTransport;
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
import org.jgroups.stack.Protocol;
import org.jgroups.util.SocketFactory;

/**
 * One routing replica's Infinispan cache manager and its three caches. Built from {@link ClusterSettings} with a
 * JGroups stack assembled in code (the TCP stack Infinispan ships, with TCPPING or DNS_PING discovery), so several
 * nodes can run in one JVM with different ports - system-property placeholders would be shared by all of them.
 */
public final class ClusterNode implements AutoCloseable {
    /** Limit slots: distributed, each key on {@code owners} nodes, conditional writes on the primary owner. */
    static final String LIMITS = "limits";
    /** Gateway health: replicated, so every decision reads it locally. */
    static final String GATEWAY_HEALTH = "gateway-health";
    /** Edges that asked for probe targets: replicated. */
    static final String EDGES = "edges";

    private final DefaultCacheManager manager;

    public ClusterNode(ClusterSettings settings) {
        GlobalConfigurationBuilder global;
        if (settings.clustered()) {
            global = GlobalConfigurationBuilder.defaultClusteredBuilder();
            // A channel configurator, not a transport instance: Infinispan builds its own transport and would
            // fall back to its default UDP stack (multicast, joining strangers) if handed a ready channel.
            global.transport().clusterName(settings.clusterName())
                    .addProperty(JGroupsTransport.CHANNEL_CONFIGURATOR, new CodedStack(settings));
        } else {
            global = new GlobalConfigurationBuilder().nonClusteredDefault();
        }
        global.cacheContainer().statistics(false);
        global.jmx().enabled(false);
        manager = new DefaultCacheManager(global.build(), false);
        manager.defineConfiguration(LIMITS, cache(settings, CacheMode.DIST_SYNC));
        manager.defineConfiguration(GATEWAY_HEALTH, cache(settings, CacheMode.REPL_SYNC));
        manager.defineConfiguration(EDGES, cache(settings, CacheMode.REPL_SYNC));
        manager.start();
        // Start the caches now: a replica is not ready before it holds its share of the slots.
        manager.startCaches(LIMITS, GATEWAY_HEALTH, EDGES);
    }

    private static org.infinispan.configuration.cache.Configuration cache(ClusterSettings settings,
            CacheMode clusteredMode) {
        ConfigurationBuilder builder = new ConfigurationBuilder();
        if (settings.clustered()) {
            builder.clustering().cacheMode(clusteredMode);
            if (clusteredMode == CacheMode.DIST_SYNC) {
                builder.clustering().hash().numOwners(Math.max(1, settings.owners()));
            }
        } else {
            builder.clustering().cacheMode(CacheMode.LOCAL);
        }
        // Lifespans are only garbage collection (expiry that matters is in the values), so a slow reaper is fine.
        builder.expiration().wakeUpInterval(30, TimeUnit.SECONDS);
        return builder.build();
    }

    /** {@code host[port]} as in JGroups' initial_hosts. */
    static InetSocketAddress member(String text) {
        int open = text.indexOf('[');
        if (open <= 0 || !text.endsWith("]")) {
            throw new IllegalArgumentException("cluster member must be host[port]: " + text);
        }
        return new InetSocketAddress(text.substring(0, open), Integer.parseInt(text.substring(open + 1,
                text.length() - 1)));
    }

    /**
     * The JGroups stack as code: Infinispan's TCP stack with TCPPING or DNS_PING, bound to this node's address and
     * port.
     */
    static final class CodedStack implements JGroupsChannelConfigurator {
        private final ClusterSettings settings;

        CodedStack(ClusterSettings settings) {
            this.settings = settings;
        }

        @Override
        public String getName() {
            return "routing-tcp";
        }

        @Override
        public JChannel createChannel(String name) throws Exception {
            return channel(settings);
        }

        @Override
        public void setSocketFactory(SocketFactory socketFactory) {
            // the JDK's sockets
        }

        @Override
        public void setDataSource(javax.sql.DataSource dataSource) {
            // no JDBC_PING
        }

        @Override
        public String getProtocolStackString() {
            return getName();
        }

        @Override
        public List<ProtocolConfiguration> getProtocolStack() {
            return List.of();
        }
    }

    static JChannel channel(ClusterSettings settings) {
        try {
            InetAddress bind = InetAddress.getByName(settings.bindAddress());
            List<Protocol> stack = new ArrayList<>();
            stack.add(new TCP().setBindAddress(bind).setBindPort(settings.bindPort()).setPortRange(0));
            if (settings.dnsQuery() != null) {
                stack.add(new DNS_PING().setDNSQuery(settings.dnsQuery()));
            } else {
                List<InetSocketAddress> hosts = new ArrayList<>();
                for (String member : settings.initialHosts()) {
                    hosts.add(member(member));
                }
                if (hosts.isEmpty()) {
                    hosts.add(new InetSocketAddress(bind, settings.bindPort()));
                }
                stack.add(new TCPPING().setInitialHosts(hosts).setPortRange(0));
            }
            stack.add(new MERGE3().setMinInterval(10_000).setMaxInterval(30_000));
            stack.add(new FD_SOCK2().setOffset(100));
            stack.add(new FD_ALL3());
            stack.add(new VERIFY_SUSPECT2());
            stack.add(new NAKACK2().useMcastXmit(false));
            stack.add(new UNICAST3());
            stack.add(new STABLE());
            stack.add(new GMS().setJoinTimeout(2000).printLocalAddress(false));
            stack.add(new UFC());
            stack.add(new MFC());
            stack.add(new FRAG4());
            return new JChannel(stack);
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the JGroups stack: " + e.getMessage(), e);
        }
    }

    Cache<String, String> limits() {
        return manager.getCache(LIMITS);
    }

    Cache<String, String> gatewayHealth() {
        return manager.getCache(GATEWAY_HEALTH);
    }

    Cache<String, String> edges() {
        return manager.getCache(EDGES);
    }

    /** The JGroups protocol names in use, bottom first, for logs and tests; empty when local. */
    public String transportStack() {
        org.infinispan.remoting.transport.Transport t = org.infinispan.manager.impl.InternalCacheManager
                .of(manager).getComponent(org.infinispan.remoting.transport.Transport.class);
        if (!(t instanceof JGroupsTransport)) {
            return "";
        }
        return ((JGroupsTransport) t).getChannel().getProtocolStack().printProtocolSpecAsPlainString();
    }

    /** Members of the cluster as this node sees them (1 when local). */
    public int members() {
        return manager.getMembers() == null ? 1 : manager.getMembers().size();
    }

    /** True once the caches run and (clustered) this node took part in a rebalance. */
    public boolean running() {
        return manager.getStatus().allowInvocations()
                && manager.getCache(LIMITS).getStatus().allowInvocations();
    }

    public InfinispanSlotStore slotStore() {
        return new InfinispanSlotStore(limits());
    }

    public InfinispanGatewayStates gatewayStates() {
        return new InfinispanGatewayStates(gatewayHealth());
    }

    public InfinispanEdgeRoster edgeRoster(java.time.Duration ttl) {
        return new InfinispanEdgeRoster(edges(), ttl);
    }

    @Override
    public void close() {
        manager.stop();
    }
}
