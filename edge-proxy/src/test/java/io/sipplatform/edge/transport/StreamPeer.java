package io.sipplatform.edge.transport;

import io.sipplatform.sip.message.Framed;
import io.sipplatform.sip.message.SipMessage;
import io.sipplatform.sip.message.StreamFramer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.net.NetSocket;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The far end of a TCP/TLS/WS connection in a test: writes bytes, reads what the edge sent, sees the close. */
final class StreamPeer implements AutoCloseable {
    private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final StreamFramer framer = new StreamFramer();
    private final ArrayDeque<Framed> frames = new ArrayDeque<>();
    private final Function<byte[], Future<Void>> writer;
    private final Runnable closer;
    private final NetSocket socket;
    private final WebSocket webSocket;

    private StreamPeer(NetSocket socket, WebSocket webSocket, Function<byte[], Future<Void>> writer,
                       Runnable closer) {
        this.socket = socket;
        this.webSocket = webSocket;
        this.writer = writer;
        this.closer = closer;
    }

    static StreamPeer of(NetSocket socket) {
        StreamPeer peer = new StreamPeer(socket, null, b -> socket.write(Buffer.buffer(b)), socket::close);
        socket.handler(b -> peer.chunks.add(b.getBytes()));
        socket.closeHandler(v -> peer.closed.complete(null));
        return peer;
    }

    /** A WebSocket peer that sends each write as one text message (RFC 7118 §5.1). */
    static StreamPeer of(WebSocket ws) {
        StreamPeer peer = new StreamPeer(null, ws, b -> ws.writeTextMessage(new String(b,
                java.nio.charset.StandardCharsets.UTF_8)), ws::close);
        ws.handler(b -> peer.chunks.add(b.getBytes()));
        ws.closeHandler(v -> peer.closed.complete(null));
        return peer;
    }

    NetSocket socket() {
        return socket;
    }

    WebSocket webSocket() {
        return webSocket;
    }

    /** Writes and waits until the bytes are handed to the socket. */
    void write(byte[] bytes) throws Exception {
        writer.apply(bytes).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The next frame the edge sent (message, keep-alive or malformed), within 10 s. */
    Framed nextFrame() throws InterruptedException {
        while (frames.isEmpty()) {
            byte[] chunk = chunks.poll(10, TimeUnit.SECONDS);
            assertNotNull(chunk, "nothing received within 10 s");
            framer.feed(chunk, frames::add);
            if (frames.isEmpty() && framer.pendingCrlf()) {
                return Framed.KeepAlive.PONG; // a lone CRLF at a boundary is the pong (RFC 5626 §4.4.1)
            }
        }
        return frames.poll();
    }

    SipMessage nextMessage() throws InterruptedException {
        Framed f = nextFrame();
        if (f instanceof Framed.Message m) {
            return m.message();
        }
        return fail("expected a SIP message, got " + f);
    }

    void awaitClosed() throws Exception {
        closed.get(10, TimeUnit.SECONDS);
        assertTrue(closed.isDone());
    }

    CompletableFuture<Void> closed() {
        return closed;
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        closer.run();
    }
}
