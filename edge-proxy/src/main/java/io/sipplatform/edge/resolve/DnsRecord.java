package io.sipplatform.edge.resolve;

import java.net.InetAddress;

/** The resource records RFC 3263 needs, with their TTL in seconds. */
public sealed interface DnsRecord {

    /** Time to live in seconds (RFC 1035 §3.2.1). */
    long ttl();

    /** An A or AAAA record. */
    record Address(InetAddress address, long ttl) implements DnsRecord {
    }

    /** An SRV record (RFC 2782). */
    record Srv(int priority, int weight, int port, String target, long ttl) implements DnsRecord {
    }

    /** A NAPTR record (RFC 3403 §4.1); for SIP the flag "s" points to an SRV name in {@code replacement}. */
    record Naptr(int order, int preference, String flags, String service, String regexp, String replacement,
                 long ttl) implements DnsRecord {
    }

    /** Record types asked for (RFC 1035 §3.2.2, RFC 3596, RFC 2782, RFC 3403). */
    enum Type {
        A(1), AAAA(28), SRV(33), NAPTR(35);

        final int code;

        Type(int code) {
            this.code = code;
        }
    }
}
