package io.sipplatform.registrar.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** A {@link LocationStore} fake: a sorted map with compare-and-set, plus hooks to inject failures and races. */
public final class InMemoryLocationStore implements LocationStore {
    private final Map<Aor, List<Binding>> records = new ConcurrentSkipListMap<>();
    private final AtomicInteger writes = new AtomicInteger();
    private volatile boolean failing;
    private volatile Consumer<InMemoryLocationStore> beforeNextReplace;

    @Override
    public List<Binding> bindings(Aor aor) {
        failIfAsked();
        return records.getOrDefault(aor, List.of());
    }

    @Override
    public boolean replace(Aor aor, List<Binding> expected, List<Binding> next) {
        failIfAsked();
        Consumer<InMemoryLocationStore> hook = beforeNextReplace;
        if (hook != null) {
            beforeNextReplace = null;
            hook.accept(this);
        }
        writes.incrementAndGet();
        List<Binding> copy = List.copyOf(next);
        synchronized (records) {
            List<Binding> current = records.getOrDefault(aor, List.of());
            if (!current.equals(expected)) {
                return false;
            }
            if (copy.isEmpty()) {
                records.remove(aor);
            } else {
                records.put(aor, copy);
            }
            return true;
        }
    }

    @Override
    public List<Aor> aors(String prefix, Aor after, int limit) {
        List<Aor> out = new ArrayList<>();
        for (Aor aor : records.keySet()) {
            if (aor.uri().startsWith(prefix) && (after == null || aor.compareTo(after) > 0)) {
                out.add(aor);
                if (out.size() == limit) {
                    break;
                }
            }
        }
        return out;
    }

    @Override
    public List<Aor> aorsReachedOver(Flow flow) {
        List<Aor> out = new ArrayList<>();
        records.forEach((aor, bindings) -> {
            if (bindings.stream().anyMatch(b -> b.flow().filter(flow::equals).isPresent())) {
                out.add(aor);
            }
        });
        return out;
    }

    @Override
    public LocationCounts counts(Instant now) {
        long aors = 0;
        long bindings = 0;
        long withFlow = 0;
        for (List<Binding> list : records.values()) {
            long live = list.stream().filter(b -> b.liveAt(now)).count();
            if (live > 0) {
                aors++;
            }
            bindings += live;
            withFlow += list.stream().filter(b -> b.liveAt(now) && b.flow().isPresent()).count();
        }
        return new LocationCounts(aors, bindings, withFlow, now);
    }

    /** Sets the AOR's record directly, as another replica would. */
    public void put(Aor aor, List<Binding> bindings) {
        records.put(aor, List.copyOf(bindings));
    }

    /** Runs {@code hook} just before the next compare-and-set, e.g. to simulate a racing writer. */
    public void beforeNextReplace(Consumer<InMemoryLocationStore> hook) {
        this.beforeNextReplace = hook;
    }

    /** Makes every call fail as an unreachable store would. */
    public void failing(boolean failing) {
        this.failing = failing;
    }

    /** Number of compare-and-set calls so far. */
    public int writes() {
        return writes.get();
    }

    private void failIfAsked() {
        if (failing) {
            throw new LocationStoreException("store down (test)", null);
        }
    }
}
