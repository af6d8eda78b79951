package io.sipplatform.media.relay;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;

/**
 * The relay's two sockets facing one party in one stream: RTP on an even port, RTCP on the next (RFC 3550 §11).
 * The party sends to them and the relay sends to the party from them, so NATs see one flow each way.
 */
public final class RelayEndpoint {
    private final DatagramSocket rtp;
    private final DatagramSocket rtcp;
    private final int port;

    private RelayEndpoint(DatagramSocket rtp, DatagramSocket rtcp, int port) {
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.port = port;
    }

    /** Binds both sockets of the pair at {@code evenPort}; fails (closing what was bound) when either is taken. */
    public static Future<RelayEndpoint> bind(Vertx vertx, String bindAddress, int evenPort) {
        DatagramSocketOptions options = new DatagramSocketOptions().setReceiveBufferSize(256 * 1024);
        DatagramSocket rtp = vertx.createDatagramSocket(options);
        DatagramSocket rtcp = vertx.createDatagramSocket(options);
        return rtp.listen(evenPort, bindAddress)
                .compose(r -> rtcp.listen(evenPort + 1, bindAddress))
                .map(r -> new RelayEndpoint(rtp, rtcp, evenPort))
                .onFailure(e -> {
                    rtp.close();
                    rtcp.close();
                });
    }

    /** The RTP socket. */
    public DatagramSocket rtp() {
        return rtp;
    }

    /** The RTCP socket. */
    public DatagramSocket rtcp() {
        return rtcp;
    }

    /** The even (RTP) port. */
    public int port() {
        return port;
    }

    /** Closes both sockets. */
    public Future<Void> close() {
        return Future.join(rtp.close(), rtcp.close()).mapEmpty();
    }
}
