/**
 * The sipplatform.media.v1.MediaRelay gRPC adapter: maps protobuf to session commands and results at the boundary
 * and back. Expected outcomes (488, 481, 400) travel as SipOutcome values; gRPC status only when no answer was
 * produced (RESOURCE_EXHAUSTED for a full port range or too many event groups, UNAVAILABLE while draining,
 * INVALID_ARGUMENT for caller bugs). Each WatchEvents stream has its own bounded, flow-controlled buffer.
 */
package io.sipplatform.media.grpc;
