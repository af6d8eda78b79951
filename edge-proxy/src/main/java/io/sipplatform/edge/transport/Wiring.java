package io.sipplatform.edge.transport;

import io.vertx.core.Vertx;

import java.util.List;
import java.util.function.Consumer;

/** What every listener and connection of one {@link SipTransports} shares. */
record Wiring(Vertx vertx, TransportSettings settings, TransportMetrics metrics, FlowRegistry flows,
              Admission admission, Consumer<Inbound> handler, List<Consumer<BoundListener>> reloadListeners) {
}
