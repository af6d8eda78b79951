package io.sipplatform.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Kubernetes objects of one rendering (a chart mode or a kustomize overlay), as JSON trees in document order.
 * Finders fail with the list of what exists, so a wrong name in a test reads as such.
 */
record Manifests(String source, List<ObjectNode> objects) {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    Manifests {
        objects = List.copyOf(objects);
    }

    /** Parses a multi-document YAML stream; empty documents (templates that render nothing) are skipped. */
    static Manifests parse(String source, String yaml) {
        List<ObjectNode> objects = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node instanceof ObjectNode object && object.size() > 0) {
                    objects.add(object);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unparsable YAML from " + source, e);
        }
        return new Manifests(source, objects);
    }

    Stream<ObjectNode> kind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText()));
    }

    Optional<ObjectNode> find(String kind, String nameSuffix) {
        return kind(kind).filter(o -> o.path("metadata").path("name").asText().endsWith(nameSuffix)).findFirst();
    }

    ObjectNode get(String kind, String nameSuffix) {
        return find(kind, nameSuffix).orElseThrow(() -> new AssertionError(source + ": no " + kind + " named *"
                + nameSuffix + " among " + objects.stream().map(Manifests::id).toList()));
    }

    /** Deployments and DaemonSets: the workloads that own pods. */
    Stream<ObjectNode> workloads() {
        return objects.stream().filter(o -> List.of("Deployment", "DaemonSet", "StatefulSet")
                .contains(o.path("kind").asText()));
    }

    static String id(JsonNode o) {
        return o.path("kind").asText() + "/" + o.path("metadata").path("name").asText();
    }

    static JsonNode podSpec(JsonNode workload) {
        return workload.path("spec").path("template").path("spec");
    }

    static JsonNode container(JsonNode workload) {
        return podSpec(workload).path("containers").path(0);
    }

    /** The value of one environment variable set literally on the container or through its ConfigMap. */
    Optional<String> env(JsonNode workload, String name) {
        JsonNode container = container(workload);
        for (JsonNode e : container.path("env")) {
            if (name.equals(e.path("name").asText()) && e.has("value")) {
                return Optional.of(e.path("value").asText());
            }
        }
        for (JsonNode from : container.path("envFrom")) {
            String cm = from.path("configMapRef").path("name").asText();
            Optional<ObjectNode> map = kind("ConfigMap").filter(o -> cm.equals(o.path("metadata").path("name")
                    .asText())).findFirst();
            if (map.isPresent() && map.get().path("data").has(name)) {
                return Optional.of(map.get().path("data").path(name).asText());
            }
        }
        return Optional.empty();
    }

    /** The environment entry (with valueFrom) of one variable set on the container. */
    Optional<JsonNode> envEntry(JsonNode workload, String name) {
        for (JsonNode e : container(workload).path("env")) {
            if (name.equals(e.path("name").asText())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
