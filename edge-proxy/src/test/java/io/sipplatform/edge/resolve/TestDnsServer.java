package io.sipplatform.edge.resolve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An authoritative-only DNS responder on 127.0.0.1 for tests (RFC 1035 wire format, no compression): answers A,
 * AAAA, SRV and NAPTR from records the test adds, NXDOMAIN with an SOA otherwise, and counts queries per name and
 * type. Names in {@link #silent} get no answer at all.
 */
final class TestDnsServer implements AutoCloseable {
    private final DatagramSocket socket;
    private final Thread thread;
    private final Map<String, List<byte[]>> zone = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
    final java.util.Set<String> silent = ConcurrentHashMap.newKeySet();

    TestDnsServer() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "test-dns");
        thread.setDaemon(true);
        thread.start();
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
                byte[] reply = answer(java.util.Arrays.copyOf(buf, p.getLength()));
                if (reply != null) {
                    socket.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private byte[] answer(byte[] q) throws IOException {
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
        asked.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        if (silent.contains(name)) {
            return null;
        }
        List<byte[]> rrs = zone.getOrDefault(key, List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(q[0]);
        out.write(q[1]);
        u16(out, 0x8180 | (rrs.isEmpty() ? DnsWire.NXDOMAIN : 0)); // QR, RD, RA
        u16(out, 1);
        u16(out, rrs.size());
        u16(out, rrs.isEmpty() ? 1 : 0);
        u16(out, 0);
        out.write(q, 12, questionEnd - 12);
        rrs.forEach(out::writeBytes);
        if (rrs.isEmpty()) { // SOA for negative caching: minimum 60 s (RFC 2308)
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
    public void close() throws InterruptedException {
        socket.close();
        thread.join(2000);
    }
}
