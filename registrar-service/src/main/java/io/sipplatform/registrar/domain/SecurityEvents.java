package io.sipplatform.registrar.domain;

/** What authentication reports for metrics and alerts; the Quarkus side counts these with Micrometer. */
public interface SecurityEvents {

    /** Reports nothing. */
    SecurityEvents NONE = new SecurityEvents() {
        @Override
        public void authFailed(AuthFailure failure) {
        }

        @Override
        public void banned(BanScope scope) {
        }
    };

    /** Why credentials were not accepted. */
    enum AuthFailure {
        /** Wrong password or unknown user (the two are not told apart). */
        BAD_CREDENTIALS,
        /** Authorization parameters malformed. */
        MALFORMED_CREDENTIALS,
        /** Digest uri does not name the Request-URI. */
        DIGEST_URI_MISMATCH,
        /** Right password, but the account may not register this AOR. */
        NOT_AUTHORIZED_FOR_AOR,
        /** Refused without checking: the source or account is banned. */
        BANNED
    }

    /** What a ban applies to. */
    enum BanScope {
        /** One source IP address. */
        SOURCE,
        /** One digest account (username and realm). */
        ACCOUNT
    }

    /** One failed authentication. */
    void authFailed(AuthFailure failure);

    /** A new ban was placed. */
    void banned(BanScope scope);
}
