package io.sipplatform.media.relay;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollMode;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.unix.Socket;
import io.netty.util.NetUtil;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.spi.transport.Transport;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The relay's two sockets facing one party in one stream: RTP on an even port, RTCP on the next (RFC 3550 §11).
 * The party sends to them and the relay sends to the party from them, so NATs see one flow each way.
 *
 * <p>The packet path is plain Netty on one of Vert.x's event loops, with Vert.x's transport (native epoll where it
 * loads, else NIO). A received datagram's buffer is forwarded as it is (no copy). Every socket of a session lives on
 * the same event loop, so relaying never hands a packet to another thread.
 *
 * <p>On epoll a packet costs two system calls, one receive and one send (rtpengine needs three: it reads until
 * EAGAIN). The sockets are level-triggered and read one datagram per readiness, so the read that would only say
 * EAGAIN is never made; a socket with more queued is reported again by the next epoll_wait. The packet is sent at
 * once on the socket's descriptor, without Netty's outbound buffer, promise and flush. Once the party is latched
 * its socket is connected to it ({@link #connect}): recv and send instead of recvmsg and sendto, no per-packet
 * route lookup or source address. IPv4 addresses get IPv4 sockets. A send that
 * finds the socket buffer full is a counted drop, as in rtpengine: RTP late is RTP lost. With NIO, writes go
 * through the pipeline and are flushed once per read batch.
 */
public final class RelayEndpoint {
    /** Socket receive buffer: about a second of a video stream, several of a G.711 one. */
    static final int RECEIVE_BUFFER_BYTES = 256 * 1024;
    /** Largest datagram read whole (Netty's datagram default); longer ones are truncated. One per read (epoll). */
    static final RecvByteBufAllocator ONE_DATAGRAM_PER_READ =
            new FixedRecvByteBufAllocator(2048).maxMessagesPerRead(1);

    /** Takes the packets of both sockets of an endpoint on its event loop. */
    public interface Receiver {
        /** A datagram arrived; the receiver owns {@code data} and must release or forward it. */
        void receive(ByteBuf data, InetSocketAddress sender, boolean rtcpSocket);

        /** A read batch of either socket ended: flush what was written meanwhile. */
        void readComplete();

        /** A socket reported a failure, e.g. a send that did not go out. */
        void failed(Throwable cause);
    }

    private final Channel rtp;
    private final Channel rtcp;
    private final int port;
    private final Inbound rtpInbound;
    private final Inbound rtcpInbound;
    private final Socket rtpSocket; // the descriptors for direct sends on epoll; null with NIO
    private final Socket rtcpSocket;
    private boolean rtpPending; // written, not flushed (NIO only); event-loop confined
    private boolean rtcpPending;
    // The party address each socket is connected to (epoll only), or null; event-loop confined.
    private InetSocketAddress rtpPeer;
    private InetSocketAddress rtcpPeer;

    private RelayEndpoint(Channel rtp, Channel rtcp, int port, Inbound rtpInbound, Inbound rtcpInbound) {
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.port = port;
        this.rtpInbound = rtpInbound;
        this.rtcpInbound = rtcpInbound;
        this.rtpSocket = socketOf(rtp);
        this.rtcpSocket = socketOf(rtcp);
    }

    private static Socket socketOf(Channel channel) {
        return channel instanceof EpollDatagramChannel epoll && epoll.fd() instanceof Socket socket ? socket : null;
    }

    /**
     * Binds both sockets of the pair at {@code evenPort} on {@code loop}; fails (closing what was bound) when either
     * is taken or {@code bindAddress} is not an IP literal.
     */
    public static Future<RelayEndpoint> bind(Vertx vertx, EventLoop loop, String bindAddress, int evenPort) {
        InetAddress address;
        try {
            byte[] literal = NetUtil.createByteArrayFromIpAddressString(bindAddress);
            if (literal == null) {
                return Future.failedFuture(new IllegalArgumentException("bind address is not an IP literal"));
            }
            address = InetAddress.getByAddress(literal);
        } catch (UnknownHostException e) {
            return Future.failedFuture(e);
        }
        Inbound rtpInbound = new Inbound(false);
        Inbound rtcpInbound = new Inbound(true);
        Promise<RelayEndpoint> bound = Promise.promise();
        open(vertx, loop, new InetSocketAddress(address, evenPort), rtpInbound).addListener(r -> {
            if (!r.isSuccess()) {
                bound.fail(r.cause());
                return;
            }
            Channel rtp = ((ChannelFuture) r).channel();
            open(vertx, loop, new InetSocketAddress(address, evenPort + 1), rtcpInbound).addListener(c -> {
                if (c.isSuccess()) {
                    bound.complete(new RelayEndpoint(rtp, ((ChannelFuture) c).channel(), evenPort, rtpInbound,
                            rtcpInbound));
                } else {
                    rtp.close();
                    bound.fail(c.cause());
                }
            });
        });
        return bound.future();
    }

    // Whether a transport (by class) opens epoll datagram channels, probed once per class.
    private static final Map<Class<?>, Boolean> EPOLL_TRANSPORTS = new ConcurrentHashMap<>();

    private static boolean epoll(Transport transport) {
        return EPOLL_TRANSPORTS.computeIfAbsent(transport.getClass(), c -> {
            DatagramChannel probe = transport.datagramChannel(InternetProtocolFamily.IPv4);
            probe.unsafe().closeForcibly();
            return probe instanceof EpollDatagramChannel;
        });
    }

    private static ChannelFuture open(Vertx vertx, EventLoop loop, InetSocketAddress local, Inbound inbound) {
        InternetProtocolFamily family = local.getAddress() instanceof Inet6Address ? InternetProtocolFamily.IPv6
                : InternetProtocolFamily.IPv4;
        // Vert.x's epoll transport ignores the family and opens a dual-stack IPv6 socket, whose every packet takes
        // the IPv4-mapped detour in the kernel (udpv6_sendmsg, udpv6_recvmsg) and in Netty's address conversion.
        // An IPv4 bind address gets an IPv4 socket.
        Transport transport = ((VertxInternal) vertx).transport();
        DatagramChannel channel = family == InternetProtocolFamily.IPv4 && epoll(transport)
                ? new EpollDatagramChannel(InternetProtocolFamily.IPv4)
                : transport.datagramChannel(family);
        channel.config().setOption(ChannelOption.SO_RCVBUF, RECEIVE_BUFFER_BYTES);
        if (channel instanceof EpollDatagramChannel) {
            // one recvmsg per readiness and no read that ends in EAGAIN: level-triggered, one datagram per read
            channel.config().setOption(EpollChannelOption.EPOLL_MODE, EpollMode.LEVEL_TRIGGERED);
            channel.config().setRecvByteBufAllocator(ONE_DATAGRAM_PER_READ);
        }
        channel.pipeline().addLast(inbound);
        ChannelFuture registered = loop.register(channel);
        ChannelPromise result = channel.newPromise();
        registered.addListener(r -> {
            if (!r.isSuccess()) {
                channel.close();
                result.setFailure(r.cause());
                return;
            }
            channel.bind(local).addListener(b -> {
                if (b.isSuccess()) {
                    result.setSuccess();
                } else {
                    channel.close();
                    result.setFailure(b.cause());
                }
            });
        });
        return result;
    }

    /** Hands the packets of both sockets to {@code receiver} from now on; earlier ones were dropped. */
    public void receiver(Receiver receiver) {
        rtpInbound.receiver = receiver;
        rtcpInbound.receiver = receiver;
    }

    /**
     * Sends {@code data} (released here) to {@code target} from the RTP or the RTCP socket; on the event loop only.
     * Returns false when it did not go out (socket buffer full, socket closed, send error); with NIO the packet is
     * queued until {@link #flush} and a failure reaches {@link Receiver#failed}.
     */
    public boolean send(boolean fromRtcpSocket, ByteBuf data, InetSocketAddress target) {
        Channel channel = fromRtcpSocket ? rtcp : rtp;
        Socket socket = fromRtcpSocket ? rtcpSocket : rtpSocket;
        if (socket == null) {
            channel.write(new DatagramPacket(data, target), channel.voidPromise());
            if (fromRtcpSocket) {
                rtcpPending = true;
            } else {
                rtpPending = true;
            }
            return true;
        }
        InetSocketAddress peer = fromRtcpSocket ? rtcpPeer : rtpPeer;
        try {
            // Closing runs on this event loop too, so an open channel's descriptor is still this socket's.
            if (!channel.isOpen()) {
                return false;
            }
            return (peer == target || target.equals(peer) ? send(socket, data) : sendTo(socket, data, target)) > 0;
        } catch (IOException e) {
            return false;
        } finally {
            data.release();
        }
    }

    private static int sendTo(Socket socket, ByteBuf data, InetSocketAddress target) throws IOException {
        if (data.hasMemoryAddress()) {
            return socket.sendToAddress(data.memoryAddress(), data.readerIndex(), data.writerIndex(),
                    target.getAddress(), target.getPort());
        }
        ByteBuffer nio = data.internalNioBuffer(data.readerIndex(), data.readableBytes());
        return socket.sendTo(nio, nio.position(), nio.limit(), target.getAddress(), target.getPort());
    }

    private static int send(Socket socket, ByteBuf data) throws IOException {
        if (data.hasMemoryAddress()) {
            return socket.sendAddress(data.memoryAddress(), data.readerIndex(), data.writerIndex());
        }
        ByteBuffer nio = data.internalNioBuffer(data.readerIndex(), data.readableBytes());
        return socket.send(nio, nio.position(), nio.limit());
    }

    /**
     * Connects the RTP or the RTCP socket to the party's latched address, on the event loop. The kernel then hands
     * this socket only that party's packets and keeps the route: the packet leaves by send instead of sendto and is
     * read by recv instead of recvmsg, without a source address to convert. Packets from other sources no longer
     * reach the relay (they were refused after latching anyway); the kernel answers them with ICMP port
     * unreachable. No-op with NIO, or when already connected there.
     */
    public void connect(boolean rtcpSocket, InetSocketAddress peer) {
        Channel channel = rtcpSocket ? rtcp : rtp;
        InetSocketAddress current = rtcpSocket ? rtcpPeer : rtpPeer;
        if ((rtcpSocket ? this.rtcpSocket : rtpSocket) == null || peer.equals(current) || !channel.isOpen()) {
            return;
        }
        if (current != null) {
            channel.disconnect();
        }
        setPeer(rtcpSocket, null);
        // A datagram connect completes at once on the event loop.
        ChannelFuture connected = channel.connect(peer);
        if (connected.isSuccess()) {
            setPeer(rtcpSocket, peer);
        }
    }

    private void setPeer(boolean rtcpSocket, InetSocketAddress peer) {
        if (rtcpSocket) {
            rtcpPeer = peer;
        } else {
            rtpPeer = peer;
        }
    }

    /**
     * Undoes {@link #connect} on both sockets, from any thread (it runs on the event loop): the party's address is
     * to be learned again, or several parties (forked answers) send to this endpoint.
     */
    public void disconnect() {
        rtp.eventLoop().execute(() -> {
            if (rtpPeer != null) {
                rtpPeer = null;
                rtp.disconnect();
            }
            if (rtcpPeer != null) {
                rtcpPeer = null;
                rtcp.disconnect();
            }
        });
    }

    /** Sends what {@link #send} queued (NIO). Called on the event loop at the end of a read batch. */
    public void flush() {
        if (rtpPending) {
            rtpPending = false;
            rtp.flush();
        }
        if (rtcpPending) {
            rtcpPending = false;
            rtcp.flush();
        }
    }

    /** The even (RTP) port. */
    public int port() {
        return port;
    }

    /** Closes both sockets. */
    public Future<Void> close() {
        Promise<Void> closed = Promise.promise();
        rtp.close().addListener(r -> rtcp.close().addListener(c -> closed.tryComplete()));
        return closed.future();
    }

    // Datagrams in, failures (including those of voidPromise writes) to the receiver.
    private static final class Inbound extends ChannelInboundHandlerAdapter {
        private final boolean rtcpSocket;
        private volatile Receiver receiver;

        Inbound(boolean rtcpSocket) {
            this.rtcpSocket = rtcpSocket;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            DatagramPacket packet = (DatagramPacket) msg;
            Receiver r = receiver;
            if (r == null) {
                packet.release(); // before the stream exists: nobody to relay to
                return;
            }
            r.receive(packet.content(), packet.sender(), rtcpSocket);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            Receiver r = receiver;
            if (r != null) {
                r.readComplete();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Receiver r = receiver;
            if (r != null) {
                r.failed(cause);
            }
        }
    }
}
