package io.sipplatform.edge.resolve;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One DNS query over TCP (RFC 1035 §4.2.2, RFC 7766 §8): a connection to the server, the query behind a two-octet
 * length, the answer read behind its own length, the connection closed. Used when a UDP answer came back
 * truncated. The answer is accepted only with the query's id and question; anything else - a close, a reset,
 * silence past the timeout, a malformed or foreign answer - fails the stage. Never blocks; the stage completes on
 * the connection's event loop.
 */
final class DnsTcp implements AutoCloseable {
    private final Vertx vertx;
    private final NetClient client;
    private final Duration timeout;

    DnsTcp(Vertx vertx, Duration timeout) {
        this.vertx = vertx;
        this.timeout = timeout;
        this.client = vertx.createNetClient(new NetClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()))));
    }

    /** Asks {@code server} for {@code name}/{@code type} with query id {@code id}, within one timeout. */
    CompletionStage<DnsWire.Answer> query(InetSocketAddress server, int id, String name, DnsRecord.Type type) {
        CompletableFuture<DnsWire.Answer> out = new CompletableFuture<>();
        byte[] q = DnsWire.query(id, name, type);
        Buffer framed = Buffer.buffer(q.length + 2).appendUnsignedShort(q.length).appendBytes(q);
        long timer = vertx.setTimer(Math.max(1, timeout.toMillis()),
                t -> out.completeExceptionally(new DnsClient.DnsFailure("timeout over TCP")));
        client.connect(server.getPort(), server.getHostString()).onComplete(connected -> {
            if (connected.failed()) {
                out.completeExceptionally(connected.cause());
                return;
            }
            NetSocket socket = connected.result();
            if (out.isDone()) { // timed out while connecting
                socket.close();
                return;
            }
            out.whenComplete((a, e) -> socket.close());
            Buffer received = Buffer.buffer();
            socket.handler(chunk -> {
                received.appendBuffer(chunk);
                if (received.length() >= 2 && received.length() >= 2 + received.getUnsignedShort(0)) {
                    accept(out, received.getBytes(2, 2 + received.getUnsignedShort(0)), id, name, type);
                }
            });
            socket.exceptionHandler(out::completeExceptionally);
            socket.closeHandler(v -> out.completeExceptionally(new DnsClient.DnsFailure("closed over TCP")));
            socket.write(framed);
        });
        return out.whenComplete((a, e) -> vertx.cancelTimer(timer));
    }

    private static void accept(CompletableFuture<DnsWire.Answer> out, byte[] message, int id, String name,
            DnsRecord.Type type) {
        try {
            DnsWire.Answer a = DnsWire.parse(message);
            if (a.id() == id && a.answers(name, type)) {
                out.complete(a);
            } else {
                out.completeExceptionally(new DnsClient.DnsFailure("TCP answer for another query"));
            }
        } catch (DnsWire.MalformedAnswer e) {
            out.completeExceptionally(new DnsClient.DnsFailure("malformed TCP answer: " + e.getMessage()));
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
