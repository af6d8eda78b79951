package io.sipplatform.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the alert rules of the Helm chart query only metrics the running services export:
 * every name in helm/sip-platform/dashboards/metric-names.txt (kept equal to the dashboard's and the rules' by the
 * k8s module's tests) appears in a scrape of the services, after the scenarios before this one made traffic.
 */
@Order(8)
class MetricsIT extends PlatformScenario {

    @Test
    void everyMetricTheDashboardAndAlertsQueryIsExported() throws Exception {
        // traffic of every kind the queries count, in case this runs alone: a completed call, a registration,
        // a failed authentication (counters appear at their first increment)
        Sipp carrier = Sipp.run("carrier-c-metrics", SippScenario.answering("carrier-answers"))
                .local(Provisioning.CARRIER_C, Provisioning.GATEWAY_PORT).calls(1).start(null, 30);
        Sipp call = Sipp.run("pbx-metrics", SippScenario.calling("pbx-call", 200)).local(Provisioning.PBX, 0)
                .key("dialled", Provisioning.CARRIER_C_NATIONAL).calls(1).start(edge(1), 20);
        Sipp register = Sipp.run("register-metrics", SippScenario.named("register-metrics")
                .register(1, "<sip:dave@[local_ip]:[local_port]>", "600", 200)).local("127.0.0.55", 0)
                .key("user", "dave").option("-au", "dave", "-ap", "dave-secret").calls(1).start(edge(1), 20);
        Sipp wrong = Sipp.run("register-wrong", SippScenario.named("register-wrong")
                .register(1, "<sip:dave@[local_ip]:[local_port]>", "600", 401)).local("127.0.0.56", 0)
                .key("user", "dave").option("-au", "dave", "-ap", "not-the-password").calls(1).start(edge(1), 20);
        for (Sipp s : List.of(call, carrier, register, wrong)) {
            assertTrue(s.await(30) == 0, s.diagnostics());
        }
        Cdrs.closed(platform, Cdrs.callIds(call, "answered").get(0));
        StringBuilder scrape = new StringBuilder();
        // every registrar node: the edge balances REGISTERs over all three, so the failure counts on any one of them
        for (String instance : List.of("edge-proxy#1", "edge-proxy#2", "registrar-service#1", "registrar-service#2",
                "registrar-service#3",
                "routing-service", "media-relay-service", "cdr-service")) {
            scrape.append(platform.metrics(instance)).append('\n');
        }
        List<String> names = Files.readAllLines(platform.root.resolve(
                "helm/sip-platform/dashboards/metric-names.txt")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertTrue(names.size() > 10, "the list is the chart's: " + names);
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (!Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]").matcher(scrape).find()) {
                missing.add(name);
            }
        }
        assertTrue(missing.isEmpty(), "queried by the dashboard or alerts but not exported: " + missing);
    }
}
