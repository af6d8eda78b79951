package io.sipplatform.routing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipplatform.sip.digest.DigestAlgorithm;
import io.sipplatform.sip.digest.DigestChallenge;
import io.sipplatform.sip.digest.DigestClient;
import io.sipplatform.sip.digest.DigestCredentials;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestTrunkTest {
    private static final String RURI = "sip:0891234567@sip.example";
    private static final String STRANGER_IP = "198.51.100.99";

    private final World world = new World();

    private Decision.Challenge challenge() {
        return assertInstanceOf(Decision.Challenge.class,
                world.engine().decide(World.invite(STRANGER_IP, Transport.TLS, RURI, "+4930123457", List.of())));
    }

    private CallIntent answered(DigestChallenge challenge, String username, String password, String uri) {
        DigestCredentials credentials = DigestClient.answer(challenge, "INVITE", uri, username, password,
                "cnonce-1", 1);
        return World.invite(STRANGER_IP, Transport.TLS, RURI, "+4930123457", List.of(credentials));
    }

    @Test
    void unknownSourceWithoutCredentialsIsChallengedSha256FirstThenMd5() {
        List<DigestChallenge> challenges = challenge().challenges();
        assertEquals(List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5),
                challenges.stream().map(DigestChallenge::algorithm).toList());
        assertEquals(World.REALM, challenges.get(0).realm());
        assertTrue(challenges.get(0).qopAuth());
        assertFalse(challenges.get(0).stale());
    }

    @Test
    void validCredentialsIdentifyTheRegistrationTrunkForEitherAlgorithm() {
        for (DigestChallenge offered : challenge().challenges()) {
            Decision.Proxy proxy = assertInstanceOf(Decision.Proxy.class,
                    world.engine().decide(answered(offered, "acme-reg", World.PASSWORD, RURI)));
            assertEquals("acme-reg", proxy.context().trunkId());
            assertEquals("+49891234567", proxy.context().calleeE164());
        }
    }

    @Test
    void wrongPasswordIsChallengedAgainNotStale() {
        DigestChallenge offered = challenge().challenges().get(0);
        Decision.Challenge again = assertInstanceOf(Decision.Challenge.class,
                world.engine().decide(answered(offered, "acme-reg", "wrong", RURI)));
        assertFalse(again.challenges().get(0).stale());
    }

    @Test
    void unknownUserIsChallengedLikeAWrongPassword() {
        DigestChallenge offered = challenge().challenges().get(1);
        assertInstanceOf(Decision.Challenge.class,
                world.engine().decide(answered(offered, "nobody", World.PASSWORD, RURI)));
    }

    @Test
    void digestUriOtherThanTheRequestUriIs400() {
        DigestChallenge offered = challenge().challenges().get(0);
        Decision.Reject reject = assertInstanceOf(Decision.Reject.class,
                world.engine().decide(answered(offered, "acme-reg", World.PASSWORD, "sip:other@sip.example")));
        assertEquals(RejectCause.MALFORMED_CREDENTIALS, reject.cause());
        assertEquals(400, reject.cause().code());
    }

    @Test
    void unreadableCredentialsAre400() {
        CallIntent base = World.invite(STRANGER_IP, Transport.TLS, RURI, "+4930123457", List.of());
        CallIntent malformed = new CallIntent(base.method(), base.callId(), base.source(), base.requestUri(),
                base.from(), base.to(), List.of(), List.of(), List.of(), List.of(), true);
        assertEquals(RejectCause.MALFORMED_CREDENTIALS,
                assertInstanceOf(Decision.Reject.class, world.engine().decide(malformed)).cause());
    }

    @Test
    void credentialsForAnotherRealmAreIgnoredAndChallenged() {
        DigestChallenge foreign = new DigestChallenge("other.example", world.nonces.issue("other.example"), null,
                DigestAlgorithm.MD5, true, false);
        assertInstanceOf(Decision.Challenge.class,
                world.engine().decide(answered(foreign, "acme-reg", World.PASSWORD, RURI)));
    }
}
