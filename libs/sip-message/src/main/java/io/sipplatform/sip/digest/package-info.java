/**
 * SIP digest authentication (RFC 3261 §22, RFC 7616 with qop=auth, RFC 8760 SHA-256 and SHA-512/256): stateless
 * nonces that any replica sharing the secret can check, challenges to render into WWW-Authenticate /
 * Proxy-Authenticate, credentials validated from Authorization / Proxy-Authorization parameters, the server-side
 * {@link io.sipplatform.sip.digest.DigestVerifier} and the client-side {@link io.sipplatform.sip.digest.DigestClient}.
 * It is not a header parser (the header layer hands over unquoted parameter values), not a credential store (callers
 * pass the stored HA1) and not a replay store beyond the {@link io.sipplatform.sip.digest.NonceCountTracker} hook; it
 * does no I/O. Not supported on purpose: qop=auth-int, userhash=true and the RFC 2617 -sess form without qop.
 */
package io.sipplatform.sip.digest;
