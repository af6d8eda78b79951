/**
 * routing-service: the Quarkus application around the pure {@link io.sipplatform.routing.domain} - its
 * configuration ({@link io.sipplatform.routing.RoutingConfig}) and the CDI wiring that builds the decision engine
 * from adapters. Adapters live in sub-packages: store (SQL), cluster (Infinispan), grpc (decision API), admin (REST),
 * health and metrics. Nothing here decides a call; it only connects the pieces.
 */
package io.sipplatform.routing;
