/**
 * The sipplatform.media.v1.MediaRelay gRPC adapter: maps protobuf to session commands and results at the boundary
 * and back. Expected outcomes (488, 481, 400) travel as SipOutcome values; gRPC status only when no answer was
 * produced (RESOURCE_EXHAUSTED for a full port range, UNAVAILABLE while draining, INVALID_ARGUMENT for caller bugs).
 */
package io.sipplatform.media.grpc;
