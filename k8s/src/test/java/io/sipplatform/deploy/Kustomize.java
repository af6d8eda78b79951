package io.sipplatform.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The subset of kustomize that k8s/ uses, applied in process so that CI needs no kubectl: a kustomization lists
 * resources (files or directories with their own kustomization), strategic-merge patches (one object per file,
 * matched by kind and name) and a namespace. Merge semantics follow Kubernetes' strategic merge patch for the lists
 * the overlays touch: containers, env and volumes merge by name, container ports by containerPort, Service ports by
 * port, volumeMounts by mountPath (added items first); every other list is replaced, maps merge recursively. Anything else in a
 * kustomization is refused, so an overlay cannot use a feature this test would silently ignore. Where kubectl is
 * installed, KustomizeTest checks that kubectl kustomize produces the same objects.
 */
final class Kustomize {
    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "patches", "namespace");
    private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
            "env", "name", "volumes", "name", "volumeMounts", "mountPath");

    private Kustomize() {
    }

    static Manifests build(Path dir) {
        try {
            return new Manifests("kustomize " + Paths.kustomize().relativize(dir), objects(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ObjectNode> objects(Path dir) throws IOException {
        JsonNode k = Manifests.YAML.readTree(dir.resolve("kustomization.yaml").toFile());
        k.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException(dir + ": kustomization field " + f + " is not supported here");
            }
        });
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode r : k.path("resources")) {
            Path p = dir.resolve(r.asText()).normalize();
            if (Files.isDirectory(p)) {
                objects.addAll(objects(p));
            } else {
                objects.addAll(Manifests.parse(p.toString(), Files.readString(p)).objects());
            }
        }
        for (JsonNode patch : k.path("patches")) {
            if (!patch.has("path") || patch.size() != 1) {
                throw new IllegalArgumentException(dir + ": only patches with a path are supported: " + patch);
            }
            Path p = dir.resolve(patch.path("path").asText());
            List<ObjectNode> docs = Manifests.parse(p.toString(), Files.readString(p)).objects();
            if (docs.size() != 1) {
                throw new IllegalArgumentException(p + ": one object per patch file");
            }
            ObjectNode target = objects.stream().filter(o -> Manifests.id(o).equals(Manifests.id(docs.get(0))))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException(p + ": patch target "
                            + Manifests.id(docs.get(0)) + " not found"));
            merge(target, docs.get(0), "");
        }
        if (k.has("namespace")) {
            objects.forEach(o -> ((ObjectNode) o.get("metadata")).put("namespace", k.path("namespace").asText()));
        }
        return objects;
    }

    private static void merge(ObjectNode target, ObjectNode patch, String parent) {
        patch.fields().forEachRemaining(e -> {
            String field = e.getKey();
            JsonNode value = e.getValue();
            if (field.startsWith("$")) {
                throw new IllegalArgumentException("patch directive " + field + " is not supported here");
            }
            JsonNode current = target.get(field);
            if (value.isObject() && current != null && current.isObject()) {
                merge((ObjectNode) current, (ObjectNode) value, field);
            } else if (value.isArray() && current != null && current.isArray() && key(field, parent) != null) {
                mergeList((ArrayNode) current, (ArrayNode) value, key(field, parent), field);
            } else {
                target.set(field, value.deepCopy());
            }
        });
    }

    private static String key(String field, String parent) {
        if ("ports".equals(field)) {
            return "spec".equals(parent) ? "port" : "containerPort";
        }
        return MERGE_KEYS.get(field);
    }

    /** Items the patch adds come first, in patch order (as kubectl's strategic merge places them). */
    private static void mergeList(ArrayNode current, ArrayNode patch, String key, String field) {
        int added = 0;
        for (JsonNode item : patch) {
            ObjectNode existing = null;
            for (JsonNode c : current) {
                if (c.path(key).equals(item.path(key))) {
                    existing = (ObjectNode) c;
                }
            }
            if (existing == null) {
                current.insert(added++, item.deepCopy());
            } else {
                merge(existing, (ObjectNode) item, field);
            }
        }
    }
}
