package io.sipplatform.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BearerTokensTest {
    private static final List<String> TOKENS = List.of("old-token", "new-token");

    @Test
    void anyConfiguredTokenIsAcceptedWithTheSchemeInAnyCase() {
        assertTrue(BearerTokens.accepted("Bearer new-token", TOKENS));
        assertTrue(BearerTokens.accepted("bearer old-token ", TOKENS));
    }

    @Test
    void missingHeaderOtherSchemeOrUnknownTokenIsRefused() {
        assertFalse(BearerTokens.accepted(null, TOKENS));
        assertFalse(BearerTokens.accepted("Basic new-token", TOKENS));
        assertFalse(BearerTokens.accepted("Bearer new-toke", TOKENS));
        assertFalse(BearerTokens.accepted("Bearer", TOKENS));
    }

    @Test
    void noConfiguredTokenOrAnEmptyOneRefusesEverything() {
        assertFalse(BearerTokens.accepted("Bearer x", List.of()));
        assertFalse(BearerTokens.accepted("Bearer ", List.of("")));
    }
}
