package io.sipplatform.edge.transport;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The inbound handler of a test: records each message with the Vert.x context and thread it arrived on. */
final class Deliveries implements Consumer<Inbound> {

    record Delivery(Inbound inbound, Context context, boolean onEventLoopThread) {
        String callId() {
            return inbound.message().callId();
        }
    }

    private final LinkedBlockingQueue<Delivery> queue = new LinkedBlockingQueue<>();

    @Override
    public void accept(Inbound inbound) {
        queue.add(new Delivery(inbound, Vertx.currentContext(), Context.isOnEventLoopThread()));
    }

    Delivery next() throws InterruptedException {
        Delivery d = queue.poll(10, TimeUnit.SECONDS);
        assertNotNull(d, "no inbound message within 10 s");
        return d;
    }

    /** Asserts nothing else was delivered so far (call after a barrier message was seen). */
    void assertEmpty() {
        assertNull(queue.poll(), "unexpected inbound message");
    }
}
