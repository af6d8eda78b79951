package io.sipplatform.registrar.domain;

import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.digest.DigestAlgorithm;
import io.sipplatform.sip.digest.DigestChallenge;
import io.sipplatform.sip.digest.DigestCredentials;
import io.sipplatform.sip.digest.DigestOutcome;
import io.sipplatform.sip.digest.DigestVerifier;
import io.sipplatform.sip.digest.NonceCodec;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * RFC 3261 §10.3 steps 3 and 4 for REGISTER: digest authentication (RFC 3261 §22, RFC 7616, RFC 8760) against HA1
 * values from a {@link CredentialsSource}, with stateless nonces so any replica verifies any other's nonce, the same
 * 401 for unknown users and wrong passwords, and brute-force bans per source and per account.
 */
public final class DigestAuthenticator {

    /** The result of authentication: the account, or the answer to send instead of processing the REGISTER. */
    public sealed interface Decision permits Authenticated, Answered {
    }

    /** The credentials are right and the account may register the AOR. */
    public record Authenticated(DigestAccount account) implements Decision {
    }

    /** The request is answered now (401, 400, 403 or 503). */
    public record Answered(RegisterOutcome outcome) implements Decision {
    }

    private final NonceCodec nonces;
    private final DigestVerifier verifier;
    private final CredentialsSource credentials;
    private final BruteForceGuard guard;
    private final List<DigestAlgorithm> offered;
    private final Duration retryAfter;
    private final SecurityEvents events;

    /**
     * @param offered    algorithms to challenge with, preferred first (RFC 8760 §2.3: SHA-256 before MD5)
     * @param retryAfter Retry-After for the 503 sent when the credential source does not answer
     */
    public DigestAuthenticator(NonceCodec nonces, DigestVerifier verifier, CredentialsSource credentials,
            BruteForceGuard guard, List<DigestAlgorithm> offered, Duration retryAfter, SecurityEvents events) {
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.offered = List.copyOf(offered);
        if (this.offered.isEmpty()) {
            throw new IllegalArgumentException("offer at least one digest algorithm");
        }
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Authenticates {@code request} in {@code realm}. */
    public Decision authenticate(Registration request, String realm) {
        String sourceIp = request.source().map(SourceAddress::ip).orElse(null);
        Optional<Rejection> sourceBan = guard.sourceBan(sourceIp);
        if (sourceBan.isPresent()) {
            events.authFailed(SecurityEvents.AuthFailure.BANNED);
            return answered(sourceBan.get());
        }
        // RFC 7616 §3.4: a UA may send credentials for several realms; only ours are ours to check.
        DigestFields fields = null;
        for (DigestFields candidate : request.authorization()) {
            if (candidate.realm().equals(realm)) {
                fields = candidate;
                break;
            }
        }
        if (fields == null) {
            return challenge(realm, false);
        }
        DigestCredentials presented;
        try {
            presented = fields.toCredentials();
        } catch (SipParseException e) {
            events.authFailed(SecurityEvents.AuthFailure.MALFORMED_CREDENTIALS);
            guard.failed(sourceIp, null, realm);
            return answered(Rejection.MALFORMED_CREDENTIALS);
        }
        Optional<Rejection> accountBan = guard.accountBan(presented.username(), realm);
        if (accountBan.isPresent()) {
            events.authFailed(SecurityEvents.AuthFailure.BANNED);
            return answered(accountBan.get());
        }
        if (!Save.sameUri(presented.uri(), request.requestUri())) {
            events.authFailed(SecurityEvents.AuthFailure.DIGEST_URI_MISMATCH);
            return answered(Rejection.DIGEST_URI_MISMATCH);
        }
        Optional<DigestAccount> account;
        try {
            account = credentials.find(presented.username(), realm);
        } catch (CredentialsUnavailableException e) {
            return new Answered(new RegisterOutcome.Rejected(Rejection.CREDENTIALS_UNAVAILABLE, Optional.empty(),
                    Set.of(), Optional.of(retryAfter)));
        }
        // Unknown user: null HA1, which the verifier answers exactly like a wrong password (same hashing cost).
        String ha1 = account.flatMap(a -> a.ha1For(presented.algorithm())).orElse(null);
        DigestOutcome verdict = verifier.verify(presented, fields.method(), realm, ha1);
        switch (verdict) {
            case OK:
                if (!account.get().mayRegister(request.aor())) {
                    events.authFailed(SecurityEvents.AuthFailure.NOT_AUTHORIZED_FOR_AOR);
                    return answered(Rejection.NOT_AUTHORIZED_FOR_AOR);
                }
                return new Authenticated(account.get());
            case STALE_NONCE:
            case NONCE_COUNT_REPLAY:
                // RFC 7616 §3.3: the password was right; the UA retries with the fresh nonce without asking its user.
                return challenge(realm, true);
            case BAD_RESPONSE:
                events.authFailed(SecurityEvents.AuthFailure.BAD_CREDENTIALS);
                guard.failed(sourceIp, presented.username(), realm);
                return challenge(realm, false);
            default:
                // INVALID_NONCE (forged, other realm, rotated-out secret) or REALM_MISMATCH: a fresh challenge.
                return challenge(realm, false);
        }
    }

    private Decision challenge(String realm, boolean stale) {
        List<DigestChallenge> challenges = DigestChallenge.offers(realm, nonces.issue(realm), null, stale, offered);
        return new Answered(new RegisterOutcome.Challenged(challenges));
    }

    private static Decision answered(Rejection rejection) {
        return new Answered(RegisterOutcome.Rejected.of(rejection));
    }
}
