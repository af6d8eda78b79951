package io.sipplatform.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Strict JSON schemas of the Kubernetes kinds the deployment uses. Source: the validation schemas the fabric8
 * kubernetes-model 5.12 jars publish on Maven Central (Kubernetes 1.23 API, unpacked by the module's pom), made
 * strict the way kubeval's "-strict" flavour is: every object type with declared properties gets
 * additionalProperties false, so a misspelt field (readinesProbe, externalTraficPolicy) fails instead of being
 * ignored by the API server. Java-only keywords are dropped; Quantity, IntOrString and Time become the strings and
 * numbers they are on the wire; the draft-05 header becomes draft-04, which the validator implements.
 * autoscaling/v2 is checked against v2beta2, its field-for-field predecessor (the 1.23 model has no v2 yet).
 * Custom resources (Prometheus Operator, cert-manager) have small strict schemas under src/test/resources/schemas.
 */
final class KubeSchemas {
    private static final Map<String, String> DEFINITIONS = Map.ofEntries(
            Map.entry("v1/ConfigMap", "kubernetes_core_ConfigMap"),
            Map.entry("v1/Secret", "kubernetes_core_Secret"),
            Map.entry("v1/Service", "kubernetes_core_Service"),
            Map.entry("apps/v1/Deployment", "kubernetes_apps_Deployment"),
            Map.entry("apps/v1/DaemonSet", "kubernetes_apps_DaemonSet"),
            Map.entry("apps/v1/StatefulSet", "kubernetes_apps_StatefulSet"),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler",
                    "kubernetes_autoscaling_v2beta2_HorizontalPodAutoscaler"),
            Map.entry("policy/v1/PodDisruptionBudget", "kubernetes_policy_v1_PodDisruptionBudget"),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", "kubernetes_networking_v1_NetworkPolicy"));
    private static final Map<String, String> CUSTOM = Map.of(
            "monitoring.coreos.com/v1/ServiceMonitor", "servicemonitor-monitoring-v1.json",
            "monitoring.coreos.com/v1/PodMonitor", "podmonitor-monitoring-v1.json",
            "monitoring.coreos.com/v1/PrometheusRule", "prometheusrule-monitoring-v1.json",
            "cert-manager.io/v1/Certificate", "certificate-cert-manager-v1.json");
    private static final Set<String> JAVA_KEYWORDS = Set.of("javaType", "existingJavaType", "javaInterfaces",
            "javaOmitEmpty", "javaExtends", "extends", "javaName", "module", "$module", "id", "resources", "default");
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static volatile ObjectNode definitions;

    private KubeSchemas() {
    }

    /** Violations of one object against the strict schema of its kind; an unknown kind is itself a violation. */
    static List<String> violations(JsonNode object) {
        String key = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        JsonSchema schema = SCHEMAS.computeIfAbsent(key, KubeSchemas::load);
        if (schema == null) {
            return List.of(Manifests.id(object) + ": no schema for " + key);
        }
        List<String> out = new ArrayList<>();
        for (ValidationMessage m : schema.validate(object)) {
            out.add(Manifests.id(object) + ": " + m.getMessage());
        }
        return out;
    }

    private static JsonSchema load(String key) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        try {
            if (CUSTOM.containsKey(key)) {
                try (var in = KubeSchemas.class.getResourceAsStream("/schemas/" + CUSTOM.get(key))) {
                    return factory.getSchema(Manifests.JSON.readTree(in));
                }
            }
            String definition = DEFINITIONS.get(key);
            if (definition == null) {
                return null;
            }
            ObjectNode root = Manifests.JSON.createObjectNode();
            root.put("$schema", "http://json-schema.org/draft-04/schema#");
            root.put("$ref", "#/definitions/" + definition);
            root.set("definitions", definitions());
            return factory.getSchema(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode definitions() throws IOException {
        if (definitions == null) {
            synchronized (KubeSchemas.class) {
                if (definitions == null) {
                    ObjectNode all = Manifests.JSON.createObjectNode();
                    List<Path> files;
                    try (Stream<Path> walk = Files.walk(Paths.schemas())) {
                        files = walk.filter(p -> p.getFileName().toString().equals("validation-schema.json"))
                                .sorted().toList();
                    }
                    if (files.size() < 5) {
                        throw new IllegalStateException("fabric8 schemas not unpacked under " + Paths.schemas()
                                + " (run through Maven: generate-test-resources unpacks them)");
                    }
                    for (Path file : files) {
                        all.setAll((ObjectNode) Manifests.JSON.readTree(file.toFile()).path("definitions"));
                    }
                    all.fieldNames().forEachRemaining(name -> strict(all.get(name)));
                    replaceWireTypes(all);
                    definitions = all;
                }
            }
        }
        return definitions;
    }

    /** additionalProperties false on declared object types; Java-only and draft-3 keywords removed. */
    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
                String field = it.next();
                if (JAVA_KEYWORDS.contains(field) || ("required".equals(field) && !object.get(field).isArray())) {
                    it.remove();
                }
            }
            if (object.has("properties") && object.path("properties").isObject()) {
                object.put("additionalProperties", false);
                object.get("properties").forEach(KubeSchemas::strict);
            }
            if (object.path("additionalProperties").isObject()) {
                strict(object.get("additionalProperties"));
            }
            if (object.has("items")) {
                strict(object.get("items"));
            }
        }
    }

    /** The model's Java shapes of Quantity, IntOrString and times, replaced by their wire forms. */
    private static void replaceWireTypes(ObjectNode all) {
        ObjectNode stringOrNumber = Manifests.JSON.createObjectNode();
        stringOrNumber.putArray("type").add("string").add("integer").add("number");
        ObjectNode stringOrInteger = Manifests.JSON.createObjectNode();
        stringOrInteger.putArray("type").add("string").add("integer");
        ObjectNode string = Manifests.JSON.createObjectNode().put("type", "string");
        List<String> names = new ArrayList<>();
        all.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (name.endsWith("_Quantity")) {
                all.set(name, stringOrNumber.deepCopy());
            } else if (name.endsWith("_IntOrString")) {
                all.set(name, stringOrInteger.deepCopy());
            } else if (name.endsWith("_Time") || name.endsWith("_MicroTime")) {
                all.set(name, string.deepCopy());
            }
        }
    }
}
