package io.sipplatform.edge.transaction;

import java.time.Duration;
import java.util.Objects;

/**
 * The timer base values of RFC 3261 §17.1.1.1 and Table 4 (§A); every transaction timer derives from them.
 * Timers D, I, J and K apply to unreliable transports only: on reliable ones the layer uses zero, which means the
 * transaction terminates at once instead of scheduling them.
 *
 * @param t1 round-trip time estimate, default 500 ms; Timers A, E and G start at T1 and B, F, H, J, L, M are 64*T1
 * @param t2 the cap of non-INVITE request and INVITE response retransmission intervals (Timers E and G), default 4 s
 * @param t4 how long a message may stay in the network, default 5 s (Timers I and K)
 */
public record TransactionSettings(Duration t1, Duration t2, Duration t4) {
    /** T1 500 ms, T2 4 s, T4 5 s (RFC 3261 §17.1.1.1, §17.1.2.2). */
    public static final TransactionSettings DEFAULTS =
            new TransactionSettings(Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(5));

    /** RFC 3261 §17.1.1.2: Timer D is at least 32 s on unreliable transports, whatever T1 is. */
    private static final Duration MIN_TIMER_D = Duration.ofSeconds(32);

    public TransactionSettings {
        requirePositive(t1, "T1");
        requirePositive(t2, "T2");
        requirePositive(t4, "T4");
        if (t2.compareTo(t1) < 0) {
            throw new IllegalArgumentException("T2 must not be below T1");
        }
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** 64*T1: Timers B, F, H, J, L and M (32 s by default). */
    public Duration sixtyFourT1() {
        return t1.multipliedBy(64);
    }

    /** Timer B, INVITE client transaction timeout (§17.1.1.2). */
    public Duration timerB() {
        return sixtyFourT1();
    }

    /** Timer D, INVITE client wait for retransmitted non-2xx finals: max(32 s, 64*T1) (§17.1.1.2). */
    public Duration timerD() {
        Duration d = sixtyFourT1();
        return d.compareTo(MIN_TIMER_D) < 0 ? MIN_TIMER_D : d;
    }

    /** Timer F, non-INVITE client transaction timeout (§17.1.2.2). */
    public Duration timerF() {
        return sixtyFourT1();
    }

    /** Timer H, INVITE server wait for ACK (§17.2.1). */
    public Duration timerH() {
        return sixtyFourT1();
    }

    /** Timer I, INVITE server wait for ACK retransmissions: T4 (§17.2.1). */
    public Duration timerI() {
        return t4;
    }

    /** Timer J, non-INVITE server wait for request retransmissions: 64*T1 (§17.2.2). */
    public Duration timerJ() {
        return sixtyFourT1();
    }

    /** Timer K, non-INVITE client wait for response retransmissions: T4 (§17.1.2.2). */
    public Duration timerK() {
        return t4;
    }

    /** Timer L, INVITE server "Accepted" state: 64*T1 (RFC 6026, INVITE server transaction). */
    public Duration timerL() {
        return sixtyFourT1();
    }

    /** Timer M, INVITE client "Accepted" state: 64*T1 (RFC 6026, INVITE client transaction). */
    public Duration timerM() {
        return sixtyFourT1();
    }

    /** min(d, T2): the cap of Timers E and G (§17.1.2.2, §17.2.1). */
    Duration capT2(Duration d) {
        return d.compareTo(t2) > 0 ? t2 : d;
    }
}
