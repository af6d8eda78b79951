/**
 * Micrometer meters of registrar-service: registrations by outcome, authentication failures and bans, active
 * bindings, cluster members and rebalancing. Exposed by Quarkus at /q/metrics (Prometheus). Not tracing, which
 * Quarkus' OpenTelemetry gRPC instrumentation does without code here.
 */
package io.sipplatform.registrar.metrics;
