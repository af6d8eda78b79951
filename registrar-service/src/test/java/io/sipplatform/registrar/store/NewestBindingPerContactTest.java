package io.sipplatform.registrar.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.stream.Collectors;
import org.infinispan.metadata.EmbeddedMetadata;
import org.infinispan.xsite.spi.SiteEntry;
import org.junit.jupiter.api.Test;

/** The cross-site merge of one AOR written at two sites at once: per contact, the newest registration wins. */
class NewestBindingPerContactTest {
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    final NewestBindingPerContact policy = new NewestBindingPerContact(InstantSource.fixed(NOW));

    static StoredBinding binding(String uri, long updatedSecond, String site, String instance, int regId) {
        long base = InfinispanLocationStore.toNanos(NOW);
        return new StoredBinding(uri, base + 3_600_000_000_000L, -1, instance, regId, "call-" + site, 1, "", 0, "",
                List.of(), "", "", "", base + updatedSecond * 1_000_000_000L, site);
    }

    static SiteEntry<StoredAor> entry(String site, StoredBinding... bindings) {
        return new SiteEntry<>(site, new StoredAor(List.of(bindings)), new EmbeddedMetadata.Builder().build());
    }

    static List<String> describe(SiteEntry<StoredAor> merged) {
        return merged.getValue().bindings().stream().map(b -> b.contactUri() + "@" + b.site())
                .collect(Collectors.toList());
    }

    @Test
    void contactsRegisteredAtEitherSiteAreAllKept() {
        var merged = policy.resolve(entry("A", binding("sip:x@192.0.2.1", 1, "A", "", 0)),
                entry("B", binding("sip:y@192.0.2.2", 1, "B", "", 0)));
        assertEquals(List.of("sip:x@192.0.2.1@A", "sip:y@192.0.2.2@B"), describe(merged));
    }

    @Test
    void forAContactOnBothSidesTheNewerRegistrationWinsWhateverTheSiteName() {
        var older = entry("A", binding("sip:x@192.0.2.1", 5, "A", "", 0));
        var newer = entry("B", binding("sip:x@192.0.2.1", 9, "B", "", 0));
        assertEquals(List.of("sip:x@192.0.2.1@B"), describe(policy.resolve(older, newer)));
        var newerAtA = entry("A", binding("sip:x@192.0.2.1", 9, "A", "", 0));
        var olderAtB = entry("B", binding("sip:x@192.0.2.1", 5, "B", "", 0));
        assertEquals(List.of("sip:x@192.0.2.1@A"), describe(policy.resolve(newerAtA, olderAtB)));
    }

    @Test
    void bothSitesComputeTheSameValueWhicheverSideIsLocal() {
        var a = entry("A", binding("sip:x@192.0.2.1", 5, "A", "", 0), binding("sip:z@192.0.2.9", 7, "A", "", 0));
        var b = entry("B", binding("sip:x@192.0.2.1", 6, "B", "", 0), binding("sip:y@192.0.2.2", 1, "B", "", 0));
        assertEquals(policy.resolve(a, b).getValue(), policy.resolve(b, a).getValue());
        assertEquals(policy.resolve(a, b).getSiteName(), policy.resolve(b, a).getSiteName());
    }

    @Test
    void flowsAreOneContactPerInstanceAndRegIdEvenWithDifferentUris() {
        var a = entry("A", binding("sip:alice@192.0.2.1;transport=tcp", 3, "A", "urn:uuid:abc", 1));
        var b = entry("B", binding("sip:alice@198.51.100.7;transport=tcp", 4, "B", "URN:UUID:ABC", 1));
        assertEquals(List.of("sip:alice@198.51.100.7;transport=tcp@B"), describe(policy.resolve(a, b)));
    }

    @Test
    void aRemovalAtOneSiteDoesNotEraseBindingsTheOtherSiteHolds() {
        var removed = new SiteEntry<StoredAor>("A", null, null);
        var kept = entry("B", binding("sip:y@192.0.2.2", 1, "B", "", 0));
        assertEquals(kept, policy.resolve(removed, kept));
        assertEquals(kept, policy.resolve(kept, removed));
        assertNull(policy.resolve(removed, new SiteEntry<StoredAor>("B", null, null)).getValue());
    }
}
