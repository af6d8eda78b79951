package io.sipplatform.edge.transport;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The open flows of this edge process, by flow id and by peer address (connection reuse, RFC 3261 §18.1.1 and
 * §18.2.2). Lookups take no lock; registration happens once per connection.
 */
public final class FlowRegistry {
    private static final System.Logger LOG = System.getLogger(FlowRegistry.class.getName());

    private record Peer(Transport transport, InetSocketAddress remote) {
    }

    private final ConcurrentHashMap<String, Flow> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Peer, Flow> byPeer = new ConcurrentHashMap<>();
    private final List<Consumer<Flow>> closeListeners = new CopyOnWriteArrayList<>();
    private final TransportMetrics metrics;

    FlowRegistry(TransportMetrics metrics) {
        this.metrics = metrics;
    }

    /** The open flow with this id, or null (unknown, or closed). */
    public Flow get(String flowId) {
        return flowId == null ? null : byId.get(flowId);
    }

    /** An open flow of {@code transport} to exactly {@code remote} (address and port), or null. */
    public Flow find(Transport transport, InetSocketAddress remote) {
        return byPeer.get(new Peer(transport, remote));
    }

    /** Open flows. */
    public int size() {
        return byId.size();
    }

    /**
     * Adds a listener told once about every flow that closes (after it left the registry), on that flow's event
     * loop: the registrar integration drops bindings that used it, the proxy fails what waited on it.
     */
    public void onClose(Consumer<Flow> listener) {
        closeListeners.add(listener);
    }

    void register(Flow flow) {
        byId.put(flow.id(), flow);
        // the newest connection from a peer address wins; an older one stays reachable by its id
        byPeer.put(new Peer(flow.transport(), flow.remote()), flow);
        metrics.opened(flow.transport());
    }

    void closed(Flow flow) {
        if (!byId.remove(flow.id(), flow)) {
            return;
        }
        byPeer.remove(new Peer(flow.transport(), flow.remote()), flow);
        flow.markClosed();
        metrics.closed(flow.transport());
        for (Consumer<Flow> listener : closeListeners) {
            try {
                listener.accept(flow);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "flow close listener failed for " + flow, e);
            }
        }
    }
}
