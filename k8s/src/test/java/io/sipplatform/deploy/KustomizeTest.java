package io.sipplatform.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * k8s/: the base and monitoring directories are the chart rendered with base/chart-values.yaml (so the two
 * deployments never disagree), and each overlay builds into valid, strict objects with its site's settings.
 */
class KustomizeTest {
    private static final Set<String> MONITORING = Set.of("ServiceMonitor", "PodMonitor", "PrometheusRule");
    private static final String HEADER = "# Generated from helm/sip-platform with k8s/base/chart-values.yaml by "
            + "KustomizeTest (-Ddeploy.regenerate=true); do not edit.\n";

    @Test
    void base_and_monitoring_are_the_chart_rendered_with_the_base_values() throws IOException {
        List<ObjectNode> rendered = Manifests.parse("chart", new Helm(Paths.chart()).template().withName("sip")
                .withNamespace("sip-platform").withKubeVersion("1.30.0")
                .withValuesFile(Paths.kustomize().resolve("base/chart-values.yaml")).call()).objects();
        List<ObjectNode> base = new ArrayList<>();
        List<ObjectNode> monitoring = new ArrayList<>();
        for (ObjectNode o : rendered) {
            managedByKustomize(o);
            boolean observes = MONITORING.contains(o.path("kind").asText())
                    || o.path("metadata").path("name").asText().endsWith("-dashboard");
            (observes ? monitoring : base).add(o);
        }
        Path basePath = Paths.kustomize().resolve("base/sip-platform.yaml");
        Path monitoringPath = Paths.kustomize().resolve("monitoring/sip-platform-monitoring.yaml");
        if (Boolean.getBoolean("deploy.regenerate")) {
            write(basePath, base);
            write(monitoringPath, monitoring);
        }
        assertTrue(base.equals(read(basePath)), "k8s/base drifted from the chart; regenerate (" + HEADER.trim() + ")");
        assertTrue(monitoring.equals(read(monitoringPath)), "k8s/monitoring drifted from the chart; regenerate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-site", "second-site"})
    void overlay_objects_match_strict_schemas_and_the_fabric8_model(String overlay) {
        Manifests m = Kustomize.build(Paths.kustomize().resolve("overlays").resolve(overlay));
        List<String> violations = new ArrayList<>();
        m.objects().forEach(o -> {
            violations.addAll(KubeSchemas.violations(o));
            violations.addAll(StrictModel.violations(o));
        });
        assertEquals(List.of(), violations);
        m.objects().forEach(o -> assertEquals("sip-platform", o.path("metadata").path("namespace").asText(),
                Manifests.id(o)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-site", "second-site"})
    void overlay_sets_the_sites_public_address_and_database_instead_of_the_base_placeholders(String overlay) {
        Manifests m = Kustomize.build(Paths.kustomize().resolve("overlays").resolve(overlay));
        JsonNode edge = m.get("Deployment", "-edge-proxy");
        for (String name : List.of("EDGE_SIP_UDP_ADVERTISED_HOST", "EDGE_SIP_TCP_ADVERTISED_HOST")) {
            assertTrue(m.env(edge, name).orElseThrow().matches("\\d+\\.\\d+\\.\\d+\\.\\d+"), name);
        }
        for (String service : List.of("-routing-service", "-cdr-service")) {
            String url = m.env(m.get("Deployment", service), "QUARKUS_DATASOURCE_POSTGRESQL_JDBC_URL").orElseThrow();
            assertFalse(url.contains("example.invalid"), service + " " + url);
        }
        for (String proto : List.of("udp", "tcp")) {
            assertEquals("Local", m.get("Service", "-edge-" + proto).path("spec").path("externalTrafficPolicy")
                    .asText());
        }
        assertTrue(m.find("NetworkPolicy", "-default-deny").isPresent());
    }

    @Test
    void second_site_backs_up_the_location_cache_to_the_first() {
        Manifests m = Kustomize.build(Paths.kustomize().resolve("overlays/second-site"));
        JsonNode registrar = m.get("Deployment", "-registrar-service");
        assertEquals("site-a,site-b", m.env(registrar, "REGISTRAR_CLUSTER_XSITE_SITES").orElseThrow());
        assertEquals("site-b", m.env(registrar, "REGISTRAR_CLUSTER_XSITE_LOCAL_SITE").orElseThrow());
        assertEquals("site-b", m.env(registrar, "REGISTRAR_SITE").orElseThrow());
        assertEquals("site-b", m.env(m.get("Deployment", "-edge-proxy"), "EDGE_SITE").orElseThrow());
        assertTrue(Manifests.container(registrar).path("ports").toString().contains("\"containerPort\":7850"));
        String policy = m.get("NetworkPolicy", "-registrar-service").path("spec").toString();
        assertTrue(policy.contains("10.10.0.0/16") && policy.contains("\"port\":7850"), policy);
        assertTrue(Manifests.container(registrar).path("env").toString().contains("REGISTRAR_AUTH_NONCE_SECRETS"),
                "merging env by name keeps the base's entries");
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-site", "second-site"})
    void in_process_build_equals_kubectl_kustomize_where_kubectl_exists(String overlay) throws Exception {
        Path kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(d -> Path.of(d, "kubectl")).filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(kubectl != null, "kubectl not installed; the in-process build stands alone");
        Path dir = Paths.kustomize().resolve("overlays").resolve(overlay);
        Process p = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString()).redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize finished");
        String yaml = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), yaml);
        List<ObjectNode> expected = sorted(Manifests.parse("kubectl", yaml).objects());
        List<ObjectNode> actual = sorted(Kustomize.build(dir).objects());
        assertEquals(expected.stream().map(Manifests::id).toList(), actual.stream().map(Manifests::id).toList());
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            difference(expected.get(i), actual.get(i), Manifests.id(expected.get(i)), differences);
        }
        assertEquals(List.of(), differences, "kubectl kustomize vs in process");
    }

