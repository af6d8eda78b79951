/**
 * JMH benchmarks of routing-service: {@code RouteLookupBench} (longest-prefix match against 1 000 000 prefixes with
 * the service's own {@code PrefixTrie}, beside hash-map probing per prefix length in the same run) and
 * {@code RoutingDecideBench} (Decide over gRPC against the packaged routing-service started as a process and
 * provisioned through its admin API, beside the gRPC health check of the same server). Not a runtime dependency of
 * anything; run by hand as described in docs/benchmarks.md.
 */
package io.sipplatform.bench.routing;
