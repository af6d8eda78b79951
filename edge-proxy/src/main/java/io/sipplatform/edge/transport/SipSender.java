package io.sipplatform.edge.transport;

import java.util.function.Consumer;

/**
 * Sends SIP bytes. Implementations never block the caller; a failure (connection refused or reset, no route,
 * flow gone) is reported once to {@code onFailure}, on the caller's event loop when there is one.
 */
public interface SipSender {
    void send(Destination destination, byte[] bytes, Consumer<Throwable> onFailure);
}
