/**
 * Infinispan embedded adapters for the domain's shared-state ports: limit slots
 * ({@link io.sipplatform.routing.cluster.InfinispanSlotStore}), gateway health and the edge roster, on a cache
 * manager that is either local (one replica) or clustered over JGroups TCP with TCPPING or DNS_PING discovery
 * ({@link io.sipplatform.routing.cluster.ClusterNode}). Values are plain strings so no marshalling schema is needed.
 * It is not where limits or health are decided: that logic is in the domain.
 */
package io.sipplatform.routing.cluster;
