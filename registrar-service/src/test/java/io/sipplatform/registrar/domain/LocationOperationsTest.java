package io.sipplatform.registrar.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Removals outside a REGISTER (operators, RFC 5626 §4.4.1 flow loss), the operator listing and counts. */
class LocationOperationsTest {
    final MutableClock clock = new MutableClock(RegisterRulesTest.T0);
    final InMemoryLocationStore store = new InMemoryLocationStore();
    final Registrar registrar = new Registrar(store, RegisterRulesTest.POLICY, Optional.empty(), clock);

    void register(String user, String... contacts) {
        Requests request = Requests.register().aor("sip:" + user + "@example.com").callId(user + "-call");
        for (String contact : contacts) {
            request.contact(contact);
        }
        assertEquals(200, registrar.register(request.build()).code());
    }

    @Test
    void unregisteringAnAorRemovesAllItsBindingsAndIsIdempotent() {
        register("alice", "sip:a@192.0.2.1", "sip:a@192.0.2.2");
        assertEquals(2, registrar.unregister(new Aor("sip:alice@example.com")));
        assertEquals(0, registrar.unregister(new Aor("sip:alice@example.com")));
        assertTrue(registrar.lookup(new Aor("sip:alice@example.com")).isEmpty());
    }

    @Test
    void unregisteringOneContactLeavesTheOthers() {
        register("alice", "sip:a@192.0.2.1", "sip:a@192.0.2.2");
        assertEquals(1, registrar.unregister(new Aor("sip:alice@example.com"), "sip:a@192.0.2.1"));
        assertEquals(List.of("sip:a@192.0.2.2"), RegisterRulesTest.contacts(
                registrar.lookup(new Aor("sip:alice@example.com"))));
    }

    @Test
    void aClosedFlowRemovesExactlyTheBindingsReachedOverIt() {
        registrar.register(Requests.register().aor("sip:alice@example.com").flow("edge-1", "t1")
                .contact("sip:a@192.0.2.1;transport=tcp").build());
        registrar.register(Requests.register().aor("sip:bob@example.com").flow("edge-1", "t2")
                .contact("sip:b@192.0.2.2;transport=tcp").build());
        registrar.register(Requests.register().aor("sip:alice@example.com").callId("udp-phone")
                .contact("sip:a@192.0.2.3").build());
        assertEquals(1, registrar.unregister(new Flow("edge-1", "t1")));
        assertEquals(List.of("sip:a@192.0.2.3"), RegisterRulesTest.contacts(
                registrar.lookup(new Aor("sip:alice@example.com"))));
        assertEquals(1, registrar.lookup(new Aor("sip:bob@example.com")).size());
    }

    @Test
    void theListingPagesThroughEveryBindingInAorThenContactOrder() {
        register("carol", "sip:c2@192.0.2.1", "sip:c1@192.0.2.1");
        register("alice", "sip:a1@192.0.2.1");
        register("bob", "sip:b1@192.0.2.1", "sip:b3@192.0.2.1", "sip:b2@192.0.2.1");
        List<String> seen = new ArrayList<>();
        Optional<PageCursor> cursor = Optional.empty();
        int pages = 0;
        do {
            BindingPage page = registrar.list("", cursor, 2);
            assertTrue(page.bindings().size() <= 2);
            page.bindings().forEach(b -> seen.add(b.aor() + " " + b.contactUri()));
            cursor = page.next();
            pages++;
        } while (cursor.isPresent());
        assertEquals(List.of("sip:alice@example.com sip:a1@192.0.2.1", "sip:bob@example.com sip:b1@192.0.2.1",
                "sip:bob@example.com sip:b2@192.0.2.1", "sip:bob@example.com sip:b3@192.0.2.1",
                "sip:carol@example.com sip:c1@192.0.2.1", "sip:carol@example.com sip:c2@192.0.2.1"), seen);
        assertEquals(3, pages);
    }

    @Test
    void theListingFiltersByAorPrefixAndSkipsExpiredBindings() {
        register("alice", "sip:a1@192.0.2.1");
        register("bob", "sip:b1@192.0.2.1");
        assertEquals(List.of("sip:bob@example.com"), registrar.list("sip:b", Optional.empty(), 10).bindings()
                .stream().map(b -> b.aor().uri()).collect(Collectors.toList()));
        clock.advance(Duration.ofHours(2));
        assertTrue(registrar.list("", Optional.empty(), 10).bindings().isEmpty());
    }

    @Test
    void countsTellAorsBindingsAndFlows() {
        register("alice", "sip:a1@192.0.2.1", "sip:a2@192.0.2.1");
        registrar.register(Requests.register().aor("sip:bob@example.com").flow("edge-1", "t")
                .contact("sip:b@192.0.2.2;transport=tcp").build());
        LocationCounts counts = registrar.counts();
        assertEquals(2, counts.aors());
        assertEquals(3, counts.bindings());
        assertEquals(1, counts.bindingsWithFlow());
        assertEquals(clock.instant(), counts.countedAt());
    }
}
