package io.sipplatform.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fabric8 Kubernetes model as a second, independent check: an object must deserialize to its typed class, and no
 * field may land in a model object's additionalProperties (where fabric8 puts what it does not know).
 */
final class StrictModel {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    /** Kinds without a fabric8 model on the class path (cert-manager's model is not on the mirror). */
    private static final Set<String> UNTYPED = Set.of("cert-manager.io/v1/Certificate");

    private StrictModel() {
    }

    static HasMetadata typed(JsonNode object) {
        return SERIALIZATION.convertValue(object, HasMetadata.class);
    }

    static List<String> violations(JsonNode object) {
        String key = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        HasMetadata typed = typed(object);
        List<String> out = new ArrayList<>();
        if (typed instanceof GenericKubernetesResource) {
            if (!UNTYPED.contains(key)) {
                out.add(Manifests.id(object) + ": no fabric8 model class for " + key);
            }
            return out;
        }
        walk(typed, Manifests.id(object), out, new IdentityHashMap<>());
        return out;
    }

    private static void walk(Object value, String path, List<String> out, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", out, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, out, seen));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method m : value.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || !m.getName().startsWith("get") || Modifier.isStatic(m.getModifiers())
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child;
            try {
                child = m.invoke(value);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if ("getAdditionalProperties".equals(m.getName())) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    out.add(path + ": unknown field(s) " + extra.keySet());
                }
                continue;
            }
            walk(child, path + "." + m.getName().substring(3), out, seen);
        }
    }
}