    private static List<ObjectNode> sorted(List<ObjectNode> objects) {
        return objects.stream().sorted(Comparator.comparing(Manifests::id)).toList();
    }

    /** Paths where two trees differ, each with both values (bounded, so a failure stays readable). */
    private static void difference(JsonNode a, JsonNode b, String path, List<String> out) {
        if (a.equals(b) || out.size() > 10) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> fields = new java.util.TreeSet<>();
            a.fieldNames().forEachRemaining(fields::add);
            b.fieldNames().forEachRemaining(fields::add);
            fields.forEach(f -> difference(a.path(f), b.path(f), path + "." + f, out));
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                difference(a.get(i), b.get(i), path + "[" + i + "]", out);
            }
        } else {
            String left = a.toString();
            String right = b.toString();
            out.add(path + ": kubectl " + left.substring(0, Math.min(200, left.length())) + " / in process "
                    + right.substring(0, Math.min(200, right.length())));
        }
    }

    /** Helm's own labels, wherever labels are (objects and pod templates), say kustomize in the plain manifests. */
    private static void managedByKustomize(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("labels").has("helm.sh/chart")) {
                ObjectNode labels = (ObjectNode) object.get("labels");
                labels.remove("helm.sh/chart");
                labels.put("app.kubernetes.io/managed-by", "kustomize");
            }
            object.forEach(KustomizeTest::managedByKustomize);
        } else if (node.isArray()) {
            node.forEach(KustomizeTest::managedByKustomize);
        }
    }

    private static List<ObjectNode> read(Path file) throws IOException {
        return Manifests.parse(file.toString(), Files.readString(file)).objects();
    }

    private static void write(Path file, List<ObjectNode> objects) throws IOException {
        StringBuilder out = new StringBuilder(HEADER);
        for (ObjectNode o : objects) {
            out.append(Manifests.YAML.writeValueAsString(o));
        }
        Files.writeString(file, out.toString());
    }
}
