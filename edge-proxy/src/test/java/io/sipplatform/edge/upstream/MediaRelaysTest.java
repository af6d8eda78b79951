package io.sipplatform.edge.upstream;

import io.sipplatform.edge.proxy.Upstream;
import io.sipplatform.proto.media.v1.AnswerRequest;
import io.sipplatform.proto.media.v1.AnswerResponse;
import io.sipplatform.proto.media.v1.DeleteRequest;
import io.sipplatform.proto.media.v1.DeleteResponse;
import io.sipplatform.proto.media.v1.OfferRequest;
import io.sipplatform.proto.media.v1.OfferResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The relay list of {@code edge.media.relays} and the ids tokens name. */
class MediaRelaysTest {

    /** A relay that only records which deletes reach it. */
    record Recording(String id, List<String> deletes) implements MediaRelays.Client {
        @Override
        public CompletionStage<OfferResponse> offer(OfferRequest request) {
            throw new AssertionError("not used");
        }

        @Override
        public CompletionStage<AnswerResponse> answer(AnswerRequest request) {
            throw new AssertionError("not used");
        }

        @Override
        public CompletionStage<DeleteResponse> delete(DeleteRequest request) {
            deletes.add(id + " " + request.getCallId());
            return CompletableFuture.completedFuture(DeleteResponse.newBuilder().setFound(true).build());
        }
    }

    final List<String> deletes = new ArrayList<>();
    final MediaRelays relays = new MediaRelays(List.of(new MediaRelays.Relay("a", new Recording("a", deletes)),
            new MediaRelays.Relay("b", new Recording("b", deletes))), Duration.ofSeconds(10), System::nanoTime,
            new GrpcToSip(Duration.ofSeconds(5)));

    @Test
    void aTokenFromBeforeRelayIdsNamesTheFirstRelay() {
        relays.delete(new Upstream.MediaLeg("1", "c1", "caller", null));
        relays.delete(new Upstream.MediaLeg("b", "c2", "caller", null));
        assertEquals(List.of("a c1", "b c2"), deletes);
    }

    @Test
    void aRelayNoLongerConfiguredIsRefused488AndItsDeleteCounted() {
        Upstream.Media m = relays.answer(new Upstream.MediaLeg("gone", "c1", "caller", "callee"), new byte[0], null,
                        null)
                .toCompletableFuture().join();
        assertEquals(488, m.code());
        relays.delete(new Upstream.MediaLeg("gone", "c1", "caller", null));
        assertEquals(List.of(), deletes);
        assertEquals(2, relays.failures());
    }

    @Test
    void relayEntriesParseWithNamesIpv4AndBracketedIpv6() {
        assertEquals(new RelayAddress("r1", "relay-0.media.svc", 9003), RelayAddress.parse("r1=relay-0.media.svc:9003"));
        assertEquals(new RelayAddress("r2", "10.0.0.7", 9003), RelayAddress.parse(" r2=10.0.0.7:9003 "));
        assertEquals(new RelayAddress("r3", "fd00::7", 9003), RelayAddress.parse("r3=[fd00::7]:9003"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"relay:9003", "=h:1", "r=h", "r=h:", "r=h:x", "r=h:70000", "r=fd00::7:9003", "r=:9003"})
    void malformedRelayEntriesFailAtStart(String entry) {
        assertThrows(IllegalArgumentException.class, () -> RelayAddress.parse(entry));
    }

    @Test
    void relayIdsMustBeTokenSafeAndUnique() {
        Recording r = new Recording("x", deletes);
        assertThrows(IllegalArgumentException.class, () -> new MediaRelays.Relay("a|b", r));
        assertThrows(IllegalArgumentException.class, () -> new MediaRelays(List.of(new MediaRelays.Relay("a", r),
                new MediaRelays.Relay("a", r)), Duration.ofSeconds(1), System::nanoTime,
                new GrpcToSip(Duration.ofSeconds(1))));
    }
}
