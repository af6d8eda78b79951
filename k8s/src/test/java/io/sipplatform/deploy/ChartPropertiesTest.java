package io.sipplatform.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The deployment rules of issue 9, one test per rule, checked on the rendered chart. */
class ChartPropertiesTest {
    @EveryChartMode
    void every_service_probes_started_live_and_ready_on_its_management_port(ChartMode mode) {
        Manifests m = Chart.render(mode);
        m.workloads().forEach(w -> {
            JsonNode c = Manifests.container(w);
            assertEquals("/q/health/started", c.path("startupProbe").path("httpGet").path("path").asText(), id(w));
            assertEquals("/q/health/live", c.path("livenessProbe").path("httpGet").path("path").asText(), id(w));
            assertEquals("/q/health/ready", c.path("readinessProbe").path("httpGet").path("path").asText(), id(w));
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertEquals("http", c.path(probe).path("httpGet").path("port").asText(), id(w) + " " + probe);
            }
            assertEquals(m.env(w, "QUARKUS_HTTP_PORT").orElseThrow(), portNamed(c, "http").path("containerPort")
                    .asText(), id(w) + ": the probed port is the one Quarkus serves /q/health on");
        });
    }

    @Test
    void lb_mode_exposes_udp_and_tcp_load_balancers_with_external_traffic_policy_local() {
        Manifests m = Chart.render(ChartMode.LB);
        for (String proto : List.of("udp", "tcp")) {
            JsonNode svc = m.get("Service", "-edge-" + proto);
            assertEquals("LoadBalancer", svc.path("spec").path("type").asText());
            assertEquals("Local", svc.path("spec").path("externalTrafficPolicy").asText(), id(svc));
            svc.path("spec").path("ports").forEach(p -> assertEquals(proto.toUpperCase(), p.path("protocol")
                    .asText(), id(svc) + ": one protocol per LoadBalancer"));
        }
        JsonNode edge = m.get("Deployment", "-edge-proxy");
        assertEquals("203.0.113.10", m.env(edge, "EDGE_SIP_UDP_ADVERTISED_HOST").orElseThrow());
        assertEquals("203.0.113.10", m.env(edge, "EDGE_SIP_TCP_ADVERTISED_HOST").orElseThrow());
    }

    @Test
    void carrier_mode_is_a_host_network_daemon_set_on_the_edge_pool_advertising_the_node_address() {
        Manifests m = Chart.render(ChartMode.CARRIER);
        assertTrue(m.find("Deployment", "-edge-proxy").isEmpty());
        assertTrue(m.kind("Service").noneMatch(s -> "LoadBalancer".equals(s.path("spec").path("type").asText())));
        JsonNode edge = m.get("DaemonSet", "-edge-proxy");
        JsonNode pod = Manifests.podSpec(edge);
        assertTrue(pod.path("hostNetwork").asBoolean());
        assertEquals("ClusterFirstWithHostNet", pod.path("dnsPolicy").asText());
        assertEquals("edge", pod.path("nodeSelector").path("sipplatform.io/pool").asText());
        for (String name : List.of("EDGE_SIP_UDP_ADVERTISED_HOST", "EDGE_SIP_TCP_ADVERTISED_HOST")) {
            assertEquals("status.hostIP", m.envEntry(edge, name).orElseThrow().path("valueFrom").path("fieldRef")
                    .path("fieldPath").asText(), name);
        }
    }

    @EveryChartMode
    void host_network_only_for_carrier_edges_and_media_relays(ChartMode mode) {
        boolean carrier = "carrier".equals(mode.effectiveValues().get("edge.mode"));
        Chart.render(mode).workloads().forEach(w -> {
            String name = w.path("metadata").path("name").asText();
            boolean expected = name.endsWith("-media-relay-service") || (carrier && name.endsWith("-edge-proxy"));
            assertEquals(expected, Manifests.podSpec(w).path("hostNetwork").asBoolean(false), id(w));
        });
    }

    @Test
    void media_relay_is_a_host_network_daemon_set_with_its_port_range_and_public_address_and_a_long_drain() {
        Manifests m = Chart.render(ChartMode.LB);
        JsonNode relay = m.get("DaemonSet", "-media-relay-service");
        JsonNode template = relay.path("spec").path("template");
        assertEquals("media", Manifests.podSpec(relay).path("nodeSelector").path("sipplatform.io/pool").asText());
        assertEquals("ClusterFirstWithHostNet", Manifests.podSpec(relay).path("dnsPolicy").asText(),
                "a hostNetwork pod still resolves cluster names (its CDR and edge peers)");
        assertEquals("false", template.path("metadata").path("annotations")
                .path("cluster-autoscaler.kubernetes.io/safe-to-evict").asText());
        assertEquals("30000", m.env(relay, "MEDIA_PORT_MIN").orElseThrow());
        assertEquals("39999", m.env(relay, "MEDIA_PORT_MAX").orElseThrow());
        assertEquals("status.hostIP", m.envEntry(relay, "MEDIA_ADVERTISED_ADDRESS").orElseThrow().path("valueFrom")
                .path("fieldRef").path("fieldPath").asText());
        assertEquals("3600s", m.env(relay, "MEDIA_MAX_DRAIN").orElseThrow());
        assertTrue(Manifests.podSpec(relay).path("terminationGracePeriodSeconds").asInt() > 3600);
        String preStop = Manifests.container(relay).path("lifecycle").path("preStop").path("exec").path("command")
                .toString();
        assertTrue(preStop.contains("-X POST http://127.0.0.1:8083/relay/drain"), preStop);
    }

    @EveryChartMode
    void media_is_never_behind_a_service(ChartMode mode) {
        Chart.render(mode).kind("Service").forEach(s -> {
            boolean relay = s.path("spec").path("selector").path("app.kubernetes.io/name").asText()
                    .equals("media-relay-service");
            if (relay) {
                assertEquals("None", s.path("spec").path("clusterIP").asText(), id(s) + ": control lookup only");
            }
            s.path("spec").path("ports").forEach(p -> {
                int port = p.path("port").asInt();
                assertFalse(port >= 30000 && port <= 39999, id(s) + " exposes RTP port " + port);
                assertFalse(relay && "UDP".equals(p.path("protocol").asText()), id(s) + " carries UDP");
            });
        });
    }

    @EveryChartMode
    void autoscalers_use_cpu_and_a_request_rate_and_never_memory(ChartMode mode) {
        Manifests m = Chart.render(mode);
        m.kind("HorizontalPodAutoscaler").forEach(h -> {
            List<String> metrics = new ArrayList<>();
            h.path("spec").path("metrics").forEach(x -> metrics.add(x.path("type").asText() + ":"
                    + x.path("resource").path("name").asText(x.path("pods").path("metric").path("name").asText())));
            assertFalse(metrics.stream().anyMatch(x -> x.contains("memory")), id(h) + " " + metrics);
            assertTrue(metrics.contains("Resource:cpu"), id(h) + " " + metrics);
            String target = h.path("spec").path("scaleTargetRef").path("name").asText();
            assertTrue(m.find("Deployment", target).isPresent(), id(h) + " scales a Deployment of the release");
        });
        if (mode == ChartMode.LB) {
            List<String> rates = m.kind("HorizontalPodAutoscaler").map(h -> h.path("spec").path("metrics").path(1)
                    .path("pods").path("metric").path("name").asText()).toList();
            assertEquals(List.of("sip_messages_received_per_second", "registrar_registrations_per_second",
                    "routing_decisions_per_second", "cdr_events_stored_per_second"), rates);
        }
    }

    @EveryChartMode
    void every_workload_has_a_disruption_budget_whose_selector_matches_its_pod_labels(ChartMode mode) {
        Manifests m = Chart.render(mode);
        m.workloads().forEach(w -> {
            JsonNode labels = w.path("spec").path("template").path("metadata").path("labels");
            List<JsonNode> budgets = m.kind("PodDisruptionBudget").filter(p -> selects(p.path("spec")
                    .path("selector").path("matchLabels"), labels)).map(JsonNode.class::cast).toList();
            assertEquals(1, budgets.size(), id(w) + " is covered by exactly one PDB");
            assertTrue(selects(w.path("spec").path("selector").path("matchLabels"), labels), id(w));
        });
        assertEquals(m.workloads().count(), m.kind("PodDisruptionBudget").count(), "no PDB without pods");
    }

    @Test
    void no_secret_has_a_default_in_values_yaml() throws IOException {
        JsonNode values = Manifests.YAML.readTree(Paths.chart().resolve("values.yaml").toFile());
        values.path("secrets").fields().forEachRemaining(e -> assertEquals("", e.getValue().asText(),
                "secrets." + e.getKey()));
        for (String db : List.of("routing", "cdr")) {
            assertEquals("", values.path("postgresql").path(db).path("password").asText(), db);
        }
        assertEquals("", values.path("edge").path("tls").path("existingSecret").asText());
    }

    @Test
    void existing_secrets_replace_every_chart_made_secret() {
        Manifests m = Chart.render(ChartMode.EXISTING_SECRETS);
        assertEquals(0, m.kind("Secret").count());
        Set<String> referenced = new TreeSet<>();
        m.workloads().forEach(w -> {
            Manifests.container(w).path("env").forEach(e -> {
                JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                if (!ref.isMissingNode()) {
                    referenced.add(ref.path("name").asText());
                }
            });
            Manifests.podSpec(w).path("volumes").forEach(v -> {
                if (v.has("secret")) {
                    referenced.add(v.path("secret").path("secretName").asText());
                }
            });
        });
        assertEquals(Set.of("sip-shared", "routing-db", "cdr-db", "edge-tls"), referenced);
    }

    @EveryChartMode
    void secrets_reach_the_services_only_through_secret_references(ChartMode mode) {
        Manifests m = Chart.render(mode);
        m.kind("ConfigMap").forEach(cm -> cm.path("data").fieldNames().forEachRemaining(k -> assertFalse(
                k.contains("SECRET") || k.contains("TOKEN") || k.contains("PASSWORD"), id(cm) + " holds " + k)));
        Map<String, String> expected = Map.of("-edge-proxy", "EDGE_ROUTE_SECRETS",
                "-registrar-service", "REGISTRAR_AUTH_NONCE_SECRETS", "-routing-service", "ROUTING_ADMIN_TOKENS",
                "-cdr-service", "CDR_API_TOKENS");
        expected.forEach((suffix, name) -> {
            JsonNode w = m.workloads().filter(x -> x.path("metadata").path("name").asText().endsWith(suffix))
                    .findFirst().orElseThrow();
            assertTrue(m.envEntry(w, name).orElseThrow().path("valueFrom").has("secretKeyRef"), suffix + " " + name);
        });
    }

    @EveryChartMode
    void every_pod_runs_non_root_without_escalation_on_a_read_only_root_with_no_capabilities(ChartMode mode) {
        Chart.render(mode).workloads().forEach(w -> {
            JsonNode pod = Manifests.podSpec(w).path("securityContext");
            assertTrue(pod.path("runAsNonRoot").asBoolean(), id(w));
            assertEquals("RuntimeDefault", pod.path("seccompProfile").path("type").asText(), id(w));
            JsonNode c = Manifests.container(w).path("securityContext");
            assertFalse(c.path("allowPrivilegeEscalation").asBoolean(true), id(w));
            assertTrue(c.path("readOnlyRootFilesystem").asBoolean(), id(w));
            assertEquals("[\"ALL\"]", c.path("capabilities").path("drop").toString(), id(w));
            assertFalse(c.path("privileged").asBoolean(false), id(w));
            assertTrue(Manifests.container(w).path("volumeMounts").toString().contains("\"/tmp\""),
                    id(w) + ": a writable /tmp for Vert.x and the JVM");
        });
    }

    @EveryChartMode
    void every_container_requests_cpu_and_memory_and_limits_memory(ChartMode mode) {
        Chart.render(mode).workloads().forEach(w -> {
            JsonNode r = Manifests.container(w).path("resources");
            assertTrue(r.path("requests").has("cpu") && r.path("requests").has("memory"), id(w));
            assertTrue(r.path("limits").has("memory"), id(w));
        });
    }

    @EveryChartMode
    void every_pod_template_carries_config_and_secret_checksums(ChartMode mode) {
        Chart.render(mode).workloads().forEach(w -> {
            JsonNode a = w.path("spec").path("template").path("metadata").path("annotations");
            assertTrue(a.path("checksum/config").asText().matches("[0-9a-f]{64}"), id(w));
            assertTrue(a.path("checksum/secrets").asText().matches("[0-9a-f]{64}"), id(w));
        });
    }

    @Test
    void a_config_change_changes_the_checksum_so_pods_roll() {
        String before = checksum(ChartMode.LB);
        String after = checksum(ChartMode.LB.with("edge.domains", "sip.example.org"));
        String secretBefore = checksum(ChartMode.LB, "checksum/secrets");
        String secretAfter = checksum(ChartMode.LB.with("secrets.edgeRouteSecret", "rotated"), "checksum/secrets");
        assertNotEquals(before, after);
        assertNotEquals(secretBefore, secretAfter);
        assertEquals(before, checksum(ChartMode.LB), "stable when nothing changes");
    }

    @EveryChartMode
    void edge_grace_period_covers_timer_c_plus_the_drain_delay(ChartMode mode) {
        Manifests m = Chart.render(mode);
        JsonNode edge = m.workloads().filter(w -> w.path("metadata").path("name").asText().endsWith("-edge-proxy"))
                .findFirst().orElseThrow();
        int grace = Manifests.podSpec(edge).path("terminationGracePeriodSeconds").asInt();
        int delay = seconds(m.env(edge, "EDGE_DRAIN_DELAY").orElseThrow());
        int timeout = seconds(m.env(edge, "EDGE_DRAIN_TIMEOUT").orElseThrow());
        int timerC = 185; // ProxyCore.ProxySettings.DEFAULTS.timerC(), RFC 3261 §16.8: more than 3 minutes
        assertTrue(grace >= timerC + delay, "grace " + grace + " < Timer C " + timerC + " + delay " + delay);
        assertTrue(grace >= timeout + delay, "grace " + grace + " < drain timeout " + timeout + " + delay " + delay);
    }

    @EveryChartMode
    void quarkus_shutdown_delay_and_timeout_fit_in_the_grace_period(ChartMode mode) {
        Manifests m = Chart.render(mode);
        m.workloads().forEach(w -> m.env(w, "QUARKUS_SHUTDOWN_TIMEOUT").ifPresent(timeout -> {
            int delay = seconds(m.env(w, "QUARKUS_SHUTDOWN_DELAY").orElseThrow());
            int grace = Manifests.podSpec(w).path("terminationGracePeriodSeconds").asInt();
            assertTrue(delay > 0 && delay + seconds(timeout) < grace, id(w));
        }));
    }

    @EveryChartMode
    void services_given_a_shutdown_delay_enable_it_at_build_time(ChartMode mode) throws IOException {
        Manifests m = Chart.render(mode);
        for (JsonNode w : m.workloads().toList()) {
            if (m.env(w, "QUARKUS_SHUTDOWN_DELAY").isEmpty()) {
                continue;
            }
            String service = Manifests.container(w).path("name").asText();
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(Paths.root().resolve(service)
                    .resolve("src/main/resources/application.properties"))) {
                p.load(in);
            }
            assertEquals("true", p.getProperty("quarkus.shutdown.delay-enabled"),
                    service + ": quarkus.shutdown.delay is ignored unless delay-enabled is set at build time");
        }
    }

    @EveryChartMode
    void network_policies_deny_by_default_and_cover_every_pod_network_pod(ChartMode mode) {
        Manifests m = Chart.render(mode);
        if (Boolean.FALSE.equals(mode.effectiveValues().get("networkPolicy.enabled"))) {
            assertEquals(0, m.kind("NetworkPolicy").count());
            return;
        }
        JsonNode deny = m.get("NetworkPolicy", "-default-deny");
        assertEquals("{\"app.kubernetes.io/instance\":\"sip\"}", deny.path("spec").path("podSelector")
                .path("matchLabels").toString());
        assertEquals("[\"Ingress\",\"Egress\"]", deny.path("spec").path("policyTypes").toString());
        assertTrue(deny.path("spec").path("ingress").isMissingNode() && deny.path("spec").path("egress")
                .isMissingNode(), "the default policy allows nothing");
        m.workloads().filter(w -> !Manifests.podSpec(w).path("hostNetwork").asBoolean(false)).forEach(w -> {
            JsonNode labels = w.path("spec").path("template").path("metadata").path("labels");
            assertTrue(m.kind("NetworkPolicy").filter(p -> p.path("spec").path("podSelector").path("matchLabels")
                    .size() > 1).anyMatch(p -> selects(p.path("spec").path("podSelector").path("matchLabels"),
                            labels)), id(w) + " has its own allow rules");
        });
    }

    @Test
    void network_policies_open_exactly_the_grpc_paths_the_clients_are_configured_for() {
        Manifests m = Chart.render(ChartMode.LB);
        int paths = 0;
        for (JsonNode w : m.workloads().filter(x -> !Manifests.podSpec(x).path("hostNetwork").asBoolean(false))
                .toList()) {
            String client = Manifests.container(w).path("name").asText();
            for (String target : List.of("REGISTRAR", "ROUTING", "CDR", "MEDIA")) {
                var host = m.env(w, "QUARKUS_GRPC_CLIENTS_" + target + "_HOST");
                if (host.isEmpty()) {
                    continue;
                }
                paths++;
                int port = Integer.parseInt(m.env(w, "QUARKUS_GRPC_CLIENTS_" + target + "_PORT").orElseThrow());
                String service = host.get().substring(0, host.get().indexOf('.'));
                String server = m.get("Service", service).path("spec").path("selector")
                        .path("app.kubernetes.io/name").asText();
                JsonNode serverPod = m.workloads().filter(x -> Manifests.container(x).path("name").asText()
                        .equals(server)).findFirst().orElseThrow();
                boolean hostNetwork = Manifests.podSpec(serverPod).path("hostNetwork").asBoolean(false);
                String egress = m.get("NetworkPolicy", "-" + client).path("spec").path("egress").toString();
                assertTrue(allows(m.get("NetworkPolicy", "-" + client).path("spec").path("egress"), "to",
                        hostNetwork ? null : server, port, null), client + " -> " + server + ":" + port + " " + egress);
                if (!hostNetwork) {
                    String portName = portNameOf(Manifests.container(serverPod), port);
                    assertTrue(allows(m.get("NetworkPolicy", "-" + server).path("spec").path("ingress"), "from",
                            client, port, portName), server + " admits " + client + " on " + port);
                }
            }
        }
        assertEquals(6, paths);
    }

    /** Whether a rule list lets pods named peer (null: an ipBlock) through on the port (number or name). */
    private static boolean allows(JsonNode rules, String direction, String peer, int port, String portName) {
        for (JsonNode rule : rules) {
            boolean peerOk = false;
            for (JsonNode p : rule.path(direction)) {
                peerOk |= peer == null ? p.has("ipBlock")
                        : peer.equals(p.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText());
            }
            boolean portOk = false;
            for (JsonNode p : rule.path("ports")) {
                portOk |= p.path("port").asText().equals(Integer.toString(port)) || p.path("port").asText()
                        .equals(portName);
            }
            if (peerOk && portOk) {
                return true;
            }
        }
        return false;
    }

    private static String portNameOf(JsonNode container, int port) {
        for (JsonNode p : container.path("ports")) {
            if (p.path("containerPort").asInt() == port) {
                return p.path("name").asText();
            }
        }
        throw new AssertionError(container.path("name").asText() + " does not listen on " + port);
    }

    @Test
    void registrars_discover_each_other_through_a_headless_service_that_publishes_not_ready_pods() {
        Manifests m = Chart.render(ChartMode.LB);
        JsonNode cluster = m.get("Service", "-registrar-cluster");
        assertEquals("None", cluster.path("spec").path("clusterIP").asText());
        assertTrue(cluster.path("spec").path("publishNotReadyAddresses").asBoolean());
        JsonNode registrar = m.get("Deployment", "-registrar-service");
        assertTrue(selects(cluster.path("spec").path("selector"), registrar.path("spec").path("template")
                .path("metadata").path("labels")));
        assertEquals("dns", m.env(registrar, "REGISTRAR_CLUSTER_DISCOVERY").orElseThrow());
        assertEquals("sip-registrar-cluster.voice.svc.cluster.local",
                m.env(registrar, "REGISTRAR_CLUSTER_DNS_QUERY").orElseThrow());
        assertEquals("status.podIP", m.envEntry(registrar, "REGISTRAR_CLUSTER_BIND_ADDRESS").orElseThrow()
                .path("valueFrom").path("fieldRef").path("fieldPath").asText());
        assertFalse(m.get("Service", "-registrar-service").path("spec").path("publishNotReadyAddresses")
                .asBoolean(false), "gRPC clients only reach ready registrars");
    }

    @Test
    void grpc_clients_resolve_headless_services_and_balance_on_the_client() {
        Manifests m = Chart.render(ChartMode.LB);
        Map<String, String> services = new HashMap<>();
        m.kind("Service").forEach(s -> services.put(s.path("metadata").path("name").asText() + ".voice.svc.cluster"
                + ".local", s.path("spec").path("clusterIP").asText()));
        int clients = 0;
        for (JsonNode cm : m.kind("ConfigMap").toList()) {
            for (var it = cm.path("data").fields(); it.hasNext();) {
                var e = it.next();
                if (e.getKey().startsWith("QUARKUS_GRPC_CLIENTS_") && e.getKey().endsWith("_HOST")) {
                    clients++;
                    assertEquals("None", services.get(e.getValue().asText()), id(cm) + " " + e.getKey() + "=" + e.getValue());
                    String policy = cm.path("data").path(e.getKey().replace("_HOST", "_LOAD_BALANCING_POLICY"))
                            .asText();
                    assertEquals(e.getKey().contains("_MEDIA_") ? "pick_first" : "round_robin", policy, e.getKey());
                }
            }
        }
        assertEquals(6, clients, "edge: 4 clients, registrar: routing, routing: registrar");
    }

    @Test
    void media_relays_listed_reach_the_edge_as_one_comma_separated_key_and_none_by_default() {
        ObjectNode edge = Chart.render(ChartMode.LB).get("ConfigMap", "-edge-proxy");
        assertFalse(edge.path("data").has("EDGE_MEDIA_RELAYS"), "default: the one media client");
        ObjectNode listed = Chart.render(ChartMode.LB.with("mediaRelay.relays[0]", "m1=10.0.1.11:9003",
                "mediaRelay.relays[1]", "m2=10.0.1.12:9003")).get("ConfigMap", "-edge-proxy");
        assertEquals("m1=10.0.1.11:9003,m2=10.0.1.12:9003", listed.path("data").path("EDGE_MEDIA_RELAYS").asText());
    }

    @Test
    void opentelemetry_is_off_by_default_and_configured_for_every_service_when_on() {
        Chart.render(ChartMode.LB).kind("ConfigMap").filter(cm -> cm.path("data").has("QUARKUS_HTTP_PORT"))
                .forEach(cm -> assertEquals("true", cm.path("data").path("QUARKUS_OTEL_SDK_DISABLED").asText(),
                        id(cm)));
        List<ObjectNode> on = Chart.render(ChartMode.LB_OTEL).kind("ConfigMap").filter(cm -> cm.path("data")
                .has("QUARKUS_HTTP_PORT")).toList();
        assertEquals(5, on.size());
        on.forEach(cm -> {
            assertEquals("false", cm.path("data").path("QUARKUS_OTEL_SDK_DISABLED").asText(), id(cm));
            assertEquals("cdi", cm.path("data").path("QUARKUS_OTEL_TRACES_EXPORTER").asText(), id(cm));
            assertEquals("http://otel-collector.observability:4317", cm.path("data")
                    .path("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT").asText(), id(cm));
            assertEquals("parentbased_traceidratio", cm.path("data").path("QUARKUS_OTEL_TRACES_SAMPLER").asText());
        });
    }

    @Test
    void monitors_are_off_by_default() {
        Manifests m = Chart.render(ChartMode.LB);
        for (String kind : List.of("ServiceMonitor", "PodMonitor", "PrometheusRule")) {
            assertEquals(0, m.kind(kind).count(), kind);
        }
        assertTrue(m.find("ConfigMap", "-dashboard").isEmpty());
    }

    @Test
    void service_monitors_select_services_and_pod_monitors_cover_host_network_pods() {
        for (ChartMode mode : List.of(ChartMode.LB_OBSERVED, ChartMode.CARRIER_OBSERVED_TLS)) {
            Manifests m = Chart.render(mode);
            m.kind("ServiceMonitor").forEach(sm -> {
                JsonNode selector = sm.path("spec").path("selector").path("matchLabels");
                JsonNode svc = m.kind("Service").filter(s -> selector.equals(s.path("spec").path("selector")))
                        .filter(s -> s.path("spec").path("ports").toString().contains("\"name\":\"http\""))
                        .findFirst().orElseThrow(() -> new AssertionError(id(sm) + " selects no Service"));
                assertEquals("/q/metrics", sm.path("spec").path("endpoints").path(0).path("path").asText(), id(svc));
            });
            Set<String> podMonitored = new TreeSet<>();
            m.kind("PodMonitor").forEach(pm -> podMonitored.add(pm.path("spec").path("selector")
                    .path("matchLabels").path("app.kubernetes.io/name").asText()));
            Set<String> hostNetwork = new TreeSet<>();
            m.workloads().filter(w -> Manifests.podSpec(w).path("hostNetwork").asBoolean(false)).forEach(w ->
                    hostNetwork.add(Manifests.container(w).path("name").asText()));
            assertEquals(hostNetwork, podMonitored, mode.name());
            assertEquals(5, m.kind("ServiceMonitor").count() + m.kind("PodMonitor").count(), mode.name());
        }
    }

    @Test
    void alerts_cover_asr_5xx_registrations_relay_ports_cdr_lag_and_long_drains() {
        List<String> alerts = new ArrayList<>();
        Chart.render(ChartMode.LB_OBSERVED).get("PrometheusRule", "-alerts").path("spec").path("groups")
                .forEach(g -> g.path("rules").forEach(r -> alerts.add(r.path("alert").asText())));
        assertTrue(alerts.containsAll(List.of("SipCarrierAsrLow", "SipServerErrorRateHigh", "SipRegistrationFailures",
                "SipRelayPortsNearlyExhausted", "SipCdrIngestionLag", "SipRelayDrainingTooLong")), alerts::toString);
    }

    @Test
    void dashboard_config_map_ships_the_dashboard_file() throws IOException {
        JsonNode cm = Chart.render(ChartMode.LB_OBSERVED).get("ConfigMap", "-dashboard");
        assertEquals("1", cm.path("metadata").path("labels").path("grafana_dashboard").asText());
        assertEquals(Manifests.JSON.readTree(Paths.chart().resolve("dashboards/sip-platform.json").toFile()),
                Manifests.JSON.readTree(cm.path("data").path("sip-platform.json").asText()));
    }

    @Test
    void edge_tls_mounts_the_cert_manager_certificate_secret() {
        Manifests m = Chart.render(ChartMode.CARRIER_OBSERVED_TLS);
        JsonNode cert = m.get("Certificate", "-edge-tls");
        assertEquals("letsencrypt", cert.path("spec").path("issuerRef").path("name").asText());
        JsonNode edge = m.get("DaemonSet", "-edge-proxy");
        assertEquals(cert.path("spec").path("secretName").asText(), Manifests.podSpec(edge).path("volumes").findValue(
                "secretName").asText());
        assertEquals("/etc/sip-tls/tls.crt", m.env(edge, "EDGE_SIP_TLS_CERT_PATH").orElseThrow());
    }

    @Test
    void second_site_backs_up_the_location_cache_across_sites() {
        Manifests m = Chart.render(ChartMode.TWO_SITES);
        JsonNode registrar = m.get("Deployment", "-registrar-service");
        assertEquals("site-a,site-b", m.env(registrar, "REGISTRAR_CLUSTER_XSITE_SITES").orElseThrow());
        assertEquals("site-b", m.env(registrar, "REGISTRAR_CLUSTER_XSITE_LOCAL_SITE").orElseThrow());
        assertTrue(m.get("NetworkPolicy", "-registrar-service").path("spec").path("ingress").toString()
                .contains("10.10.0.0/16"));
    }

    private static String checksum(ChartMode mode) {
        return checksum(mode, "checksum/config");
    }

    private static String checksum(ChartMode mode, String annotation) {
        return Chart.render(mode).get("Deployment", "-routing-service").path("spec").path("template")
                .path("metadata").path("annotations").path(annotation).asText();
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.size() == 0) {
            return false;
        }
        for (var it = selector.fields(); it.hasNext();) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode portNamed(JsonNode container, String name) {
        for (JsonNode p : container.path("ports")) {
            if (name.equals(p.path("name").asText())) {
                return p;
            }
        }
        throw new AssertionError("no port " + name + " in " + container.path("name").asText());
    }

    private static int seconds(String duration) {
        return Integer.parseInt(duration.replace("s", ""));
    }

    private static String id(JsonNode o) {
        return Manifests.id(o);
    }
}
