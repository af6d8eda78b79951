/**
 * Carrier gateway health, edge side (routing-service owns the verdict): OPTIONS probes to the gateways routing
 * assigns to this replica ({@code GatewayProbeTargets}), and the outcome of every probe and call attempt reported
 * back in batches ({@code ReportGatewayResult}). Not the routing decision itself and not SIP failover, which the
 * proxy core does per call.
 */
package io.sipplatform.edge.gateway;
