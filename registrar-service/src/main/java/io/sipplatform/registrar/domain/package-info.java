/**
 * The registrar's domain: RFC 3261 §10.3 REGISTER processing with RFC 5626 outbound flows and RFC 3327 Path,
 * digest authentication with stateless nonces and brute-force bans, lookups in q-value order, and the ports the
 * adapters implement ({@link io.sipplatform.registrar.domain.LocationStore},
 * {@link io.sipplatform.registrar.domain.CredentialsSource}, {@link io.sipplatform.registrar.domain.FailureCounters},
 * {@link io.sipplatform.registrar.domain.SecurityEvents}). Pure Java plus the JDK-only SIP library: no Quarkus,
 * Infinispan, gRPC or protobuf types, and time only through an injected {@link java.time.InstantSource}. Not a SIP
 * parser (the edge sends values) and not a store (adapters live in {@code io.sipplatform.registrar.store}).
 */
package io.sipplatform.registrar.domain;
