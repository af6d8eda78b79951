package io.sipplatform.e2e;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.UUID;

/**
 * A phone behind NAT, over UDP: it believes its address is {@code believed} (what a phone behind a home router puts
 * in Contact and Via), while its packets really leave from another address, {@code real}, as if a NAT had rewritten
 * them. Only the real address can be reached; nothing listens at the believed one. Both are on 127.0.0.0/8 so a
 * platform that got NAT wrong sends to a silent loopback port, never off the machine.
 */
final class NattedPhone extends ScriptedPhone {
    private final DatagramSocket socket;
    private volatile InetSocketAddress edge;
    private final String believed;
    private final Thread reader;

    NattedPhone(String user, String password, String realIp, String believed, InetSocketAddress edge)
            throws SocketException {
        this(user, password, new InetSocketAddress(realIp, 0), believed, edge);
    }

    /** A UA that is not behind NAT: it believes what it is, {@code real}. */
    static NattedPhone direct(String user, InetSocketAddress real, InetSocketAddress edge) throws SocketException {
        return new NattedPhone(user, "", real, real.getHostString() + ":" + real.getPort(), edge);
    }

    private NattedPhone(String user, String password, InetSocketAddress real, String believed,
                        InetSocketAddress edge) throws SocketException {
        super(user, password);
        this.socket = new DatagramSocket(real);
        this.edge = edge;
        this.believed = believed;
        this.reader = new Thread(this::read, "natted-phone-" + user);
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        byte[] buf = new byte[65535];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                return; // closed
            }
            received(Arrays.copyOf(p.getData(), p.getLength()));
        }
    }

    /** Sends what follows to another edge replica, as a load balancer might. */
    void sendTo(InetSocketAddress next) {
        this.edge = next;
    }

    @Override
    protected String contact() {
        return "<sip:" + user + "@" + believed + ">";
    }

    @Override
    protected String via() {
        return "SIP/2.0/UDP " + believed + ";branch=z9hG4bK" + UUID.randomUUID().toString().replace("-", "")
                + ";rport";
    }

    @Override
    protected void transmit(String message) {
        byte[] bytes = message.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, edge));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
