package io.sipplatform.registrar.domain;

import java.time.Duration;

/**
 * Counters and bans for brute-force protection, keyed by text ("source:203.0.113.7", "account:alice@example.com").
 * A cluster-wide implementation lets every replica see the failures counted on the others, so an attacker gains
 * nothing by spreading guesses over replicas. Implementations fail open: when they cannot count, they report no
 * ban rather than refuse every REGISTER.
 */
public interface FailureCounters {

    /**
     * Adds one failure to {@code key}'s current window, which opens at the first failure and lasts {@code window}.
     *
     * @return the number of failures in the window, this one included
     */
    long recordFailure(String key, Duration window);

    /** Bans {@code key} for {@code duration} from now. */
    void ban(String key, Duration duration);

    /** True while {@code key} is banned. */
    boolean isBanned(String key);
}
