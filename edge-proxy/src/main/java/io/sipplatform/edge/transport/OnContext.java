package io.sipplatform.edge.transport;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.function.Supplier;

/**
 * Runs a listener's start on an event-loop context of its own (a verticle instance), so that its sockets, and the
 * connections they accept, live on that loop. Undeploying closes the servers and sockets created in it.
 */
final class OnContext extends AbstractVerticle {
    private final Supplier<Future<?>> start;

    OnContext(Supplier<Future<?>> start) {
        this.start = start;
    }

    @Override
    public void start(Promise<Void> started) {
        start.get().<Void>mapEmpty().onComplete(started);
    }
}
