/**
 * The routing domain, pure Java: the provisioning model (customers, trunks, DIDs, carriers, routes), the immutable
 * {@link io.sipplatform.routing.domain.RoutingSnapshot} with its prefix trie, and the
 * {@link io.sipplatform.routing.domain.DecisionEngine} that turns a call's intent into a SIP outcome as a value.
 * Ports ({@link io.sipplatform.routing.domain.RegistrarLookup}, {@link io.sipplatform.routing.domain.SlotStore},
 * {@link io.sipplatform.routing.domain.GatewayStates}, {@link io.sipplatform.routing.domain.EdgeRoster}) are
 * interfaces implemented by adapters. It is not a persistence layer, not a gRPC or REST mapping and it imports no
 * Quarkus, JDBC, protobuf or Infinispan type; the only library it uses is sip-message (digest and URIs).
 */
package io.sipplatform.routing.domain;
