package io.sipplatform.edge.gateway;

import io.sipplatform.edge.transport.Destination;

import java.util.function.Consumer;

/**
 * Sends one OPTIONS probe in a client transaction (retransmitted over UDP per RFC 3261 §17.1.2) and reports its one
 * outcome. Implemented over the shard that owns the probe's Call-ID, so the response finds its transaction.
 */
@FunctionalInterface
public interface OptionsSender {

    /**
     * The outcome of a probe.
     *
     * @param code    final status, or 0 when none came
     * @param reason  reason phrase of the final response
     * @param timeout true when Timer F fired (only meaningful without a code)
     */
    record Outcome(int code, String reason, boolean timeout) {
    }

    /** Sends an OPTIONS for {@code requestUri} to {@code destination}; {@code done} is called once, on any thread. */
    void send(String requestUri, Destination destination, Consumer<Outcome> done);
}
