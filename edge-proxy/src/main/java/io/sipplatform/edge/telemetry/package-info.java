/**
 * OpenTelemetry for the SIP layer, which Quarkus does not instrument (it is plain Vert.x): a SERVER span per SIP
 * server transaction (Call-ID, method, final status), a CLIENT span per gRPC hop to the services, and the W3C trace
 * context carried in gRPC metadata so a call is one trace across the platform. All transactions of one Call-ID
 * share one trace id, derived from the Call-ID, so a BYE handled by another edge replica lands in the same trace.
 * Not installed at all when the OpenTelemetry SDK is disabled. Not metrics (Micrometer) and not logging.
 */
package io.sipplatform.edge.telemetry;
