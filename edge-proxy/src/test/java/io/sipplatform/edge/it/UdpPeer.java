package io.sipplatform.edge.it;

import io.sipplatform.sip.message.DatagramFramer;
import io.sipplatform.sip.message.Framed;
import io.sipplatform.sip.message.SipMessage;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A plain UDP SIP peer on 127.0.0.1 for tests: sends text, receives framed messages with a timeout. */
final class UdpPeer implements AutoCloseable {
    final DatagramSocket socket;

    UdpPeer() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(5000);
    }

    int port() {
        return socket.getLocalPort();
    }

    void send(String text, int port) throws IOException {
        byte[] b = text.replace("\r\n", "\n").replace("\n", "\r\n").replace("PORT", Integer.toString(port()))
                .getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), port));
    }

    void sendRaw(byte[] b, InetSocketAddress to) throws IOException {
        socket.send(new DatagramPacket(b, b.length, to));
    }

    /** The next message, or an AssertionError after 5 s. */
    Received receive() throws IOException {
        byte[] buf = new byte[65536];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            socket.receive(p);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no SIP message within 5 s on port " + port());
        }
        Framed f = new DatagramFramer().frame(Arrays.copyOf(buf, p.getLength()));
        if (!(f instanceof Framed.Message m)) {
            throw new AssertionError("not a message: " + f);
        }
        return new Received(m.message(), (InetSocketAddress) p.getSocketAddress());
    }

    /** The next message that is not a 100 Trying. */
    Received receiveSkipping100() throws IOException {
        while (true) {
            Received r = receive();
            if (r.message().isRequest() || !r.message().startLine().startsWith("SIP/2.0 100")) {
                return r;
            }
        }
    }

    record Received(SipMessage message, InetSocketAddress from) {
    }

    @Override
    public void close() {
        socket.close();
    }
}
