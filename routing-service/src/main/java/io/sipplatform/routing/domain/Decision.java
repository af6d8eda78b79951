package io.sipplatform.routing.domain;

import io.sipplatform.sip.digest.DigestChallenge;
import java.time.Duration;
import java.util.List;

/**
 * What the edge does with one request: every SIP outcome routing can choose, as a value.
 */
public sealed interface Decision permits Decision.Reject, Decision.Challenge, Decision.Redirect, Decision.Proxy {

    /** Unique id, carried into CDRs and logs. */
    String decisionId();

    /** Who calls whom; null when the request was refused before the caller was identified. */
    CallContext context();

    /** Outcome name for metrics: reject, challenge, redirect or proxy. */
    String outcome();

    /**
     * Answer with a final non-2xx response.
     *
     * @param retryAfter Retry-After to add, or null
     */
    record Reject(String decisionId, CallContext context, RejectCause cause, Duration retryAfter)
            implements Decision {
        @Override
        public String outcome() {
            return "reject";
        }
    }

    /** Answer 407 with these Proxy-Authenticate challenges (RFC 3261 §22.3), preferred algorithm first. */
    record Challenge(String decisionId, List<DigestChallenge> challenges) implements Decision {
        public Challenge {
            challenges = List.copyOf(challenges);
        }

        @Override
        public CallContext context() {
            return null;
        }

        @Override
        public String outcome() {
            return "challenge";
        }
    }

    /** Answer 3xx with contacts (RFC 3261 §8.3). */
    record Redirect(String decisionId, CallContext context, int code, List<RedirectContact> contacts)
            implements Decision {
        public Redirect {
            contacts = List.copyOf(contacts);
        }

        @Override
        public String outcome() {
            return "redirect";
        }
    }

    /**
     * Forward to target groups in order (RFC 3261 §16.6).
     *
     * @param lease concurrency slot to release when the call ends; null when none was taken
     */
    record Proxy(String decisionId, CallContext context, List<TargetGroup> groups, HeaderEdits headers,
            MediaPolicy media, Lease lease) implements Decision {
        public Proxy {
            groups = List.copyOf(groups);
        }

        @Override
        public String outcome() {
            return "proxy";
        }
    }
}
