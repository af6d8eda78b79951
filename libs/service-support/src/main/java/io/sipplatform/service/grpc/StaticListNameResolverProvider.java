package io.sipplatform.service.grpc;

import io.grpc.Attributes;
import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.Status;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A gRPC name resolver for a fixed list of {@code host:port} addresses, for services that run as several processes on
 * one host (the local launcher: three registrar nodes on 127.0.0.1 with different ports), where DNS cannot name the
 * ports. Target {@code static-list://NAME:PORT}: the addresses are the system property {@code grpc.static-list.NAME}
 * (or the environment variable {@code GRPC_STATIC_LIST_NAME}), comma-separated; without one, NAME:PORT itself. Each
 * address is its own address group, so grpc-java's {@code round_robin} balances over them and reconnects a
 * failed or idle one by itself (Quarkus's Stork balancer, used before, left a subchannel that went idle unused, and
 * could hand calls a stale picker until their deadline: 504s in the e2e run). Kubernetes uses DNS on a headless
 * Service instead.
 */
public final class StaticListNameResolverProvider extends NameResolverProvider {
    /** The target scheme, also the Quarkus {@code name-resolver} value. */
    public static final String SCHEME = "static-list";

    @Override
    protected boolean isAvailable() {
        return true;
    }

    @Override
    protected int priority() {
        return 4; // below DNS (5): used only when a target names this scheme
    }

    @Override
    public String getDefaultScheme() {
        return SCHEME;
    }

    @Override
    public Collection<Class<? extends SocketAddress>> getProducedSocketAddressTypes() {
        return List.of(InetSocketAddress.class);
    }

    @Override
    public NameResolver newNameResolver(URI target, NameResolver.Args args) {
        if (!SCHEME.equals(target.getScheme()) || target.getAuthority() == null) {
            return null;
        }
        String authority = target.getAuthority();
        int colon = authority.lastIndexOf(':');
        String name = colon > 0 ? authority.substring(0, colon) : authority;
        String list = System.getProperty("grpc.static-list." + name);
        if (list == null) {
            list = System.getenv("GRPC_STATIC_LIST_" + name.toUpperCase(Locale.ROOT).replace('-', '_')
                    .replace('.', '_'));
        }
        List<InetSocketAddress> addresses = parse(list != null ? list : authority);
        return new NameResolver() {
            private Listener2 listener;

            @Override
            public String getServiceAuthority() {
                return name;
            }

            @Override
            public void start(Listener2 l) {
                this.listener = l;
                resolve();
            }

            @Override
            public void refresh() {
                if (listener != null) {
                    resolve();
                }
            }

            private void resolve() {
                if (addresses.isEmpty()) {
                    listener.onError(Status.UNAVAILABLE.withDescription("no addresses for " + target));
                    return;
                }
                List<EquivalentAddressGroup> groups = new ArrayList<>();
                for (InetSocketAddress a : addresses) {
                    groups.add(new EquivalentAddressGroup(a));
                }
                listener.onResult(ResolutionResult.newBuilder().setAddresses(groups).setAttributes(Attributes.EMPTY)
                        .build());
            }

            @Override
            public void shutdown() {
                listener = null;
            }
        };
    }

    /** {@code host:port[,host:port...]}; IPv6 hosts in brackets. Unusable entries are skipped. */
    static List<InetSocketAddress> parse(String list) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (String entry : list.split(",")) {
            String e = entry.strip();
            int colon = e.lastIndexOf(':');
            if (colon <= 0 || colon == e.length() - 1) {
                continue;
            }
            String host = e.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            try {
                int port = Integer.parseInt(e.substring(colon + 1));
                if (port > 0 && port < 65536) {
                    out.add(new InetSocketAddress(host, port)); // IP literals in practice: no DNS lookup
                }
            } catch (NumberFormatException ignored) {
                // skipped
            }
        }
        return out;
    }
}
