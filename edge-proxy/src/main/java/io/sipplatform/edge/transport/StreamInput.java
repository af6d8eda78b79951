package io.sipplatform.edge.transport;

import io.sipplatform.sip.message.DatagramFramer;
import io.sipplatform.sip.message.Framed;
import io.sipplatform.sip.message.StreamFramer;
import io.vertx.core.buffer.Buffer;

import java.lang.System.Logger.Level;
import java.util.function.Consumer;

/**
 * The read side of one flow, confined to its event loop: frames the byte stream (TCP, TLS) or each WebSocket
 * message (one SIP message per WebSocket message, RFC 7118 §5), delivers messages, answers pings and malformed
 * requests.
 */
final class StreamInput implements Consumer<Framed> {
    private static final System.Logger LOG = System.getLogger(StreamInput.class.getName());
    private static final byte[] PONG = {'\r', '\n'};

    private final Flow flow;
    private final Wiring wiring;
    private final StreamFramer framer;
    private final DatagramFramer messageFramer;
    private long receivedNanos;

    StreamInput(Flow flow, Wiring wiring) {
        this.flow = flow;
        this.wiring = wiring;
        this.framer = new StreamFramer(wiring.settings().frameLimits());
        this.messageFramer = new DatagramFramer(wiring.settings().frameLimits());
    }

    /**
     * One whole WebSocket message: exactly one SIP message (RFC 7118 §5), framed like a datagram, so bytes past its
     * Content-Length are discarded (RFC 3261 §18.3) instead of being read as the start of another message, and a
     * malformed message never costs the connection.
     */
    void onMessage(Buffer data) {
        receivedNanos = System.nanoTime();
        accept(messageFramer.frame(data.getBytes()));
    }

    void onData(Buffer data) {
        receivedNanos = System.nanoTime();
        byte[] bytes = data.getBytes();
        framer.feed(bytes, 0, bytes.length, this);
    }

    @Override
    public void accept(Framed framed) {
        Transport transport = flow.transport();
        TransportMetrics metrics = wiring.metrics();
        if (framed instanceof Framed.Message m) {
            metrics.received(transport);
            try {
                wiring.handler().accept(new Inbound(m.message(), transport, flow.remote(), flow.local(), flow.id(),
                        receivedNanos));
            } catch (RuntimeException e) {
                metrics.handlerFailed(transport);
                LOG.log(Level.WARNING, "inbound handler failed on " + flow, e);
            }
        } else if (framed instanceof Framed.KeepAlive k) {
            metrics.keepAlive(transport, k.kind());
            if (k.kind() == Framed.KeepAlive.Kind.PING) {
                flow.write(PONG); // RFC 5626 §3.5.1: a CRLFCRLF ping is answered with a CRLF pong
            }
        } else if (framed instanceof Framed.Malformed bad) {
            malformed(bad);
        }
    }

    private void malformed(Framed.Malformed bad) {
        Transport transport = flow.transport();
        TransportMetrics metrics = wiring.metrics();
        metrics.malformed(transport, bad.reason());
        LOG.log(Level.DEBUG, () -> "malformed frame on " + flow + ": " + bad.reason() + " " + bad.detail());
        byte[] answer = MalformedAnswer.bytes(bad);
        // a WebSocket message carries one SIP message: a bad one loses no framing, so the connection stays
        boolean fatal = bad.fatal() && flow.transport() != Transport.WS && flow.transport() != Transport.WSS;
        if (answer == null) {
            metrics.dropped(transport, bad.reason());
            if (fatal) {
                flow.close();
            }
            return;
        }
        metrics.sent(transport);
        if (fatal) {
            // the framing is lost: answer, then close once the answer is written (RFC 3261 §18.3)
            flow.write(answer).onComplete(ar -> flow.close());
        } else {
            flow.write(answer);
        }
    }
}
