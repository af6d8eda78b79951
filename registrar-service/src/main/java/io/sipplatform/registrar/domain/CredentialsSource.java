package io.sipplatform.registrar.domain;

import java.util.Optional;

/**
 * Where digest accounts come from (routing-service's provisioning in production, configuration for the local run).
 * Only HA1 values cross this port, never passwords.
 */
public interface CredentialsSource {

    /**
     * The enabled account with this username in this realm.
     *
     * @return empty when there is none; the caller answers exactly as for a wrong password
     * @throws CredentialsUnavailableException when the source could not be asked in time
     */
    Optional<DigestAccount> find(String username, String realm);
}
