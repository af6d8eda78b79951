package io.sipplatform.registrar.domain;

import io.sipplatform.sip.digest.DigestChallenge;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** What the registrar answers to one REGISTER: a SIP status with the values the edge renders into the response. */
public sealed interface RegisterOutcome {

    /** SIP status code. */
    int code();

    /** Reason-Phrase. */
    String reason();

    /**
     * 200: the request was applied (RFC 3261 §10.3 step 8).
     *
     * @param bindings every live binding of the AOR after the change, in lookup order
     * @param path     Path URIs to echo (RFC 3327 §5.3), empty unless the UA supports "path"
     * @param outbound RFC 5626 §6 was applied, so the edge adds "Require: outbound"
     */
    record Registered(List<Binding> bindings, List<String> path, boolean outbound) implements RegisterOutcome {
        public Registered {
            bindings = List.copyOf(bindings);
            path = List.copyOf(path);
        }

        @Override
        public int code() {
            return 200;
        }

        @Override
        public String reason() {
            return "OK";
        }
    }

    /**
     * 401: authenticate (RFC 3261 §22.1), one challenge per offered algorithm, preferred first (RFC 8760 §2.3).
     * Unknown users and wrong passwords get the same answer.
     */
    record Challenged(List<DigestChallenge> challenges) implements RegisterOutcome {
        public Challenged {
            challenges = List.copyOf(challenges);
            if (challenges.isEmpty()) {
                throw new IllegalArgumentException("a 401 needs at least one challenge");
            }
        }

        @Override
        public int code() {
            return 401;
        }

        @Override
        public String reason() {
            return "Unauthorized";
        }

        /** True when the challenges carry stale=true (RFC 7616 §3.3). */
        public boolean stale() {
            return challenges.get(0).stale();
        }
    }

    /**
     * A refusal.
     *
     * @param rejection   why; gives the code and phrase
     * @param minExpires  with 423: the Min-Expires value (RFC 3261 §20.23)
     * @param unsupported with 420: the option tags for Unsupported (RFC 3261 §20.40)
     * @param retryAfter  with 503: the Retry-After value (RFC 3261 §20.33)
     */
    record Rejected(Rejection rejection, Optional<Duration> minExpires, Set<String> unsupported,
            Optional<Duration> retryAfter) implements RegisterOutcome {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
            Objects.requireNonNull(minExpires, "minExpires");
            unsupported = Set.copyOf(unsupported);
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        /** A refusal without extra values. */
        public static Rejected of(Rejection rejection) {
            return new Rejected(rejection, Optional.empty(), Set.of(), Optional.empty());
        }

        @Override
        public int code() {
            return rejection.code();
        }

        @Override
        public String reason() {
            return rejection.phrase();
        }
    }
}
