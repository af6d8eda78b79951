package io.sipplatform.registrar.store;

import io.sipplatform.registrar.domain.Aor;
import io.sipplatform.registrar.domain.Binding;
import io.sipplatform.registrar.domain.Flow;
import io.sipplatform.registrar.domain.LocationCounts;
import io.sipplatform.registrar.domain.LocationStore;
import io.sipplatform.registrar.domain.LocationStoreException;
import io.sipplatform.registrar.domain.SourceAddress;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.infinispan.Cache;
import org.infinispan.commons.util.CloseableIterator;

/**
 * {@link LocationStore} on the distributed location cache: key the AOR text, value every binding of the AOR; the
 * entry's lifespan ends with the latest binding, so an AOR whose UAs stopped refreshing disappears by itself.
 * Compare-and-set maps to Infinispan's conditional putIfAbsent / replace / remove, decided on the key's primary
 * owner. Scans (listing, flow removal, counts) iterate the whole cluster's entries, shipping data rather than code,
 * so they cost time proportional to the number of AORs and are meant for operators, not the REGISTER path.
 */
public final class InfinispanLocationStore implements LocationStore {
    private final Supplier<Cache<String, StoredAor>> cache;
    private final InstantSource clock;

    /** @param cache gives the location cache, blocking until the node started; may throw while it cannot */
    public InfinispanLocationStore(Supplier<Cache<String, StoredAor>> cache, InstantSource clock) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<Binding> bindings(Aor aor) {
        try {
            StoredAor stored = cache.get().get(aor.uri());
            return stored == null ? List.of() : toDomain(aor, stored);
        } catch (RuntimeException e) {
            throw new LocationStoreException("cannot read " + aor, e);
        }
    }

    @Override
    public boolean replace(Aor aor, List<Binding> expected, List<Binding> next) {
        String key = aor.uri();
        try {
            Cache<String, StoredAor> locations = cache.get();
            if (expected.isEmpty()) {
                if (next.isEmpty()) {
                    return !locations.containsKey(key);
                }
                return locations.putIfAbsent(key, toStored(next), lifespanMillis(next), TimeUnit.MILLISECONDS) == null;
            }
            StoredAor old = toStored(expected);
            if (next.isEmpty()) {
                return locations.remove(key, old);
            }
            return locations.replace(key, old, toStored(next), lifespanMillis(next), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            throw new LocationStoreException("cannot write " + aor, e);
        }
    }

    /** Until the latest binding lapses; at least 1 ms, since 0 would mean "forever" to Infinispan. */
    private long lifespanMillis(List<Binding> bindings) {
        long now = toNanos(clock.instant());
        long latest = now;
        for (Binding binding : bindings) {
            latest = Math.max(latest, toNanos(binding.expiresAt()));
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(latest - now) + 1);
    }

    @Override
    public List<Aor> aors(String prefix, Aor after, int limit) {
        TreeSet<String> smallest = new TreeSet<>();
        try (CloseableIterator<String> keys = cache.get().keySet().iterator()) {
            while (keys.hasNext()) {
                String key = keys.next();
                if (!key.startsWith(prefix) || (after != null && key.compareTo(after.uri()) <= 0)) {
                    continue;
                }
                smallest.add(key);
                if (smallest.size() > limit) {
                    smallest.pollLast();
                }
            }
        } catch (RuntimeException e) {
            throw new LocationStoreException("cannot list AORs", e);
        }
        List<Aor> out = new ArrayList<>(smallest.size());
        for (String key : smallest) {
            out.add(new Aor(key));
        }
        return out;
    }

    @Override
    public List<Aor> aorsReachedOver(Flow flow) {
        List<Aor> out = new ArrayList<>();
        try (CloseableIterator<Map.Entry<String, StoredAor>> entries = cache.get().entrySet().iterator()) {
            while (entries.hasNext()) {
                Map.Entry<String, StoredAor> entry = entries.next();
                for (StoredBinding binding : entry.getValue().bindings()) {
                    if (binding.flowEdgeId().equals(flow.edgeId()) && binding.flowToken().equals(flow.flowToken())) {
                        out.add(new Aor(entry.getKey()));
                        break;
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new LocationStoreException("cannot scan flows", e);
        }
        return out;
    }

    @Override
    public LocationCounts counts(Instant now) {
        long nowNanos = toNanos(now);
        long aors = 0;
        long bindings = 0;
        long withFlow = 0;
        try (CloseableIterator<StoredAor> values = cache.get().values().iterator()) {
            while (values.hasNext()) {
                long live = 0;
                for (StoredBinding binding : values.next().bindings()) {
                    if (binding.expiresAtNanos() > nowNanos) {
                        live++;
                        if (!binding.flowEdgeId().isEmpty()) {
                            withFlow++;
                        }
                    }
                }
                bindings += live;
                if (live > 0) {
                    aors++;
                }
            }
        } catch (RuntimeException e) {
            throw new LocationStoreException("cannot count bindings", e);
        }
        return new LocationCounts(aors, bindings, withFlow, now);
    }

    static StoredAor toStored(List<Binding> bindings) {
        List<StoredBinding> out = new ArrayList<>(bindings.size());
        for (Binding b : bindings) {
            Optional<SourceAddress> source = b.source();
            Optional<Flow> flow = b.flow();
            out.add(new StoredBinding(b.contactUri(), toNanos(b.expiresAt()), b.qMilli().orElse(-1), b.instanceId(),
                    b.regId(), b.callId(), b.cseq(), source.map(SourceAddress::ip).orElse(""),
                    source.map(SourceAddress::port).orElse(0), source.map(SourceAddress::transport).orElse(""),
                    b.path(), flow.map(Flow::edgeId).orElse(""), flow.map(Flow::flowToken).orElse(""),
                    b.userAgent(), toNanos(b.updatedAt()), b.site()));
        }
        return new StoredAor(out);
    }

    static List<Binding> toDomain(Aor aor, StoredAor stored) {
        List<Binding> out = new ArrayList<>(stored.bindings().size());
        for (StoredBinding s : stored.bindings()) {
            Optional<SourceAddress> source = s.sourceIp().isEmpty() ? Optional.empty()
                    : Optional.of(new SourceAddress(s.sourceIp(), s.sourcePort(), s.sourceTransport()));
            Optional<Flow> flow = s.flowEdgeId().isEmpty() || s.flowToken().isEmpty() ? Optional.empty()
                    : Optional.of(new Flow(s.flowEdgeId(), s.flowToken()));
            out.add(new Binding(aor, s.contactUri(), fromNanos(s.expiresAtNanos()),
                    s.qMilli() < 0 ? OptionalInt.empty() : OptionalInt.of(s.qMilli()), s.instanceId(), s.regId(),
                    s.callId(), s.cseq(), source, s.path(), flow, s.userAgent(), fromNanos(s.updatedAtNanos()),
                    s.site()));
        }
        return out;
    }

    static long toNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    static Instant fromNanos(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
