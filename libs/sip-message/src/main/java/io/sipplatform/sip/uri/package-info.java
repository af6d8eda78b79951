/**
 * URIs of SIP (RFC 3261 §19.1, §25): {@link io.sipplatform.sip.uri.SipUri} for sip and sips with unescaped
 * components, canonical rendering and §19.1.4 comparison; {@link io.sipplatform.sip.uri.TelUri} (RFC 3966);
 * {@link io.sipplatform.sip.uri.AbsoluteUri} for any other scheme, kept verbatim; and the host rule
 * ({@link io.sipplatform.sip.uri.Host}, IPv6 per RFC 5954). Values are immutable records. It does not resolve
 * anything: DNS (RFC 3263) and the choice of transport belong to the edge.
 */
package io.sipplatform.sip.uri;
