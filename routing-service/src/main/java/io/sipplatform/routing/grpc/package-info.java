/**
 * The decision API over gRPC (sipplatform.routing.v1.Routing) and the registrar-service client. Maps protobuf to the
 * domain's records at the boundary ({@link io.sipplatform.routing.grpc.IntentMapping},
 * {@link io.sipplatform.routing.grpc.DecisionMapping}) and back; expected SIP outcomes travel as values in the
 * response, gRPC errors only when no decision was produced. No routing logic lives here.
 */
package io.sipplatform.routing.grpc;
