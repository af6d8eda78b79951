package io.sipplatform.registrar.store;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.infinispan.metadata.EmbeddedMetadata;
import org.infinispan.xsite.spi.SiteEntry;
import org.infinispan.xsite.spi.XSiteEntryMergePolicy;

/**
 * Resolves an AOR written concurrently at two sites: the union of both binding sets, and for a contact present on
 * both sides the binding with the newer {@code updatedAt} (then the site name, then Call-ID and CSeq, so the choice
 * is total). Identity is the same as in a REGISTER: a flow by instance-id and reg-id (RFC 5626), any other binding
 * by its contact URI text. The result does not depend on which side is local, so both sites converge on the same
 * value. When one side removed the AOR and the other still has bindings, the bindings win: the removal's time is
 * unknown, and a UA that refreshed at the other site is alive (its binding expires by itself otherwise).
 * Infinispan's default policy, by contrast, keeps one whole value chosen by site name and would drop the other
 * site's registrations.
 */
public final class NewestBindingPerContact implements XSiteEntryMergePolicy<String, StoredAor> {
    private static final Comparator<StoredBinding> NEWER_FIRST = Comparator
            .comparingLong(StoredBinding::updatedAtNanos)
            .thenComparing(StoredBinding::site)
            .thenComparing(StoredBinding::callId)
            .thenComparingLong(StoredBinding::cseq)
            .thenComparingLong(StoredBinding::expiresAtNanos)
            .reversed();

    private final InstantSource clock;

    public NewestBindingPerContact() {
        this(InstantSource.system());
    }

    /** @param clock gives the merged entry's lifespan (until its latest binding expires) */
    public NewestBindingPerContact(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CompletionStage<SiteEntry<StoredAor>> merge(String key, SiteEntry<StoredAor> local,
            SiteEntry<StoredAor> remote) {
        return CompletableFuture.completedFuture(resolve(local, remote));
    }

    SiteEntry<StoredAor> resolve(SiteEntry<StoredAor> local, SiteEntry<StoredAor> remote) {
        // Order the pair by site name so the outcome is the same at both sites.
        boolean localFirst = local.getSiteName().compareTo(remote.getSiteName()) <= 0;
        SiteEntry<StoredAor> a = localFirst ? local : remote;
        SiteEntry<StoredAor> b = localFirst ? remote : local;
        if (a.getValue() == null) {
            return b.getValue() == null ? a : b;
        }
        if (b.getValue() == null) {
            return a;
        }
        Map<String, StoredBinding> newest = new TreeMap<>();
        for (SiteEntry<StoredAor> side : java.util.List.of(a, b)) {
            for (StoredBinding binding : side.getValue().bindings()) {
                newest.merge(identity(binding), binding, (x, y) -> NEWER_FIRST.compare(x, y) <= 0 ? x : y);
            }
        }
        StoredAor merged = new StoredAor(new ArrayList<>(newest.values()));
        StoredBinding newestOverall = merged.bindings().stream().min(NEWER_FIRST).orElseThrow();
        String site = newestOverall.site().isEmpty() ? a.getSiteName() : newestOverall.site();
        long now = InfinispanLocationStore.toNanos(clock.instant());
        long latest = merged.bindings().stream().mapToLong(StoredBinding::expiresAtNanos).max().orElse(now);
        long lifespan = Math.max(1, TimeUnit.NANOSECONDS.toMillis(latest - now) + 1);
        return new SiteEntry<>(site, merged, new EmbeddedMetadata.Builder().lifespan(lifespan).build());
    }

    static String identity(StoredBinding binding) {
        if (!binding.instanceId().isEmpty() && binding.regId() > 0) {
            return "flow " + binding.instanceId().toLowerCase(Locale.ROOT) + " " + binding.regId();
        }
        return "uri " + binding.contactUri();
    }
}
