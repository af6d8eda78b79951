package io.sipplatform.edge.transport;

import java.net.InetSocketAddress;

/**
 * A started listener.
 *
 * @param settings   what was configured
 * @param bound      the address actually bound (the real port when 0 was configured)
 * @param advertised what to put into Via, Record-Route, Path and Contact
 */
public record BoundListener(ListenerSettings settings, InetSocketAddress bound, ListenPoint advertised) {

    public Transport transport() {
        return settings.transport();
    }
}
