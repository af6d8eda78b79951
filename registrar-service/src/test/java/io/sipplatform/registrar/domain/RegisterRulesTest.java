package io.sipplatform.registrar.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** RFC 3261 §10.3 (with RFC 5626 §6 and RFC 3327 §5.3) as the registrar applies it, with a fixed clock. */
class RegisterRulesTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final RegistrarPolicy POLICY = new RegistrarPolicy(Duration.ofSeconds(60), Duration.ofSeconds(3600),
            Duration.ofSeconds(7200), 3, Set.of(), Optional.empty(), "site-a");

    final MutableClock clock = new MutableClock(T0);
    final InMemoryLocationStore store = new InMemoryLocationStore();
    final Registrar registrar = new Registrar(store, POLICY, Optional.empty(), clock);

    RegisterOutcome.Registered registered(Requests request) {
        return assertInstanceOf(RegisterOutcome.Registered.class, registrar.register(request.build()));
    }

    RegisterOutcome.Rejected rejected(Requests request) {
        return assertInstanceOf(RegisterOutcome.Rejected.class, registrar.register(request.build()));
    }

    static List<String> contacts(List<Binding> bindings) {
        return bindings.stream().map(Binding::contactUri).collect(Collectors.toList());
    }

    List<String> lookup() {
        return contacts(registrar.lookup(new Aor("sip:alice@example.com")));
    }

    @Nested
    @DisplayName("expiry (§10.3 steps 6-7)")
    class Expiry {
        @Test
        void contactExpiresParameterOverridesTheExpiresHeader() {
            var ok = registered(Requests.register().contact("sip:alice@192.0.2.1", 120).expires(600));
            assertEquals(Duration.ofSeconds(120), ok.bindings().get(0).remainingAt(T0));
        }

        @Test
        void expiresHeaderAppliesWhenTheContactHasNoExpiresParameter() {
            var ok = registered(Requests.register().contact("sip:alice@192.0.2.1").expires(600));
            assertEquals(T0.plusSeconds(600), ok.bindings().get(0).expiresAt());
        }

        @Test
        void defaultExpiryAppliesWhenNeitherContactNorHeaderGivesOne() {
            var ok = registered(Requests.register().contact("sip:alice@192.0.2.1"));
            assertEquals(T0.plusSeconds(3600), ok.bindings().get(0).expiresAt());
        }

        @Test
        void status423WhenExpiresBelowMinExpiresCarriesMinExpires() {
            var no = rejected(Requests.register().contact("sip:alice@192.0.2.1", 59));
            assertEquals(423, no.code());
            assertEquals(Optional.of(Duration.ofSeconds(60)), no.minExpires());
            assertTrue(lookup().isEmpty(), "nothing stored");
        }

        @Test
        void status423WhenTheExpiresHeaderIsBelowMinExpires() {
            assertEquals(423, rejected(Requests.register().contact("sip:alice@192.0.2.1").expires(30)).code());
        }

        @Test
        void expiresEqualToMinExpiresIsAccepted() {
            registered(Requests.register().contact("sip:alice@192.0.2.1", 60));
            assertEquals(List.of("sip:alice@192.0.2.1"), lookup());
        }

        @Test
        void expiresZeroIsNeverTooBrief() {
            registered(Requests.register().contact("sip:alice@192.0.2.1", 0));
            assertTrue(lookup().isEmpty());
        }

        @Test
        void expiryAboveMaxExpiresIsShortenedToMaxExpires() {
            var ok = registered(Requests.register().contact("sip:alice@192.0.2.1", 86_400));
            assertEquals(Duration.ofSeconds(7200), ok.bindings().get(0).remainingAt(T0));
        }

        @Test
        void expiresBeyondTwoToThe32IsReadAsTheLargestDeltaAndThenShortened() {
            var ok = registered(Requests.register().contact("sip:alice@192.0.2.1", 1L << 40));
            assertEquals(T0.plusSeconds(7200), ok.bindings().get(0).expiresAt());
        }

        @Test
        void answer200ListsEveryLiveBindingWithItsRemainingExpiry() {
            registered(Requests.register().contact("sip:alice@192.0.2.1", 600));
            clock.advance(Duration.ofSeconds(100));
            var ok = registered(Requests.register().contact("sip:alice@192.0.2.2", 300).callId("other"));
            assertEquals(2, ok.bindings().size());
            var remaining = ok.bindings().stream()
                    .collect(Collectors.toMap(Binding::contactUri, b -> b.remainingAt(clock.instant())));
            assertEquals(Duration.ofSeconds(500), remaining.get("sip:alice@192.0.2.1"));
            assertEquals(Duration.ofSeconds(300), remaining.get("sip:alice@192.0.2.2"));
        }

        @Test
        void expiredBindingsVanishFromAnswersAndLookups() {
            registered(Requests.register().contact("sip:alice@192.0.2.1", 60));
            clock.advance(Duration.ofSeconds(60));
            assertTrue(lookup().isEmpty());
            var ok = registered(Requests.register().contact("sip:alice@192.0.2.2").callId("c2"));
            assertEquals(List.of("sip:alice@192.0.2.2"), contacts(ok.bindings()));
        }

        @Test
        void aQueryWithoutContactReturnsTheBindingsAndWritesNothing() {
            registered(Requests.register().contact("sip:alice@192.0.2.1"));
            int writes = store.writes();
            var ok = registered(Requests.register().cseq(2));
            assertEquals(List.of("sip:alice@192.0.2.1"), contacts(ok.bindings()));
            assertEquals(writes, store.writes());
        }
    }

    @Nested
    @DisplayName("removal and wildcard (§10.3 step 6)")
    class Removal {
        @Test
        void expiresZeroRemovesTheBinding() {
            registered(Requests.register().contact("sip:alice@192.0.2.1").contact("sip:alice@192.0.2.2"));
            var ok = registered(Requests.register().contact("sip:alice@192.0.2.1", 0).cseq(2));
            assertEquals(List.of("sip:alice@192.0.2.2"), contacts(ok.bindings()));
        }

        @Test
        void removingAnUnknownContactSucceedsAndRemovesNothing() {
            registered(Requests.register().contact("sip:alice@192.0.2.1"));
            var ok = registered(Requests.register().contact("sip:alice@198.51.100.9", 0).cseq(2));
            assertEquals(List.of("sip:alice@192.0.2.1"), contacts(ok.bindings()));
        }

        @Test
        void wildcardWithExpiresZeroRemovesEveryBinding() {
            registered(Requests.register().contact("sip:alice@192.0.2.1").contact("sip:alice@192.0.2.2"));
            registered(Requests.register().contact("sip:alice@192.0.2.3").callId("other-ua"));
            var ok = registered(Requests.register().wildcard().expires(0).cseq(2));
            assertTrue(ok.bindings().isEmpty());
            assertTrue(lookup().isEmpty());
        }

        @Test
        void status400WhenWildcardHasANonZeroExpires() {
            assertEquals(Rejection.WILDCARD_WITH_NONZERO_EXPIRES,
                    rejected(Requests.register().wildcard().expires(3600)).rejection());
        }

        @Test
        void status400WhenWildcardHasNoExpiresHeaderBecauseTheDefaultIsNotZero() {
            assertEquals(400, rejected(Requests.register().wildcard()).code());
        }

        @Test
        void status400WhenWildcardComesWithAnotherContact() {
            var no = rejected(Requests.register().wildcard().expires(0).contact("sip:alice@192.0.2.1"));
            assertEquals(Rejection.WILDCARD_WITH_OTHER_CONTACTS, no.rejection());
        }

        @Test
        void status500WhenWildcardRepeatsTheCseqOfAStoredBindingsCallId() {
            registered(Requests.register().contact("sip:alice@192.0.2.1").cseq(5));
            assertEquals(500, rejected(Requests.register().wildcard().expires(0).cseq(5)).code());
            assertEquals(List.of("sip:alice@192.0.2.1"), lookup());
        }

        @Test
        void status400WhenAContactIsNotAUri() {
            assertEquals(Rejection.INVALID_CONTACT, rejected(Requests.register().contact("not a uri")).rejection());
        }
    }

    @Nested
    @DisplayName("Call-ID and CSeq ordering (§10.3 step 7)")
    class Ordering {
        @Test
        void sameCallIdWithHigherCseqUpdatesTheBinding() {
            registered(Requests.register().contact("sip:alice@192.0.2.1", 600).cseq(1));
            clock.advance(Duration.ofSeconds(10));
            var ok = registered(Requests.register().contact("sip:alice@192.0.2.1", 600).cseq(2));
            assertEquals(clock.instant().plusSeconds(600), ok.bindings().get(0).expiresAt());
            assertEquals(2, ok.bindings().get(0).cseq());
        }

        @Test
        void status500WhenSameCallIdAndCseqEqualToTheStoredOne() {
            registered(Requests.register().contact("sip:alice@192.0.2.1").cseq(7));
            var no = rejected(Requests.register().contact("sip:alice@192.0.2.1", 0).cseq(7));
            assertEquals(Rejection.OUT_OF_ORDER, no.rejection());
            assertEquals(500, no.code());
            assertEquals(List.of("sip:alice@192.0.2.1"), lookup(), "binding not removed");
        }

        @Test
        void status500WhenSameCallIdAndLowerCseq() {
            registered(Requests.register().contact("sip:alice@192.0.2.1").cseq(7));
            assertEquals(500, rejected(Requests.register().contact("sip:alice@192.0.2.1", 0).cseq(6)).code());
        }

        @Test
        void aDifferentCallIdUpdatesWhateverItsCseq() {
            registered(Requests.register().contact("sip:alice@192.0.2.1").cseq(100));
            var ok = registered(Requests.register().contact("sip:alice@192.0.2.1", 0).callId("rebooted").cseq(1));
            assertTrue(ok.bindings().isEmpty());
        }

        @Test
        void anOutOfOrderContactAbortsTheWholeRequest() {
            registered(Requests.register().contact("sip:alice@192.0.2.1").cseq(5));
            rejected(Requests.register().contact("sip:alice@192.0.2.2").contact("sip:alice@192.0.2.1").cseq(5));
            assertEquals(List.of("sip:alice@192.0.2.1"), lookup(), "the new contact was not added either");
        }

        @Test
        void aUriRepeatedInOneRequestIsNotOutOfOrderAgainstItself() {
            var ok = registered(Requests.register().contact("sip:alice@192.0.2.1", 100)
                    .contact("sip:alice@192.0.2.1", 200));
            assertEquals(T0.plusSeconds(200), ok.bindings().get(0).expiresAt());
            assertEquals(1, ok.bindings().size());
        }

        @Test
        void contactsMatchByUriComparisonNotByText() {
            registered(Requests.register().contact("sip:alice@Host.Example.COM;transport=tcp;a=1"));
            var ok = registered(Requests.register().contact("SIP:alice@host.example.com;A=1;transport=TCP", 0)
                    .cseq(2));
            assertTrue(ok.bindings().isEmpty());
        }

        @Test
        void aUserPartDifferingInCaseIsADifferentContact() {
            registered(Requests.register().contact("sip:alice@192.0.2.1"));
            var ok = registered(Requests.register().contact("sip:ALICE@192.0.2.1").cseq(2));
            assertEquals(2, ok.bindings().size());
        }
    }

    @Nested
    @DisplayName("limits and request checks (§10.3 steps 1, 2, 5)")
    class Limits {
        @Test
        void status403WhenARequestWouldExceedMaxContactsPerAor() {
            registered(Requests.register().contact("sip:a@192.0.2.1").contact("sip:b@192.0.2.1")
                    .contact("sip:c@192.0.2.1"));
            var no = rejected(Requests.register().contact("sip:d@192.0.2.1").cseq(2));
            assertEquals(Rejection.TOO_MANY_CONTACTS, no.rejection());
            assertEquals(403, no.code());
        }

        @Test
        void refreshingAtTheLimitIsAllowed() {
            registered(Requests.register().contact("sip:a@192.0.2.1").contact("sip:b@192.0.2.1")
                    .contact("sip:c@192.0.2.1"));
            assertEquals(3, registered(Requests.register().contact("sip:a@192.0.2.1").cseq(2)).bindings().size());
        }

        @Test
        void replacingOneContactByAnotherAtTheLimitIsAllowed() {
            registered(Requests.register().contact("sip:a@192.0.2.1").contact("sip:b@192.0.2.1")
                    .contact("sip:c@192.0.2.1"));
            var ok = registered(Requests.register().contact("sip:a@192.0.2.1", 0).contact("sip:d@192.0.2.1")
                    .cseq(2));
            assertEquals(3, ok.bindings().size());
        }

        @Test
        void status420ListsUnsupportedRequireTags() {
            var no = rejected(Requests.register().contact("sip:alice@192.0.2.1").require("path", "gruu", "foo"));
            assertEquals(420, no.code());
            assertEquals(Set.of("gruu", "foo"), no.unsupported());
        }

        @Test
        void status404WhenTheAorIsNotInTheRequestUriDomain() {
            var no = rejected(Requests.register().aor("sip:alice@other.example").contact("sip:alice@192.0.2.1"));
            assertEquals(Rejection.AOR_NOT_IN_DOMAIN, no.rejection());
            assertEquals(404, no.code());
        }

        @Test
        void status403WhenTheRequestUriDomainIsNotServed() {
            var only = new RegistrarPolicy(Duration.ofSeconds(60), Duration.ofSeconds(3600), Duration.ofSeconds(7200),
                    3, Set.of("Example.COM"), Optional.empty(), "a");
            var served = new Registrar(store, only, Optional.empty(), clock);
            var no = served.register(Requests.register().aor("sip:bob@foo.example").requestUri("sip:foo.example")
                    .contact("sip:bob@192.0.2.1").build());
            assertEquals(Rejection.DOMAIN_NOT_SERVED, ((RegisterOutcome.Rejected) no).rejection());
            assertEquals(200, served.register(Requests.register().contact("sip:alice@192.0.2.1").build()).code());
        }
    }

    @Nested
    @DisplayName("Path (RFC 3327 §5.3)")
    class PathHeader {
        @Test
        void pathIsStoredAndEchoedWhenTheUaSupportsPath() {
            var ok = registered(Requests.register().contact("sip:alice@192.0.2.1").supported("path")
                    .path("sip:core.example;lr", "sip:edge-1.example;lr"));
            assertEquals(List.of("sip:core.example;lr", "sip:edge-1.example;lr"), ok.path());
            assertEquals(List.of("sip:core.example;lr", "sip:edge-1.example;lr"),
                    registrar.lookup(new Aor("sip:alice@example.com")).get(0).path());
        }

        @Test
        void pathIsStoredButNotEchoedWhenTheUaDoesNotSupportPath() {
            var ok = registered(Requests.register().contact("sip:alice@192.0.2.1").path("sip:edge-1.example;lr"));
            assertTrue(ok.path().isEmpty());
            assertEquals(List.of("sip:edge-1.example;lr"), ok.bindings().get(0).path());
        }
    }

    @Nested
    @DisplayName("outbound (RFC 5626 §6)")
    class Outbound {
        static final String INSTANCE = "urn:uuid:00000000-0000-1000-8000-000A95A0E128";

        Requests viaEdge() {
            return Requests.register().supported("outbound", "path").path("sip:tok1@edge-1.example;lr;ob")
                    .flow("edge-1", "tok1");
        }

        @Test
        void aNewFlowWithTheSameInstanceAndRegIdReplacesTheOldOne() {
            registered(viaEdge().flowContact("sip:alice@192.0.2.1:5070;transport=tcp", INSTANCE, 1));
            var ok = registered(viaEdge().flowContact("sip:alice@198.51.100.4:6000;transport=tcp", INSTANCE, 1)
                    .callId("new-connection").flow("edge-2", "tok9"));
            assertEquals(List.of("sip:alice@198.51.100.4:6000;transport=tcp"), contacts(ok.bindings()));
            assertEquals(Optional.of(new Flow("edge-2", "tok9")), ok.bindings().get(0).flow());
            assertTrue(ok.outbound());
        }

        @Test
        void instanceIdsCompareIgnoringCase() {
            registered(viaEdge().flowContact("sip:alice@192.0.2.1;transport=tcp", INSTANCE, 1));
            var ok = registered(viaEdge().flowContact("sip:alice@192.0.2.9;transport=tcp",
                    INSTANCE.toLowerCase(java.util.Locale.ROOT), 1).cseq(2));
            assertEquals(1, ok.bindings().size());
        }

        @Test
        void differentRegIdsOfOneInstanceAreSeparateFlows() {
            registered(viaEdge().flowContact("sip:alice@192.0.2.1;transport=tcp", INSTANCE, 1));
            var ok = registered(viaEdge().flowContact("sip:alice@192.0.2.1;transport=tcp", INSTANCE, 2)
                    .callId("second-flow").flow("edge-2", "tok2"));
            assertEquals(2, ok.bindings().size());
        }

        @Test
        void expiresZeroRemovesTheFlowByInstanceAndRegId() {
            registered(viaEdge().flowContact("sip:alice@192.0.2.1;transport=tcp", INSTANCE, 1));
            var ok = registered(viaEdge().flowContact("sip:alice@203.0.113.50;transport=tcp", INSTANCE, 1, 0)
                    .cseq(2));
            assertTrue(ok.bindings().isEmpty());
        }

        @Test
        void status439WhenTheFirstHopsPathLacksOb() {
            var no = rejected(Requests.register().supported("outbound").path("sip:core.example;lr;ob",
                    "sip:edge-1.example;lr").flowContact("sip:alice@192.0.2.1;transport=tcp", INSTANCE, 1));
            assertEquals(Rejection.FIRST_HOP_LACKS_OUTBOUND, no.rejection());
            assertEquals(439, no.code());
        }

        @Test
        void withoutSupportedOutboundTheRegIdIsIgnoredAndTheUriIsTheKey() {
            var ok = registered(Requests.register().path("sip:edge-1.example;lr")
                    .flowContact("sip:alice@192.0.2.1;transport=tcp", INSTANCE, 1));
            assertFalse(ok.outbound());
            assertEquals(0, ok.bindings().get(0).regId());
            var again = registered(Requests.register().flowContact("sip:alice@192.0.2.2;transport=tcp", INSTANCE, 1)
                    .cseq(2));
            assertEquals(2, again.bindings().size(), "different URIs are different bindings under RFC 3261 rules");
        }

        @Test
        void status400WhenTwoContactsCarryRegIds() {
            var no = rejected(viaEdge().flowContact("sip:alice@192.0.2.1;transport=tcp", INSTANCE, 1)
                    .flowContact("sip:alice@192.0.2.1;transport=tcp", INSTANCE, 2));
            assertEquals(Rejection.MULTIPLE_FLOWS, no.rejection());
        }

        @Test
        void withoutPathTheEdgesFlowMakesTheFirstHopOutboundCapable() {
            var ok = registered(Requests.register().supported("outbound").flow("edge-1", "tok1")
                    .flowContact("sip:alice@192.0.2.1;transport=tcp", INSTANCE, 1));
            assertTrue(ok.outbound());
        }

        @Test
        void flowsAndPlainContactsOfOneAorLiveSideBySide() {
            registered(viaEdge().flowContact("sip:alice@192.0.2.1;transport=tcp", INSTANCE, 1));
            var ok = registered(Requests.register().contact("sip:alice@192.0.2.77").callId("desk-phone"));
            assertEquals(2, ok.bindings().size());
        }
    }

    @Nested
    @DisplayName("lookup order")
    class Order {
        @Test
        void lookupOrdersByQHighestFirstThenMostRecent() {
            registered(Requests.register().contactWithQ("sip:low@192.0.2.1", 100).callId("a"));
            clock.advance(Duration.ofSeconds(1));
            registered(Requests.register().contactWithQ("sip:high-old@192.0.2.1", 900).callId("b"));
            clock.advance(Duration.ofSeconds(1));
            registered(Requests.register().contactWithQ("sip:high-new@192.0.2.1", 900).callId("c"));
            assertEquals(List.of("sip:high-new@192.0.2.1", "sip:high-old@192.0.2.1", "sip:low@192.0.2.1"), lookup());
        }

        @Test
        void bindingsWithoutQComeAfterThoseWithOne() {
            registered(Requests.register().contact("sip:none@192.0.2.1").callId("a"));
            clock.advance(Duration.ofSeconds(1));
            registered(Requests.register().contactWithQ("sip:zero@192.0.2.1", 0).callId("b"));
            assertEquals(List.of("sip:zero@192.0.2.1", "sip:none@192.0.2.1"), lookup());
        }
    }

    @Nested
    @DisplayName("commit (§10.3 step 7: all or nothing)")
    class Commit {
        @Test
        void aConcurrentWriterIsNotLostTheRequestIsRecomputedAgainstIt() {
            Aor alice = new Aor("sip:alice@example.com");
            store.beforeNextReplace(s -> s.put(alice, List.of(new Binding(alice, "sip:alice@198.51.100.1",
                    T0.plusSeconds(600), java.util.OptionalInt.empty(), "", 0, "other-replica", 1, Optional.empty(),
                    List.of(), Optional.empty(), "", T0, "site-b"))));
            var ok = registered(Requests.register().contact("sip:alice@192.0.2.1"));
            assertEquals(Set.of("sip:alice@198.51.100.1", "sip:alice@192.0.2.1"),
                    Set.copyOf(contacts(ok.bindings())));
        }

        @Test
        void status500WhenTheStoreFailsAndNothingChanges() {
            store.failing(true);
            var no = rejected(Requests.register().contact("sip:alice@192.0.2.1"));
            assertEquals(Rejection.STORE_FAILED, no.rejection());
            store.failing(false);
            assertTrue(lookup().isEmpty());
        }
    }
}
