package io.sipplatform.routing.domain;

import java.time.Instant;

/** Port: cluster-wide per-trunk limits (concurrent calls with leases, calls per second). */
public interface CallLimits {

    /** Whether a call may start. */
    sealed interface Admission permits Admitted, Refused {
    }

    /** The call may start; {@code lease} is null when the trunk has no concurrency limit. */
    record Admitted(Lease lease) implements Admission {
    }

    /** The call may not start: {@link RejectCause#CONCURRENCY_LIMIT} or {@link RejectCause#CPS_LIMIT}. */
    record Refused(RejectCause cause) implements Admission {
    }

    /**
     * Takes a concurrency slot and, when {@code countRate}, a slot of this second's call rate.
     *
     * @param countRate true for calls the trunk starts (outbound); inbound calls count only concurrency
     */
    Admission admit(String trunkId, TrunkLimits limits, boolean countRate, Instant now);

    /** Returns a lease; true when this call released it, false when it was released or had expired already. */
    boolean release(String leaseId, Instant now);
}
