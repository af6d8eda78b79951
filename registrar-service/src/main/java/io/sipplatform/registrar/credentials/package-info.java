/**
 * Adapters of the domain's {@link io.sipplatform.registrar.domain.CredentialsSource}: routing-service's
 * GetCredentials over gRPC (production) and accounts from configuration (the local run, tests). Both hand over HA1
 * values only. Not authentication itself, which is the domain's DigestAuthenticator.
 */
package io.sipplatform.registrar.credentials;
