package io.sipplatform.edge.resolve;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DNS messages on the wire (RFC 1035 §4): a recursive query for one name and type, and the records of that type in
 * an answer (compression pointers followed, loops refused). A message that does not parse is a {@link
 * MalformedAnswer}, never a partial answer.
 */
final class DnsWire {
    static final int NXDOMAIN = 3;
    private static final int SOA = 6;
    private static final int CLASS_IN = 1;
    private static final int TC = 0x0200;

    private DnsWire() {
    }

    /**
     * A parsed answer: records of the asked type, the response code, the negative-caching TTL (SOA minimum), and
     * whether the server set TC (RFC 1035 §4.1.1: the records are only those that fit in the datagram).
     */
    record Answer(int id, int rcode, List<DnsRecord> records, long negativeTtl, String question, int questionType,
                  boolean truncated) {

        /** True when this answers that question: same name (case-insensitive) and type (RFC 5452 §9.1). */
        boolean answers(String name, DnsRecord.Type type) {
            return name.equalsIgnoreCase(question) && type.code == questionType;
        }
    }

    /** Thrown for a message that is not a well-formed DNS response. */
    static final class MalformedAnswer extends Exception {
        MalformedAnswer(String message) {
            super(message);
        }
    }

    /** A standard query with recursion desired (RFC 1035 §4.1.1). */
    static byte[] query(int id, String name, DnsRecord.Type type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        put16(out, id);
        put16(out, 0x0100); // RD
        put16(out, 1);
        put16(out, 0);
        put16(out, 0);
        put16(out, 0);
        for (String label : name.split("\\.")) {
            byte[] b = label.getBytes(StandardCharsets.US_ASCII);
            if (b.length == 0) {
                continue; // the trailing dot of a fully qualified name
            }
            if (b.length > 63) {
                throw new IllegalArgumentException("DNS label longer than 63 octets: " + label);
            }
            out.write(b.length);
            out.write(b, 0, b.length);
        }
        out.write(0);
        put16(out, type.code);
        put16(out, CLASS_IN);
        return out.toByteArray();
    }

    /** The answer's records of the question's type (CNAME chains inside the answer are taken as given). */
    static Answer parse(byte[] m) throws MalformedAnswer {
        try {
            int id = u16(m, 0);
            int flags = u16(m, 2);
            if ((flags & 0x8000) == 0) {
                throw new MalformedAnswer("not a response");
            }
            int qd = u16(m, 4);
            int an = u16(m, 6);
            int ns = u16(m, 8);
            int[] pos = {12};
            String question = null;
            int qtype = 0;
            for (int i = 0; i < qd; i++) {
                String n = name(m, pos);
                int t = u16(m, pos[0]);
                pos[0] += 4;
                if (i == 0) {
                    question = n;
                    qtype = t;
                }
            }
            List<DnsRecord> records = new ArrayList<>();
            long negativeTtl = -1;
            boolean truncated = (flags & TC) != 0;
            for (int i = 0; i < an + ns; i++) {
                if (truncated && pos[0] >= m.length) {
                    break; // a truncated message's counts may promise records it no longer holds (RFC 2181 §9)
                }
                name(m, pos);
                int type = u16(m, pos[0]);
                long ttl = u32(m, pos[0] + 4);
                int len = u16(m, pos[0] + 8);
                int start = pos[0] + 10;
                if (start + len > m.length) {
                    if (truncated) {
                        break; // the last record was cut: keep the whole ones
                    }
                    throw new MalformedAnswer("record data beyond the message");
                }
                if (i < an && type == qtype) {
                    records.add(record(m, type, start, len, ttl));
                } else if (i >= an && type == SOA) {
                    int[] p = {start};
                    name(m, p);
                    name(m, p);
                    long minimum = u32(m, p[0] + 16);
                    negativeTtl = Math.min(ttl, minimum); // RFC 2308 §5
                } // CNAMEs, other types (e.g. RRSIG) and other authority records are skipped
                pos[0] = start + len;
            }
            return new Answer(id, flags & 0xF, List.copyOf(records), negativeTtl, question, qtype, truncated);
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new MalformedAnswer("message ends early");
        }
    }

    private static DnsRecord record(byte[] m, int type, int start, int len, long ttl) throws MalformedAnswer {
        try {
            if (type == DnsRecord.Type.A.code || type == DnsRecord.Type.AAAA.code) {
                if (len != (type == DnsRecord.Type.A.code ? 4 : 16)) {
                    throw new MalformedAnswer("address of " + len + " octets");
                }
                byte[] a = new byte[len];
                System.arraycopy(m, start, a, 0, len);
                return new DnsRecord.Address(InetAddress.getByAddress(a), ttl);
            }
            if (type == DnsRecord.Type.SRV.code) {
                int[] p = {start + 6};
                return new DnsRecord.Srv(u16(m, start), u16(m, start + 2), u16(m, start + 4), name(m, p), ttl);
            }
            int[] p = {start + 4};
            String flags = string(m, p);
            String service = string(m, p);
            String regexp = string(m, p);
            return new DnsRecord.Naptr(u16(m, start), u16(m, start + 2), flags, service, regexp, name(m, p), ttl);
        } catch (UnknownHostException e) {
            throw new MalformedAnswer(e.getMessage());
        }
    }

    /** A domain name at pos[0] (RFC 1035 §4.1.4 compression), lower case without trailing dot; advances pos. */
    static String name(byte[] m, int[] pos) throws MalformedAnswer {
        StringBuilder sb = new StringBuilder();
        int p = pos[0];
        int end = -1;
        int jumps = 0;
        while (true) {
            int len = m[p] & 0xFF;
            if ((len & 0xC0) == 0xC0) {
                if (++jumps > 32) {
                    throw new MalformedAnswer("compression loop");
                }
                if (end < 0) {
                    end = p + 2;
                }
                p = ((len & 0x3F) << 8) | (m[p + 1] & 0xFF);
                continue;
            }
            if (len == 0) {
                p++;
                break;
            }
            if (len > 63) {
                throw new MalformedAnswer("bad label length");
            }
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(new String(m, p + 1, len, StandardCharsets.US_ASCII));
            if (sb.length() > 255) {
                throw new MalformedAnswer("name too long");
            }
            p += 1 + len;
        }
        pos[0] = end >= 0 ? end : p;
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static String string(byte[] m, int[] pos) {
        int len = m[pos[0]] & 0xFF;
        String s = new String(m, pos[0] + 1, len, StandardCharsets.US_ASCII);
        pos[0] += 1 + len;
        return s;
    }

    private static int u16(byte[] m, int p) {
        return ((m[p] & 0xFF) << 8) | (m[p + 1] & 0xFF);
    }

    private static long u32(byte[] m, int p) {
        return ((long) u16(m, p) << 16) | u16(m, p + 2);
    }

    private static void put16(ByteArrayOutputStream out, int v) {
        out.write((v >>> 8) & 0xFF);
        out.write(v & 0xFF);
    }
}
