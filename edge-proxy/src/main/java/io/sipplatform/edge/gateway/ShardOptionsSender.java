package io.sipplatform.edge.gateway;

import io.sipplatform.edge.proxy.EdgeIdentity;
import io.sipplatform.edge.transaction.ClientListener;
import io.sipplatform.edge.transaction.ClientTransaction;
import io.sipplatform.edge.transaction.TransactionLayer;
import io.sipplatform.edge.transport.Destination;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.sip.message.SipMessageBuilder;
import io.sipplatform.sip.message.SipMethod;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Sends OPTIONS probes in client transactions of the shard that owns each probe's Call-ID (the response is
 * dispatched there by Call-ID), with this edge's advertised address in Via and From.
 */
public final class ShardOptionsSender implements OptionsSender {
    private final EdgeIdentity me;
    private final BiConsumer<String, Consumer<TransactionLayer>> onShard;
    private final AtomicLong counter = new AtomicLong();
    private final String salt = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));

    /**
     * @param me      this replica's identity (advertised addresses)
     * @param onShard runs a task on the shard owning a Call-ID, with that shard's transaction layer
     */
    public ShardOptionsSender(EdgeIdentity me, BiConsumer<String, Consumer<TransactionLayer>> onShard) {
        this.me = me;
        this.onShard = onShard;
    }

    @Override
    public void send(String requestUri, Destination destination, Consumer<Outcome> done) {
        String n = Long.toString(counter.incrementAndGet(), 36) + salt;
        String callId = "probe-" + me.replicaId() + "-" + n;
        onShard.accept(callId, layer -> {
            Transport t = destination.transport();
            EdgeIdentity.HostPort hp = me.pointFor(t);
            String host = hp.host().indexOf(':') >= 0 && !hp.host().startsWith("[") ? "[" + hp.host() + "]"
                    : hp.host();
            try {
                SipRequest options = (SipRequest) SipMessageBuilder.request(SipMethod.OPTIONS, requestUri)
                        .addHeader("Via", "SIP/2.0/" + t.viaToken() + " " + host + ":" + hp.port()
                                + ";branch=z9hG4bK-" + me.replicaId() + "-p" + n + ";rport")
                        .addHeader("Max-Forwards", "70")
                        .addHeader("From", "<sip:ping@" + host + ">;tag=" + n)
                        .addHeader("To", "<" + requestUri + ">")
                        .addHeader("Call-ID", callId)
                        .addHeader("CSeq", "1 OPTIONS")
                        .build();
                layer.sendRequest(options, destination, new Listener(done));
            } catch (RuntimeException e) {
                done.accept(new Outcome(0, "", false)); // an unusable Request-URI: nothing could be sent
            }
        });
    }

    /** Turns the client transaction's one outcome into an {@link Outcome}. */
    private record Listener(Consumer<Outcome> done) implements ClientListener {
        @Override
        public void onProvisional(ClientTransaction transaction, SipResponse response) {
        }

        @Override
        public void onFinal(ClientTransaction transaction, SipResponse response) {
            done.accept(new Outcome(response.statusCode(), response.reasonPhrase(), false));
        }

        @Override
        public void onAdditionalSuccess(ClientTransaction transaction, SipResponse response) {
        }

        @Override
        public void onTimeout(ClientTransaction transaction) {
            done.accept(new Outcome(0, "", true));
        }

        @Override
        public void onTransportError(ClientTransaction transaction, Throwable cause) {
            done.accept(new Outcome(0, "", false));
        }
    }
}
