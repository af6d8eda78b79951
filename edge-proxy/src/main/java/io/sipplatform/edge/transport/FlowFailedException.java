package io.sipplatform.edge.transport;

import java.io.IOException;

/**
 * No connection reaches the destination and none can be opened: a WebSocket peer whose connection closed (the edge
 * cannot open WebSocket connections). A proxy answers 430 Flow Failed for a request that had to use this flow
 * (RFC 5626 §5.3), or 480/408 otherwise.
 */
public final class FlowFailedException extends IOException {

    public FlowFailedException(String message) {
        super(message);
    }
}
