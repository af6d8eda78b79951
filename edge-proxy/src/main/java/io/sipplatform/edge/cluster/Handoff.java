package io.sipplatform.edge.cluster;

import io.sipplatform.edge.transport.Destination;
import io.sipplatform.edge.transport.Inbound;
import io.sipplatform.edge.transport.SipSender;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.sip.message.DatagramFramer;
import io.sipplatform.sip.message.Framed;
import io.sipplatform.sip.message.SipResponse;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The hand-off channel of one replica: diverts responses owned by another replica to it, sends requests on
 * connections other replicas own through them, and takes both kinds from its peers. An envelope is
 * {@code "SH1" kind transport addr-len addr port flow-len flow millis payload HMAC-SHA256}; envelopes with a bad
 * MAC or older than {@link #MAX_AGE_MILLIS} are dropped and counted. Thread-safe.
 */
public final class Handoff {
    static final long MAX_AGE_MILLIS = 30_000;
    private static final byte[] MAGIC = "SH1".getBytes(StandardCharsets.US_ASCII);
    private static final byte RESPONSE = 'R';
    private static final byte SEND = 'S';
    private static final int MAC_LENGTH = 32;

    private final Vertx vertx;
    private final String me;
    private final SecretKeySpec key;
    private final Consumer<Inbound> deliver;
    private final SipSender local;
    private final LongSupplier millis;
    private final DatagramSocket socket;
    private final InetSocketAddress bind;
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    /**
     * @param bind    internal address to listen on (the one {@code me} encodes)
     * @param me      this replica's id
     * @param secret  the cluster secret every replica shares
     * @param deliver takes a diverted response as if this replica had received it
     * @param local   sends on this replica's own transports (for requests other replicas pass on)
     */
    public Handoff(Vertx vertx, InetSocketAddress bind, String me, byte[] secret, Consumer<Inbound> deliver,
                   SipSender local, LongSupplier millis) {
        this.vertx = vertx;
        this.bind = bind;
        this.me = me;
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.deliver = deliver;
        this.local = local;
        this.millis = millis;
        this.socket = vertx.createDatagramSocket(new DatagramSocketOptions().setIpV6(bind.getAddress()
                instanceof java.net.Inet6Address));
        this.socket.handler(this::onPacket);
    }

    /** Binds the internal socket. */
    public Future<Void> start() {
        return socket.listen(bind.getPort(), bind.getAddress().getHostAddress()).mapEmpty();
    }

    /** The bound internal address (the port is the real one when 0 was asked for). */
    public InetSocketAddress bound() {
        return new InetSocketAddress(bind.getAddress(), socket.localAddress().port());
    }

    /**
     * Passes a response to the replica named in its top Via branch when that is another replica; true when it was
     * passed on (the caller then leaves it alone).
     */
    public boolean divert(Inbound in) {
        if (!(in.message() instanceof SipResponse r)) {
            return false;
        }
        String branch;
        try {
            branch = r.topVia().branch();
        } catch (RuntimeException e) {
            return false; // no readable Via: the transaction layer counts it
        }
        Optional<String> owner = HandoffAddress.replicaOfBranch(branch);
        if (owner.isEmpty() || owner.get().equals(me)) {
            return false;
        }
        Optional<InetSocketAddress> to = HandoffAddress.of(owner.get());
        if (to.isEmpty()) {
            return false; // a replica without hand-off: handled statelessly here, as before
        }
        send(to.get(), RESPONSE, in.transport(), in.remote().getHostString(), in.remote().getPort(), "",
                r.toBytes());
        return true;
    }

    /**
     * A sender that sends on flows of other replicas through them: a flow id {@code <replica>/<token>} names the
     * owning replica; this replica's own flows (and plain tokens) go to {@code next}.
     */
    public SipSender wrap(SipSender next) {
        return (d, bytes, onFailure) -> {
            String flow = d.flowId();
            int slash = flow == null ? -1 : flow.indexOf('/');
            if (slash < 0) {
                next.send(d, bytes, onFailure);
                return;
            }
            String owner = flow.substring(0, slash);
            String token = flow.substring(slash + 1);
            if (owner.equals(me)) {
                next.send(new Destination(d.transport(), d.address(), token), bytes, onFailure);
                return;
            }
            Optional<InetSocketAddress> to = HandoffAddress.of(owner);
            if (to.isEmpty()) {
                onFailure.accept(new java.net.NoRouteToHostException("flow of replica " + owner
                        + " without hand-off address"));
                return;
            }
            send(to.get(), SEND, d.transport(), d.address().getHostString(), d.address().getPort(), token, bytes);
        };
    }

    /** A flow reference naming its owner, {@code <edgeId>/<token>}; the bare token when no edge id is known. */
    public static String flowRef(String edgeId, String token) {
        return edgeId == null || edgeId.isEmpty() ? token : edgeId + "/" + token;
    }

    private void send(InetSocketAddress to, byte kind, Transport t, String host, int port, String flow,
                      byte[] payload) {
        byte[] h = host.getBytes(StandardCharsets.US_ASCII);
        byte[] f = flow.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 2 + 1 + h.length + 2 + 1 + f.length + 8 + payload.length
                + MAC_LENGTH);
        b.put(MAGIC).put(kind).put((byte) t.ordinal()).put((byte) h.length).put(h).putShort((short) port)
                .put((byte) f.length).put(f).putLong(millis.getAsLong()).put(payload);
        b.put(mac(b.array(), b.position()));
        forwarded.incrementAndGet();
        socket.send(Buffer.buffer(b.array()), to.getPort(), to.getAddress().getHostAddress());
    }

    private void onPacket(DatagramPacket packet) {
        byte[] m = packet.data().getBytes();
        try {
            if (m.length < MAGIC.length + 2 + MAC_LENGTH || !MessageDigest.isEqual(
                    java.util.Arrays.copyOf(m, MAGIC.length), MAGIC)
                    || !MessageDigest.isEqual(mac(m, m.length - MAC_LENGTH),
                    java.util.Arrays.copyOfRange(m, m.length - MAC_LENGTH, m.length))) {
                rejected.incrementAndGet();
                return;
            }
            ByteBuffer b = ByteBuffer.wrap(m, 0, m.length - MAC_LENGTH);
            b.position(MAGIC.length);
            byte kind = b.get();
            Transport t = Transport.values()[b.get()];
            byte[] h = new byte[b.get() & 0xFF];
            b.get(h);
            int port = b.getShort() & 0xFFFF;
            byte[] f = new byte[b.get() & 0xFF];
            b.get(f);
            long sent = b.getLong();
            if (Math.abs(millis.getAsLong() - sent) > MAX_AGE_MILLIS) {
                rejected.incrementAndGet(); // a replayed or long-delayed envelope
                return;
            }
            byte[] payload = new byte[b.remaining()];
            b.get(payload);
            String host = new String(h, StandardCharsets.US_ASCII);
            received.incrementAndGet();
            if (kind == RESPONSE) {
                if (new DatagramFramer().frame(payload) instanceof Framed.Message fm) {
                    deliver.accept(new Inbound(fm.message(), t, new InetSocketAddress(host, port), bound(), null,
                            System.nanoTime()));
                } else {
                    rejected.incrementAndGet();
                }
            } else if (kind == SEND) {
                local.send(new Destination(t, InetSocketAddress.createUnresolved(host, port),
                        new String(f, StandardCharsets.US_ASCII)), payload, e -> rejected.incrementAndGet());
            } else {
                rejected.incrementAndGet();
            }
        } catch (RuntimeException e) {
            rejected.incrementAndGet(); // truncated or inconsistent envelope with a valid MAC: a peer bug
        }
    }

    private byte[] mac(byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(data, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }

    /** Envelopes sent to peers. */
    public long forwarded() {
        return forwarded.get();
    }

    /** Envelopes taken from peers. */
    public long received() {
        return received.get();
    }

    /** Envelopes dropped: bad MAC, too old, malformed, or the local send failed. */
    public long rejected() {
        return rejected.get();
    }

    /** Closes the internal socket. */
    public Future<Void> close() {
        return socket.close();
    }
}
