package io.sipplatform.media.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** A SIP party's media socket on 127.0.0.1 (blocking, test thread only). */
final class UdpPeer implements AutoCloseable {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private final DatagramSocket socket;

    UdpPeer() {
        try {
            socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    void send(byte[] data, int port) {
        try {
            socket.send(new DatagramPacket(data, data.length, LOOPBACK, port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next datagram within {@code millis}, or null. */
    DatagramPacket receive(int millis) {
        byte[] buffer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.setSoTimeout(millis);
            socket.receive(packet);
            return packet;
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The payload of a received datagram. */
    static byte[] bytes(DatagramPacket packet) {
        return Arrays.copyOf(packet.getData(), packet.getLength());
    }

    /** An RTP packet (RFC 3550 §5.1): V=2, the given payload type, sequence, timestamp and SSRC, 160 payload bytes. */
    static byte[] rtp(int payloadType, int sequence, long timestamp, int ssrc) {
        ByteBuffer b = ByteBuffer.allocate(172);
        b.put((byte) 0x80).put((byte) payloadType).putShort((short) sequence).putInt((int) timestamp).putInt(ssrc);
        for (int i = 0; i < 160; i++) {
            b.put((byte) (sequence + i));
        }
        return b.array();
    }

    /** An RTCP RR with one report block (RFC 3550 §6.4.2), echoing no SR. */
    static byte[] receiverReport(int ssrc, int fractionLost) {
        return receiverReport(ssrc, fractionLost, 0, 0);
    }

    /** An RTCP RR with one report block echoing {@code lsr}, held for {@code dlsr} (1/65536 s). */
    static byte[] receiverReport(int ssrc, int fractionLost, int lsr, int dlsr) {
        ByteBuffer b = ByteBuffer.allocate(32);
        b.put((byte) 0x81).put((byte) 201).putShort((short) 7).putInt(ssrc);
        b.putInt(0x5555).put((byte) fractionLost).put((byte) 0).put((byte) 0).put((byte) 2);
        b.putInt(100).putInt(80).putInt(lsr).putInt(dlsr);
        return b.array();
    }

    /** An RTCP SR without report blocks (RFC 3550 §6.4.1) whose NTP middle 32 bits are {@code ntpMiddle}. */
    static byte[] senderReport(int ssrc, int ntpMiddle) {
        ByteBuffer b = ByteBuffer.allocate(28);
        b.put((byte) 0x80).put((byte) 200).putShort((short) 6).putInt(ssrc);
        b.putShort((short) 0x1234).putInt(ntpMiddle).putShort((short) 0).putInt(160).putInt(1).putInt(172);
        return b.array();
    }

    @Override
    public void close() {
        socket.close();
    }
}
