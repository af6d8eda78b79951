/**
 * Adapters of the domain's storage ports on embedded, clustered Infinispan: the location cache (one entry per AOR,
 * distributed with two owners, lifespan from the latest binding expiry, ProtoStream-marshalled records), the
 * cluster-wide brute-force counters, the JGroups stack (static TCP members or DNS_PING on a headless Service), and
 * the asynchronous cross-site backup over RELAY2 with its per-contact merge policy.
 * Plain Java so tests can start several nodes, or node processes, without Quarkus. Not the ports themselves (they
 * live in the domain) and not the Quarkus wiring.
 */
package io.sipplatform.registrar.store;
