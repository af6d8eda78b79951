/**
 * registrar-service's Quarkus layer: the gRPC service that maps protobuf to the domain at the boundary, the
 * configuration, and the wiring of domain, store and credential adapters. No SIP logic lives here: RFC 3261 §10.3
 * is in {@code domain}, storage in {@code store}, credential sources in {@code credentials}, probes in
 * {@code health} and meters in {@code metrics}.
 */
package io.sipplatform.registrar;
