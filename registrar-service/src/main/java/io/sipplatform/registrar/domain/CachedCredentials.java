package io.sipplatform.registrar.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps what a {@link CredentialsSource} answered for a short while, so a phone's re-registrations (and the 401 round
 * trip of each) do not cost one call to routing-service each. A found account is kept for {@code ttl}, an unknown
 * username for {@code negativeTtl} (shorter: a new account works soon, while a flood of made-up usernames still
 * does not reach routing). Consequence: a changed password, a disabled or deleted account takes up to {@code ttl}
 * to be refused on this node. A source that is unavailable is never cached (the REGISTER gets 503 as before). At
 * most {@code maxEntries} are kept; past it the cache is emptied and refills (a cap, not an LRU).
 */
public final class CachedCredentials implements CredentialsSource {
    private record Entry(Optional<DigestAccount> account, Instant until) {
    }

    private record Key(String username, String realm) {
    }

    private final CredentialsSource source;
    private final Duration ttl;
    private final Duration negativeTtl;
    private final int maxEntries;
    private final InstantSource clock;
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();

    public CachedCredentials(CredentialsSource source, Duration ttl, Duration negativeTtl, int maxEntries,
                             InstantSource clock) {
        if (ttl.isNegative() || negativeTtl.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("cache TTLs must not be negative and the size positive");
        }
        this.source = source;
        this.ttl = ttl;
        this.negativeTtl = negativeTtl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public Optional<DigestAccount> find(String username, String realm) {
        Key key = new Key(username, realm);
        Instant now = clock.instant();
        Entry e = entries.get(key);
        if (e != null && now.isBefore(e.until())) {
            return e.account();
        }
        Optional<DigestAccount> account = source.find(username, realm); // unavailable: thrown, nothing cached
        Duration keep = account.isPresent() ? ttl : negativeTtl;
        if (!keep.isZero()) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry(account, now.plus(keep)));
        } else {
            entries.remove(key);
        }
        return account;
    }

    /** Entries held now (expired ones included until asked again or evicted). */
    public int size() {
        return entries.size();
    }
}
