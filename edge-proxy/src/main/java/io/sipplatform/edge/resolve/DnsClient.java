package io.sipplatform.edge.resolve;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An asynchronous DNS stub client over one Vert.x UDP socket: random query ids (RFC 5452), answers accepted only
 * from the server asked and for the question asked, a timeout per attempt and the next server on the next attempt.
 * A truncated answer (TC) is asked again over TCP of the same server within the same attempt (RFC 1035 §4.2.2,
 * RFC 7766 §5), with a new random id and a timeout of its own; when TCP gives no answer, the records that fit in
 * the datagram are the answer, and a truncated answer without any fails the attempt. Never blocks; stages complete
 * on an event loop. Thread-safe.
 */
public final class DnsClient implements AutoCloseable {
    private final Vertx vertx;
    private final List<InetSocketAddress> servers;
    private final Duration timeout;
    private final int attempts;
    private final DatagramSocket socket;
    private final DnsTcp tcp;
    private final io.vertx.core.Future<DatagramSocket> bound;
    private final SecureRandom random = new SecureRandom();
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong queries = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong truncatedUsed = new AtomicLong();

    private record Pending(CompletableFuture<DnsWire.Answer> result, InetSocketAddress server, String name,
                           DnsRecord.Type type, long timer) {
    }

    /** Failure of a lookup: no answer from any server in time, or only malformed ones. */
    public static final class DnsFailure extends RuntimeException {
        DnsFailure(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param servers  name servers to ask, first first
     * @param timeout  time to wait for one attempt
     * @param attempts attempts per query, cycling through the servers
     */
    public DnsClient(Vertx vertx, List<InetSocketAddress> servers, Duration timeout, int attempts) {
        if (servers.isEmpty() || attempts < 1) {
            throw new IllegalArgumentException("need at least one DNS server and one attempt");
        }
        this.vertx = vertx;
        this.servers = List.copyOf(servers);
        this.timeout = timeout;
        this.attempts = attempts;
        this.socket = vertx.createDatagramSocket(new DatagramSocketOptions().setIpV6(false));
        this.socket.handler(this::onPacket);
        this.bound = this.socket.listen(0, "0.0.0.0");
        this.tcp = new DnsTcp(vertx, timeout);
    }

    /** Records of {@code type} for {@code name}; an empty answer (NODATA, NXDOMAIN) is a result, not a failure. */
    CompletionStage<DnsWire.Answer> query(String name, DnsRecord.Type type) {
        CompletableFuture<DnsWire.Answer> out = new CompletableFuture<>();
        attempt(name, type, 0, out);
        return out;
    }

    private void attempt(String name, DnsRecord.Type type, int n, CompletableFuture<DnsWire.Answer> out) {
        if (n >= attempts) {
            failures.incrementAndGet();
            out.completeExceptionally(new DnsFailure("no DNS answer for " + name + " " + type));
            return;
        }
        InetSocketAddress server = servers.get(n % servers.size());
        int id;
        do {
            id = newId();
        } while (pending.containsKey(id));
        byte[] q;
        try {
            q = DnsWire.query(id, name, type);
        } catch (IllegalArgumentException e) {
            out.completeExceptionally(new DnsFailure(e.getMessage()));
            return;
        }
        CompletableFuture<DnsWire.Answer> one = new CompletableFuture<>();
        int qid = id;
        long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), t -> {
            if (pending.remove(qid) != null) {
                one.completeExceptionally(new DnsFailure("timeout"));
            }
        });
        pending.put(id, new Pending(one, server, name, type, timer));
        queries.incrementAndGet();
        bound.compose(s -> s.send(Buffer.buffer(q), server.getPort(), server.getHostString())).onFailure(e -> {
            if (pending.remove(qid) != null) {
                vertx.cancelTimer(timer);
                one.completeExceptionally(e);
            }
        });
        one.whenComplete((answer, failure) -> {
            if (failure == null) {
                out.complete(answer);
            } else {
                attempt(name, type, n + 1, out);
            }
        });
    }

    private void onPacket(DatagramPacket packet) {
        DnsWire.Answer a;
        try {
            a = DnsWire.parse(packet.data().getBytes());
        } catch (DnsWire.MalformedAnswer e) {
            return; // a malformed datagram is ignored; the attempt times out if no good answer follows
        }
        Pending p = pending.get(a.id());
        if (p == null || p.server().getPort() != packet.sender().port()
                || !p.server().getAddress().getHostAddress().equals(packet.sender().host())
                || !a.answers(p.name(), p.type())) {
            return; // not ours: late, spoofed or for another question (RFC 5452 §9.1)
        }
        if (pending.remove(a.id(), p)) {
            vertx.cancelTimer(p.timer());
            if (a.truncated()) {
                retryOverTcp(p, a);
            } else {
                p.result().complete(a);
            }
        }
    }

    // The TCP answer replaces the truncated one. Without it the records that fit are still the server's answer, but
    // none at all is no answer: an empty truncated answer is not NODATA and must not be cached as one.
    private void retryOverTcp(Pending p, DnsWire.Answer truncated) {
        queries.incrementAndGet();
        tcp.query(p.server(), newId(), p.name(), p.type()).whenComplete((full, failure) -> {
            if (failure == null) {
                p.result().complete(full);
            } else if (!truncated.records().isEmpty()) {
                truncatedUsed.incrementAndGet();
                p.result().complete(truncated);
            } else {
                p.result().completeExceptionally(failure);
            }
        });
    }

    private int newId() {
        return random.nextInt(0x10000);
    }

    /** Truncated answers used as they were because TCP gave none. */
    public long truncatedUsed() {
        return truncatedUsed.get();
    }

    /** Queries sent (attempts, and the TCP queries after truncated answers). */
    public long queries() {
        return queries.get();
    }

    /** Lookups that got no answer at all. */
    public long failures() {
        return failures.get();
    }

    @Override
    public void close() {
        socket.close();
        tcp.close();
    }
}
