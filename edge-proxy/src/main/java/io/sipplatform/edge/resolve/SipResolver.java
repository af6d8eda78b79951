package io.sipplatform.edge.resolve;

import io.sipplatform.edge.proxy.NextHops;
import io.sipplatform.edge.transport.Destination;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.sip.uri.SipUri;
import io.sipplatform.sip.uri.Uri;

import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * RFC 3263 §4 next-hop resolution. A numeric host, or an explicit port, is used as is (A/AAAA for a name with a
 * port). A known transport ({@code transport=} or the target's transport) leads to its SRV name. Otherwise NAPTR
 * records choose transports in order/preference (only "SIPS+D2T" for a sips URI), falling back to SRV for every
 * transport and then to A/AAAA on 5060 (5061 for TLS). SRV targets are ordered by priority, and by weighted random
 * choice within a priority (RFC 2782); the whole ordered list is returned so the proxy can fail over to the next
 * target on transport error or timeout. Answers are cached for their TTL; never blocks.
 */
public final class SipResolver implements NextHops {
    private static final int MAX_CACHED = 10_000;

    private final DnsClient dns;
    private final LongSupplier nanos;
    private final Random random;
    private final Duration negativeTtl;
    private final Duration maxTtl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(List<DnsRecord> records, long expiresAt) {
    }

    /**
     * @param nanos       monotonic clock (System::nanoTime; tests pass their own to expire entries)
     * @param negativeTtl how long "no such records" is kept when the answer carries no SOA
     * @param maxTtl      upper bound of any TTL (a record with a huge TTL must not pin a dead address)
     */
    public SipResolver(DnsClient dns, LongSupplier nanos, Random random, Duration negativeTtl, Duration maxTtl) {
        this.dns = dns;
        this.nanos = nanos;
        this.random = random;
        this.negativeTtl = negativeTtl;
        this.maxTtl = maxTtl;
    }

    @Override
    public CompletionStage<Destination> resolve(Uri uri, Transport preferred) {
        return resolveAll(uri, preferred).thenCompose(all -> all.isEmpty()
                ? CompletableFuture.failedFuture(new UnknownHostException("no address for " + uri))
                : CompletableFuture.completedFuture(all.get(0)));
    }

    @Override
    public CompletionStage<List<Destination>> resolveAll(Uri uri, Transport preferred) {
        if (!(uri instanceof SipUri s)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("not a SIP URI: " + uri.scheme()));
        }
        Transport known = Transport.fromToken(s.transportParam());
        if (known == null) {
            known = preferred;
        }
        String host = (s.maddr() != null ? s.maddr() : s.hostWithoutBrackets()).toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        boolean secure = s.secure();
        if (s.hostIsIp() && s.maddr() == null) {
            Transport t = known != null ? known : secure ? Transport.TLS : Transport.UDP;
            int port = s.port() > 0 ? s.port() : defaultPort(t);
            return CompletableFuture.completedFuture(List.of(Destination.of(t, new InetSocketAddress(host, port))));
        }
        if (s.port() > 0) { // §4.2: a port means no SRV
            Transport t = known != null ? known : secure ? Transport.TLS : Transport.UDP;
            return addresses(host, t, s.port());
        }
        if (known != null) {
            return srvOrAddress(host, known);
        }
        String name = host;
        return lookup(name, DnsRecord.Type.NAPTR).thenCompose(naptrs -> {
            List<DnsRecord.Naptr> usable = new ArrayList<>();
            for (DnsRecord r : naptrs) {
                if (r instanceof DnsRecord.Naptr n && n.flags().equalsIgnoreCase("s")
                        && transportOf(n.service(), secure) != null) {
                    usable.add(n);
                }
            }
            usable.sort(Comparator.comparingInt(DnsRecord.Naptr::order)
                    .thenComparingInt(DnsRecord.Naptr::preference));
            if (!usable.isEmpty()) {
                List<CompletionStage<List<Destination>>> parts = new ArrayList<>();
                for (DnsRecord.Naptr n : usable) {
                    parts.add(srv(n.replacement(), transportOf(n.service(), secure)));
                }
                return concat(parts);
            }
            // §4.1: no NAPTR: an SRV query per supported transport, then A/AAAA
            List<Transport> order = secure ? List.of(Transport.TLS) : List.of(Transport.UDP, Transport.TCP,
                    Transport.TLS);
            List<CompletionStage<List<Destination>>> parts = new ArrayList<>();
            for (Transport t : order) {
                parts.add(srv(srvName(t, name), t));
            }
            return concat(parts).thenCompose(found -> found.isEmpty()
                    ? addresses(name, secure ? Transport.TLS : Transport.UDP,
                    defaultPort(secure ? Transport.TLS : Transport.UDP))
                    : CompletableFuture.completedFuture(found));
        });
    }

    private CompletionStage<List<Destination>> srvOrAddress(String host, Transport t) {
        String srvName = srvName(t, host);
        if (srvName == null) {
            return addresses(host, t, defaultPort(t)); // WS/WSS have no SRV names
        }
        return srv(srvName, t).thenCompose(found -> found.isEmpty() ? addresses(host, t, defaultPort(t))
                : CompletableFuture.completedFuture(found));
    }

    /** The SRV targets of one name in RFC 2782 order, each resolved to its addresses. */
    private CompletionStage<List<Destination>> srv(String name, Transport t) {
        return lookup(name, DnsRecord.Type.SRV).thenCompose(records -> {
            List<DnsRecord.Srv> srvs = new ArrayList<>();
            for (DnsRecord r : records) {
                if (r instanceof DnsRecord.Srv s && !s.target().isEmpty() && s.port() > 0) {
                    srvs.add(s); // target "." (empty) means the service is not offered here
                }
            }
            List<CompletionStage<List<Destination>>> parts = new ArrayList<>();
            for (DnsRecord.Srv s : order(srvs, random)) {
                parts.add(addresses(s.target(), t, s.port()).exceptionally(e -> List.of()));
            }
            return concat(parts);
        }).exceptionally(e -> List.of());
    }

    /** RFC 2782: ascending priority; within one priority, weighted random order (weight-0 records last). */
    static List<DnsRecord.Srv> order(List<DnsRecord.Srv> records, Random random) {
        List<DnsRecord.Srv> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparingInt(DnsRecord.Srv::priority));
        List<DnsRecord.Srv> out = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            int prio = sorted.get(i).priority();
            List<DnsRecord.Srv> group = new ArrayList<>();
            while (i < sorted.size() && sorted.get(i).priority() == prio) {
                group.add(sorted.get(i++));
            }
            while (!group.isEmpty()) {
                int total = 0;
                for (DnsRecord.Srv s : group) {
                    total += s.weight();
                }
                if (total == 0) { // only weight-0 records left: any order
                    out.add(group.remove(random.nextInt(group.size())));
                    continue;
                }
                // chance proportional to weight; RFC 2782's literal [0, total] draw would favour the first
                // record, and its weight-0 records' "very small chance" is taken as none while others remain
                int pick = random.nextInt(total);
                int running = 0;
                for (int k = 0; k < group.size(); k++) {
                    running += group.get(k).weight();
                    if (running > pick) {
                        out.add(group.remove(k));
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** A then AAAA addresses of a host (either lookup may fail alone). */
    private CompletionStage<List<Destination>> addresses(String host, Transport t, int port) {
        CompletionStage<List<DnsRecord>> a = lookup(host, DnsRecord.Type.A);
        CompletionStage<List<DnsRecord>> aaaa = lookup(host, DnsRecord.Type.AAAA);
        CompletableFuture<List<Destination>> out = new CompletableFuture<>();
        a.whenComplete((v4, f4) -> aaaa.whenComplete((v6, f6) -> {
            if (f4 != null && f6 != null) {
                out.completeExceptionally(f4);
                return;
            }
            List<Destination> d = new ArrayList<>();
            for (List<DnsRecord> rs : java.util.Arrays.asList(v4, v6)) {
                if (rs != null) {
                    for (DnsRecord r : rs) {
                        if (r instanceof DnsRecord.Address addr) {
                            d.add(Destination.of(t, new InetSocketAddress(addr.address(), port)));
                        }
                    }
                }
            }
            out.complete(d);
        }));
        return out;
    }

    private static CompletionStage<List<Destination>> concat(List<CompletionStage<List<Destination>>> parts) {
        CompletionStage<List<Destination>> acc = CompletableFuture.completedFuture(List.of());
        for (CompletionStage<List<Destination>> p : parts) {
            acc = acc.thenCombine(p, (x, y) -> {
                List<Destination> l = new ArrayList<>(x);
                l.addAll(y);
                return l;
            });
        }
        return acc;
    }

    /** Records of a type for a name, from the cache while their TTL lasts. */
    CompletionStage<List<DnsRecord>> lookup(String name, DnsRecord.Type type) {
        String key = type.name() + " " + name;
        long now = nanos.getAsLong();
        Cached c = cache.get(key);
        if (c != null && now - c.expiresAt() < 0) {
            return CompletableFuture.completedFuture(c.records());
        }
        return dns.query(name, type).thenApply(answer -> {
            long ttl;
            if (answer.records().isEmpty()) {
                ttl = answer.negativeTtl() >= 0 ? Math.min(answer.negativeTtl(), negativeTtl.toSeconds())
                        : negativeTtl.toSeconds();
            } else {
                ttl = answer.records().stream().mapToLong(DnsRecord::ttl).min().orElse(0);
            }
            ttl = Math.min(ttl, maxTtl.toSeconds());
            if (ttl > 0) {
                if (cache.size() >= MAX_CACHED) {
                    long t = nanos.getAsLong();
                    cache.values().removeIf(e -> t - e.expiresAt() >= 0);
                }
                if (cache.size() < MAX_CACHED) {
                    cache.put(key, new Cached(answer.records(), nanos.getAsLong() + ttl * 1_000_000_000L));
                }
            }
            return answer.records();
        });
    }

    private static Transport transportOf(String naptrService, boolean secure) {
        return switch (naptrService.toUpperCase(Locale.ROOT)) {
            case "SIPS+D2T" -> Transport.TLS;
            case "SIP+D2U" -> secure ? null : Transport.UDP;
            case "SIP+D2T" -> secure ? null : Transport.TCP;
            default -> null; // SCTP, WS and unknown services
        };
    }

    private static String srvName(Transport t, String host) {
        return switch (t) {
            case UDP -> "_sip._udp." + host;
            case TCP -> "_sip._tcp." + host;
            case TLS -> "_sips._tcp." + host;
            case WS, WSS -> null;
        };
    }

    private static int defaultPort(Transport t) {
        return t == Transport.TLS || t == Transport.WSS ? 5061 : 5060;
    }
}
