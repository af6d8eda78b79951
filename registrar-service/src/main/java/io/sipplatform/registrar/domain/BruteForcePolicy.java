package io.sipplatform.registrar.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * Thresholds of brute-force protection. A count of 0 disables that scope.
 *
 * @param window             how long failures are counted together, from the first one
 * @param maxSourceFailures  failures from one source IP within the window that ban the source
 * @param sourceBan          how long a source stays banned
 * @param maxAccountFailures failures for one account within the window that ban the account
 * @param accountBan         how long an account stays banned; short, since anyone can lock an account out
 */
public record BruteForcePolicy(Duration window, int maxSourceFailures, Duration sourceBan, int maxAccountFailures,
        Duration accountBan) {

    public BruteForcePolicy {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(sourceBan, "sourceBan");
        Objects.requireNonNull(accountBan, "accountBan");
        if (maxSourceFailures < 0 || maxAccountFailures < 0) {
            throw new IllegalArgumentException("failure thresholds must not be negative");
        }
    }
}
