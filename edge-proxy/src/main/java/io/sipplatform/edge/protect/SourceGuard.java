package io.sipplatform.edge.protect;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-source request rate limiting with temporary bans, in the spirit of Kamailio's pike: each source IP has a token
 * bucket of requests; a source that empties it is banned for a while and its requests are dropped (counted) until
 * the ban ends. A source whose credentials fail too often (a digest answered with a new challenge, not a stale one)
 * is banned the same way, so a password cannot be guessed at the edge's request rate (the registrar also counts
 * failures cluster-wide per account). Trusted networks (carriers, the platform's own peers) are never limited.
 * Thread-safe: one guard for all event loops; a bucket is touched only by the requests of its own IP.
 */
public final class SourceGuard {

    /**
     * @param requestsPerSecond sustained requests per second per source
     * @param burst             bucket size: requests a source may send at once
     * @param ban               how long a source that exceeded its rate is dropped
     * @param trusted           networks never limited
     */
    public record Settings(int requestsPerSecond, int burst, Duration ban, List<Cidr> trusted, int maxAuthFailures,
                           Duration authFailureWindow) {
        public Settings {
            trusted = List.copyOf(trusted);
            if (requestsPerSecond <= 0 || burst <= 0) {
                throw new IllegalArgumentException("rate and burst must be positive");
            }
            if (maxAuthFailures < 0 || authFailureWindow.isNegative() || authFailureWindow.isZero()) {
                throw new IllegalArgumentException("auth failures must be >= 0 and the window positive");
            }
        }

        /** Rate limits only: authentication failures never ban. */
        public Settings(int requestsPerSecond, int burst, Duration ban, List<Cidr> trusted) {
            this(requestsPerSecond, burst, ban, trusted, 0, Duration.ofMinutes(1));
        }
    }

    private static final class Bucket {
        double tokens;
        long lastNanos;
        long bannedUntilNanos;
        int authFailures;
        long authWindowStartNanos;
    }

    private final Settings settings;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<InetAddress, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long dropped;
    private volatile long bans;
    private volatile long authBans;

    public SourceGuard(Settings settings, LongSupplier nanoClock) {
        this.settings = settings;
        this.nanoClock = nanoClock;
    }

    /** True when a request from this source may be processed; false means drop it (and count it). */
    public boolean admit(InetAddress source) {
        if (trusted(source)) {
            return true;
        }
        long now = nanoClock.getAsLong();
        Bucket b = bucket(source, now);
        synchronized (b) {
            if (b.bannedUntilNanos != 0 && now - b.bannedUntilNanos < 0) {
                dropped++;
                return false;
            }
            double refill = (now - b.lastNanos) / 1e9 * settings.requestsPerSecond();
            b.tokens = Math.min(settings.burst(), b.tokens + refill);
            b.lastNanos = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                b.bannedUntilNanos = 0;
                return true;
            }
            b.bannedUntilNanos = now + settings.ban().toNanos();
            bans++;
            dropped++;
            return false;
        }
    }

    /**
     * Counts one failed authentication of this source (credentials that were answered with a new, not stale,
     * challenge); the {@code maxAuthFailures}-th within the window bans it like a flood. True when it banned.
     */
    public boolean authFailed(InetAddress source) {
        if (settings.maxAuthFailures() == 0 || trusted(source)) {
            return false;
        }
        long now = nanoClock.getAsLong();
        Bucket b = bucket(source, now);
        synchronized (b) {
            if (b.authFailures == 0 || now - b.authWindowStartNanos > settings.authFailureWindow().toNanos()) {
                b.authFailures = 0;
                b.authWindowStartNanos = now;
            }
            if (++b.authFailures < settings.maxAuthFailures()) {
                return false;
            }
            b.authFailures = 0;
            b.bannedUntilNanos = now + settings.ban().toNanos();
            bans++;
            authBans++;
            return true;
        }
    }

    private boolean trusted(InetAddress source) {
        for (Cidr c : settings.trusted()) {
            if (c.contains(source)) {
                return true;
            }
        }
        return false;
    }

    private Bucket bucket(InetAddress source, long now) {
        return buckets.computeIfAbsent(source, k -> {
            Bucket n = new Bucket();
            n.tokens = settings.burst();
            n.lastNanos = now;
            return n;
        });
    }

    /** Forgets sources idle for longer than a ban and a full bucket refill (call periodically). */
    public void sweep() {
        long now = nanoClock.getAsLong();
        long idle = settings.ban().toNanos() + (long) (1e9 * settings.burst() / settings.requestsPerSecond());
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return now - e.getValue().lastNanos > idle && now - e.getValue().bannedUntilNanos > 0;
            }
        });
    }

    /** Requests dropped so far. */
    public long dropped() {
        return dropped;
    }

    /** Bans started so far. */
    public long bans() {
        return bans;
    }

    /** Bans started because of failed authentications (also counted in {@link #bans()}). */
    public long authBans() {
        return authBans;
    }

    /** Sources currently tracked. */
    public int tracked() {
        return buckets.size();
    }
}
