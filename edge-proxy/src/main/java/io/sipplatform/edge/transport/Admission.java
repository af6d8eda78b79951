package io.sipplatform.edge.transport;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Per-IP and total caps on inbound connections; called once per connection, from any event loop. */
final class Admission {

    /** Which cap refused a connection. */
    enum Refusal {
        PER_IP, TOTAL;

        String tag() {
            return this == PER_IP ? "per_ip" : "total";
        }
    }

    private final int maxPerIp;
    private final int maxTotal;
    private final ConcurrentHashMap<InetAddress, Integer> perIp = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    Admission(int maxPerIp, int maxTotal) {
        this.maxPerIp = maxPerIp;
        this.maxTotal = maxTotal;
    }

    /** Admits one connection from {@code ip} (then {@link #release} it when it closes), or says which cap is full. */
    Refusal tryAdmit(InetAddress ip) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            return Refusal.TOTAL;
        }
        boolean[] admitted = {false};
        perIp.compute(ip, (k, n) -> {
            int c = n == null ? 0 : n;
            if (c >= maxPerIp) {
                return n;
            }
            admitted[0] = true;
            return c + 1;
        });
        if (!admitted[0]) {
            total.decrementAndGet();
            return Refusal.PER_IP;
        }
        return null;
    }

    void release(InetAddress ip) {
        perIp.computeIfPresent(ip, (k, n) -> n <= 1 ? null : n - 1);
        total.decrementAndGet();
    }
}
