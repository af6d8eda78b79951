package io.sipplatform.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One way of installing the chart: a name and the --set values on top of what every installation must give
 * (advertised address, PostgreSQL host and passwords). The list covers each switch of values.yaml that changes
 * which objects exist: edge mode, observability, OpenTelemetry, TLS, existing Secrets, cross-site backup.
 */
record ChartMode(String name, Map<String, Object> values) {
    /** What an installation must set: the chart fails clearly without them. */
    static final Map<String, Object> REQUIRED = Map.of(
            "edge.advertisedAddress", "203.0.113.10",
            "postgresql.host", "pg-rw.database.svc.cluster.local",
            "postgresql.routing.password", "routing-test-password",
            "postgresql.cdr.password", "cdr-test-password",
            "secrets.edgeRouteSecret", "test-route-secret",
            "secrets.registrarNonceSecret", "test-registrar-nonce",
            "secrets.routingNonceSecret", "test-routing-nonce",
            "secrets.routingAdminTokens", "test-admin-token",
            "secrets.cdrApiTokens", "test-cdr-token");

    static final ChartMode LB = of("lb");
    static final ChartMode LB_OBSERVED = of("lb-observed", "metrics.serviceMonitor.enabled", true,
            "metrics.prometheusRule.enabled", true, "metrics.dashboard.enabled", true);
    static final ChartMode LB_OTEL = of("lb-otel", "otel.enabled", true,
            "otel.endpoint", "http://otel-collector.observability:4317");
    static final ChartMode CARRIER = of("carrier", "edge.mode", "carrier", "edge.advertisedAddress", "");
    static final ChartMode CARRIER_OBSERVED_TLS = of("carrier-observed-tls", "edge.mode", "carrier",
            "edge.advertisedAddress", "", "metrics.serviceMonitor.enabled", true,
            "metrics.prometheusRule.enabled", true, "metrics.dashboard.enabled", true, "edge.tls.enabled", true,
            "edge.tls.certManager.enabled", true, "edge.tls.certManager.issuerRef.name", "letsencrypt",
            "edge.tls.certManager.dnsNames[0]", "sip.example.net", "otel.enabled", true,
            "otel.endpoint", "http://otel-collector.observability:4317");
    static final ChartMode EXISTING_SECRETS = of("existing-secrets", "secrets.existingSecret", "sip-shared",
            "postgresql.routing.existingSecret", "routing-db", "postgresql.routing.password", "",
            "postgresql.cdr.existingSecret", "cdr-db", "postgresql.cdr.password", "",
            "edge.tls.enabled", true, "edge.tls.existingSecret", "edge-tls");
    static final ChartMode TWO_SITES = of("two-sites", "site", "site-b", "registrar.xsite.enabled", true,
            "registrar.xsite.sites[0]", "site-a", "registrar.xsite.sites[1]", "site-b",
            "registrar.xsite.bridgeHosts[0]", "registrar-bridge.site-a.example.net[7850]",
            "registrar.xsite.peerCidrs[0]", "10.10.0.0/16");
    static final ChartMode STATIC_SCALE = of("static-scale", "edge.autoscaling.enabled", false,
            "registrar.autoscaling.enabled", false, "routing.autoscaling.enabled", false,
            "cdr.autoscaling.enabled", false, "networkPolicy.enabled", false,
            "edge.autoscaling.requestRate.enabled", false);

    static List<ChartMode> all() {
        return List.of(LB, LB_OBSERVED, LB_OTEL, CARRIER, CARRIER_OBSERVED_TLS, EXISTING_SECRETS, TWO_SITES,
                STATIC_SCALE);
    }

    /** REQUIRED, then the mode's own values (which may override them). */
    Map<String, Object> effectiveValues() {
        Map<String, Object> all = new LinkedHashMap<>(REQUIRED);
        all.putAll(values);
        return all;
    }

    ChartMode with(Object... keyValues) {
        Map<String, Object> more = new LinkedHashMap<>(values);
        more.putAll(pairs(keyValues));
        return new ChartMode(name + "+", more);
    }

    private static ChartMode of(String name, Object... keyValues) {
        return new ChartMode(name, pairs(keyValues));
    }

    private static Map<String, Object> pairs(Object... keyValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return values;
    }

    @Override
    public String toString() {
        return name;
    }
}
