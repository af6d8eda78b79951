package io.sipplatform.registrar.domain;

import java.util.Objects;
import java.util.Optional;

/** Counts failed authentications per source IP and per account and bans either past its threshold. */
public final class BruteForceGuard {
    private final FailureCounters counters;
    private final BruteForcePolicy policy;
    private final SecurityEvents events;

    public BruteForceGuard(FailureCounters counters, BruteForcePolicy policy, SecurityEvents events) {
        this.counters = Objects.requireNonNull(counters, "counters");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** The ban that refuses a request from {@code sourceIp}, or empty; null means unknown and is not checked. */
    public Optional<Rejection> sourceBan(String sourceIp) {
        if (sourceIp != null && policy.maxSourceFailures() > 0 && counters.isBanned(sourceKey(sourceIp))) {
            return Optional.of(Rejection.SOURCE_BANNED);
        }
        return Optional.empty();
    }

    /** The ban that refuses credentials of {@code username} in {@code realm}, or empty. */
    public Optional<Rejection> accountBan(String username, String realm) {
        if (policy.maxAccountFailures() > 0 && counters.isBanned(accountKey(username, realm))) {
            return Optional.of(Rejection.ACCOUNT_BANNED);
        }
        return Optional.empty();
    }

    /**
     * Counts one failure against the source and, when known, the account; bans whichever reached its threshold.
     *
     * @param sourceIp null when the edge sent no source
     * @param username null when the credentials were unreadable
     */
    public void failed(String sourceIp, String username, String realm) {
        if (sourceIp != null && policy.maxSourceFailures() > 0) {
            String key = sourceKey(sourceIp);
            if (counters.recordFailure(key, policy.window()) >= policy.maxSourceFailures()) {
                counters.ban(key, policy.sourceBan());
                events.banned(SecurityEvents.BanScope.SOURCE);
            }
        }
        if (username != null && policy.maxAccountFailures() > 0) {
            String key = accountKey(username, realm);
            if (counters.recordFailure(key, policy.window()) >= policy.maxAccountFailures()) {
                counters.ban(key, policy.accountBan());
                events.banned(SecurityEvents.BanScope.ACCOUNT);
            }
        }
    }

    private static String sourceKey(String ip) {
        return "source:" + ip;
    }

    private static String accountKey(String username, String realm) {
        return "account:" + username + "@" + realm;
    }
}
