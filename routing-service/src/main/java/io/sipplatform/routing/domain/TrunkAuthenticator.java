package io.sipplatform.routing.domain;

import io.sipplatform.sip.digest.DigestChallenge;
import io.sipplatform.sip.digest.DigestCredentials;
import io.sipplatform.sip.digest.DigestOutcome;
import io.sipplatform.sip.digest.DigestVerifier;
import io.sipplatform.sip.digest.NonceCodec;
import io.sipplatform.sip.uri.SipUri;
import java.util.List;

/**
 * Identifies a registration trunk from Proxy-Authorization (RFC 3261 §22.3): verifies the digest against the
 * account's stored HA1 with the platform's stateless nonces, or says which 407 challenge to send.
 */
final class TrunkAuthenticator {

    /** What the credentials proved. */
    sealed interface Result permits Authenticated, ChallengeAgain, Malformed {
    }

    /** The credentials are a trunk account's. */
    record Authenticated(RoutingSnapshot.AccountEntry entry) implements Result {
    }

    /** Send 407 (again); {@code stale} when only the nonce had expired (RFC 7616 §3.3). */
    record ChallengeAgain(List<DigestChallenge> challenges) implements Result {
    }

    /** The credentials do not belong to this request (digest-uri is not the Request-URI): 400. */
    record Malformed() implements Result {
    }

    private final NonceCodec nonces;
    private final DigestVerifier verifier;
    private final RoutingPolicy policy;

    TrunkAuthenticator(NonceCodec nonces, DigestVerifier verifier, RoutingPolicy policy) {
        this.nonces = nonces;
        this.verifier = verifier;
        this.policy = policy;
    }

    Result authenticate(CallIntent intent, RoutingSnapshot snapshot) {
        if (intent.credentialsMalformed()) {
            return new Malformed();
        }
        for (DigestCredentials credentials : intent.credentials()) {
            // RFC 3261 §22.3: a proxy looks only at credentials for its own realm; others are for another hop.
            if (!credentials.realm().equals(policy.realm())) {
                continue;
            }
            if (!sameUri(credentials.uri(), intent.requestUri())) {
                return new Malformed(); // RFC 7616 §3.4.6: the request-uri must match
            }
            RoutingSnapshot.AccountEntry entry = snapshot.account(credentials.username(), credentials.realm())
                    .orElse(null);
            String ha1 = entry == null ? null : entry.account().ha1For(credentials.algorithm());
            DigestOutcome outcome = verifier.verify(credentials, intent.method(), policy.realm(), ha1);
            if (outcome == DigestOutcome.OK && entry != null) {
                return new Authenticated(entry);
            }
            boolean stale = outcome == DigestOutcome.STALE_NONCE || outcome == DigestOutcome.NONCE_COUNT_REPLAY;
            return new ChallengeAgain(challenges(stale));
        }
        return new ChallengeAgain(challenges(false));
    }

    List<DigestChallenge> challenges(boolean stale) {
        return DigestChallenge.offers(policy.realm(), nonces.issue(policy.realm()), null, stale,
                policy.challengeAlgorithms());
    }

    // Equal text, or SIP URIs equivalent by RFC 3261 §19.1.4 (UAs re-render the URI they digest).
    private static boolean sameUri(String digestUri, String requestUri) {
        if (digestUri.equals(requestUri)) {
            return true;
        }
        try {
            return SipUri.parse(digestUri).equivalent(SipUri.parse(requestUri));
        } catch (RuntimeException notSip) {
            return false;
        }
    }
}
