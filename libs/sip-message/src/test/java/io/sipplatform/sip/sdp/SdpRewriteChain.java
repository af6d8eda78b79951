package io.sipplatform.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Every rewrite the relay and the edge use, and the invariants that must hold after each one for any input that
 * parsed: the output parses back to an equal description with the same text, the number of streams is kept and
 * a=crypto lines are untouched. Shared by the mutation and Jazzer tests.
 */
final class SdpRewriteChain {

    static final List<UnaryOperator<SessionDescription>> REWRITES = List.of(
            sd -> sd.withConnectionAddress("192.0.2.1"),
            sd -> sd.withConnectionAddress("2001:db8::1"),
            SessionDescription::withSessionVersionIncremented,
            SessionDescription::withoutIce,
            sd -> sd.withDirection(Direction.INACTIVE),
            sd -> sd.mapMedia(m -> m.withPort(40000)),
            sd -> sd.mapMedia(m -> m.withConnectionAddress("2001:db8::2")),
            sd -> sd.mapMedia(m -> m.withRtcp(new Rtcp(40001, Connection.of("192.0.2.1")))),
            sd -> sd.mapMedia(m -> m.withRtcp(new Rtcp(40001, null))),
            sd -> sd.mapMedia(MediaDescription::withoutRtcp),
            sd -> sd.mapMedia(m -> m.withDirection(Direction.SENDONLY)),
            sd -> sd.mapMedia(m -> m.retainEncodings(Set.of("PCMA", "opus", "telephone-event", "t38"))),
            sd -> sd.mapMedia(m -> m.retainPayloadTypes(Set.of(0, 8, 101))),
            sd -> sd.mapMedia(m -> m.retainFormats(f -> false)),
            // The relay's full anchoring sequence, all at once.
            sd -> sd.withoutIce()
                    .withConnectionAddress("203.0.113.200")
                    .mapMedia(m -> m.retainEncodings(Set.of("PCMU", "PCMA", "telephone-event"))
                            .withPort(30000)
                            .withRtcp(new Rtcp(30001, null))
                            .withDirection(Direction.SENDRECV))
                    .withSessionVersionIncremented());

    private SdpRewriteChain() {
    }

    static void checkEveryRewrite(SessionDescription sd) {
        checkReparses(sd, sd);
        for (UnaryOperator<SessionDescription> rewrite : REWRITES) {
            checkReparses(sd, rewrite.apply(sd));
        }
    }

    static void checkRewrite(SessionDescription sd, int index) {
        checkReparses(sd, sd);
        checkReparses(sd, REWRITES.get(index).apply(sd));
    }

    private static void checkReparses(SessionDescription original, SessionDescription rewritten) {
        String text = rewritten.toString();
        SessionDescription again = SessionDescription.parse(rewritten.toBytes());
        assertEquals(rewritten, again);
        assertEquals(text, again.toString());
        assertEquals(original.media().size(), rewritten.media().size());
        for (int i = 0; i < original.media().size(); i++) {
            assertEquals(original.media().get(i).cryptos(), rewritten.media().get(i).cryptos());
        }
    }
}
