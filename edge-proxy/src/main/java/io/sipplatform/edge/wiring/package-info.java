/** Quarkus wiring of the edge: builds transports, shards, transaction layers, proxy cores and gRPC upstreams. */
package io.sipplatform.edge.wiring;
