package io.sipplatform.cdr.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * Closing of calls whose end event never came: a call still open {@code maxDuration} after its start is closed as
 * of start + maxDuration (deterministic, whenever the sweep runs), cause MAX_DURATION, marked orphan.
 */
public final class OrphanSweep {
    private final Duration maxDuration;
    private final InstantSource clock;

    public OrphanSweep(Duration maxDuration, InstantSource clock) {
        if (maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("maximum call duration must be positive");
        }
        this.maxDuration = maxDuration;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Calls that started before this instant and are still open are overdue. */
    public Instant startedBefore() {
        return clock.instant().minus(maxDuration);
    }

    /** The orphan-closing event for the call, when it is open and overdue. */
    public Optional<CallEvent> closing(Cdr cdr) {
        Instant closeAt = cdr.startTime().plus(maxDuration);
        if (cdr.state() != CdrState.OPEN || closeAt.isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new CallEvent(EventKey.orphanClosing(cdr.callId()), "", cdr.site(), closeAt, "",
                new EventBody.OrphanClosed()));
    }
}
