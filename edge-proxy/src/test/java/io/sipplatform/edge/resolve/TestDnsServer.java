package io.sipplatform.edge.resolve;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An authoritative-only DNS responder on 127.0.0.1 for tests (RFC 1035 wire format, no compression), over UDP and
 * over TCP on the same port (RFC 7766 length prefix): answers A, AAAA, SRV and NAPTR from records the test adds,
 * NXDOMAIN with an SOA otherwise, and counts queries per name and type and transport. Names in {@link #silent} get
 * no answer at all; names in {@link #truncated} get only that many records over UDP, with TC set; {@link #tcp}
 * says how TCP queries are treated.
 */
final class TestDnsServer implements AutoCloseable {
    /** What the TCP listener does with a query. */
    enum TcpMode {
        /** the full answer */
        ANSWER,
        /** closes the connection without answering */
        CLOSE,
        /** reads the query and never answers, leaving the connection open */
        SILENT,
        /** answers with a query id that is not the one asked */
        WRONG_ID
    }

    private final DatagramSocket socket;
    private final ServerSocket tcpSocket;
    private final Thread thread;
    private final Thread tcpThread;
    private final Map<String, List<byte[]>> zone = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> askedOverTcp = new ConcurrentHashMap<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    final java.util.Set<String> silent = ConcurrentHashMap.newKeySet();
    final Map<String, Integer> truncated = new ConcurrentHashMap<>();
    volatile TcpMode tcp = TcpMode.ANSWER;

    TestDnsServer() throws IOException {
        DatagramSocket udp = null;
        ServerSocket stream = null;
        for (int tries = 0; stream == null; tries++) { // both on one port number, as a real server listens
            udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try {
                stream = new ServerSocket(udp.getLocalPort(), 50, InetAddress.getLoopbackAddress());
            } catch (BindException taken) {
                udp.close();
                if (tries == 20) {
                    throw taken;
                }
            }
        }
        socket = udp;
        tcpSocket = stream;
        thread = new Thread(this::serve, "test-dns");
        thread.setDaemon(true);
        thread.start();
        tcpThread = new Thread(this::serveTcp, "test-dns-tcp");
        tcpThread.setDaemon(true);
        tcpThread.start();
    }

    int tcpQueries(String name, DnsRecord.Type type) {
        AtomicInteger n = askedOverTcp.get(key(name, type.code));
        return n == null ? 0 : n.get();
    }

    private void serveTcp() {
        while (!tcpSocket.isClosed()) {
            try {
                Socket c = tcpSocket.accept();
                connections.add(c);
                Thread t = new Thread(() -> serveConnection(c), "test-dns-tcp-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serveConnection(Socket c) {
        try (c) {
            DataInputStream in = new DataInputStream(c.getInputStream());
            byte[] q = new byte[in.readUnsignedShort()];
            in.readFully(q);
            int[] pos = {12};
            askedOverTcp.computeIfAbsent(key(DnsWire.name(q, pos), u16(q, pos[0])), k -> new AtomicInteger())
                    .incrementAndGet();
            switch (tcp) {
                case CLOSE -> {
                    return;
                }
                case SILENT -> {
                    in.read(); // blocks until the client or close() ends the connection
                    return;
                }
                case WRONG_ID -> q[1] ^= 0x5A;
                case ANSWER -> { }
            }
            byte[] reply = answer(q, true);
            DataOutputStream out = new DataOutputStream(c.getOutputStream());
            out.writeShort(reply.length);
            out.write(reply);
            out.flush();
            in.read(); // until the client closes
        } catch (IOException | DnsWire.MalformedAnswer e) {
            // the client went away, or the test closed the server
        }
    }

    private static int u16(byte[] b, int p) {
        return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    int queries(String name, DnsRecord.Type type) {
        AtomicInteger n = asked.get(key(name, type.code));
        return n == null ? 0 : n.get();
    }

    void a(String name, String ip, int ttl) throws IOException {
        add(name, DnsRecord.Type.A, ttl, InetAddress.getByName(ip).getAddress());
    }

    void srv(String name, int priority, int weight, int port, String target, int ttl) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        u16(b, priority);
        u16(b, weight);
        u16(b, port);
        name(b, target);
        add(name, DnsRecord.Type.SRV, ttl, b.toByteArray());
    }

    void naptr(String name, int order, int pref, String service, String replacement, int ttl) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        u16(b, order);
        u16(b, pref);
        string(b, "s");
        string(b, service);
        string(b, "");
        name(b, replacement);
        add(name, DnsRecord.Type.NAPTR, ttl, b.toByteArray());
    }

    private void add(String name, DnsRecord.Type type, int ttl, byte[] rdata) {
        ByteArrayOutputStream rr = new ByteArrayOutputStream();
        name(rr, name);
        u16(rr, type.code);
        u16(rr, 1);
        u16(rr, ttl >>> 16);
        u16(rr, ttl & 0xFFFF);
        u16(rr, rdata.length);
        rr.writeBytes(rdata);
        zone.computeIfAbsent(key(name, type.code), k -> new ArrayList<>()).add(rr.toByteArray());
    }

    private void serve() {
        byte[] buf = new byte[512];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
                byte[] reply = answer(java.util.Arrays.copyOf(buf, p.getLength()), false);
                if (reply != null) {
                    socket.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private byte[] answer(byte[] q, boolean overTcp) {
        int[] pos = {12};
        String name;
        try {
            name = DnsWire.name(q, pos);
        } catch (DnsWire.MalformedAnswer e) {
            return null;
        }
        int type = ((q[pos[0]] & 0xFF) << 8) | (q[pos[0] + 1] & 0xFF);
        int questionEnd = pos[0] + 4;
        String key = key(name, type);
        if (!overTcp) {
            asked.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }
        if (silent.contains(name)) {
            return null;
        }
        List<byte[]> rrs = zone.getOrDefault(key, List.of());
        Integer fits = overTcp ? null : truncated.get(name);
        int flags = 0x8180 | (rrs.isEmpty() ? DnsWire.NXDOMAIN : 0); // QR, RD, RA
        if (fits != null) {
            rrs = rrs.subList(0, Math.min(fits, rrs.size()));
            flags = 0x8380; // QR, TC, RD, RA, NOERROR: the name has records, only not all fit
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(q[0]);
        out.write(q[1]);
        u16(out, flags);
        u16(out, 1);
        u16(out, rrs.size());
        boolean negative = rrs.isEmpty() && fits == null;
        u16(out, negative ? 1 : 0);
        u16(out, 0);
        out.write(q, 12, questionEnd - 12);
        rrs.forEach(out::writeBytes);
        if (negative) { // SOA for negative caching: minimum 60 s (RFC 2308)
            ByteArrayOutputStream soa = new ByteArrayOutputStream();
            name(soa, "ns.test");
            name(soa, "hostmaster.test");
            for (int v : new int[] {1, 3600, 600, 86400, 60}) {
                u16(soa, v >>> 16);
                u16(soa, v & 0xFFFF);
            }
            name(out, "test");
            u16(out, 6);
            u16(out, 1);
            u16(out, 0);
            u16(out, 60);
            u16(out, soa.size());
            out.writeBytes(soa.toByteArray());
        }
        return out.toByteArray();
    }

    private static String key(String name, int type) {
        return name.toLowerCase(Locale.ROOT) + "/" + type;
    }

    private static void name(ByteArrayOutputStream b, String name) {
        for (String label : name.split("\\.")) {
            if (!label.isEmpty()) {
                b.write(label.length());
                b.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
            }
        }
        b.write(0);
    }

    private static void string(ByteArrayOutputStream b, String s) {
        b.write(s.length());
        b.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static void u16(ByteArrayOutputStream b, int v) {
        b.write((v >>> 8) & 0xFF);
        b.write(v & 0xFF);
    }

    @Override
    public void close() throws InterruptedException, IOException {
        socket.close();
        tcpSocket.close();
        for (Socket c : connections) {
            c.close();
        }
        thread.join(2000);
        tcpThread.join(2000);
    }
}
