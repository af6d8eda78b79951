package io.sipplatform.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The chart, rendered and linted in process by helm-java (no helm binary, no cluster, no network). */
final class Chart {
    static final String RELEASE = "sip";
    static final String NAMESPACE = "voice";
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    private Chart() {
    }

    /** helm template for one mode; cached, since several test classes look at the same rendering. */
    static Manifests render(ChartMode mode) {
        return RENDERED.computeIfAbsent(mode.name() + mode.values(), k -> Manifests.parse("chart " + mode,
                template(mode.effectiveValues())));
    }

    /** helm template with exactly these values; throws the chart's own failure message. */
    static String template(Map<String, Object> values) {
        TemplateCommand template = new Helm(Paths.chart()).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion("1.30.0");
        values.forEach(template::set);
        return template.call();
    }

    /**
     * helm lint --strict of a copy of the chart whose values.yaml carries the mode's values (helm-java's lint takes
     * no values files), so lint sees what an installation of this mode renders.
     */
    static LintResult lint(ChartMode mode) {
        Path copy = Path.of("target", "lint", mode.name().replace('+', '_'), "sip-platform").toAbsolutePath();
        try {
            copyTree(Paths.chart(), copy);
            ObjectNode values = (ObjectNode) Manifests.YAML.readTree(Paths.chart().resolve("values.yaml").toFile());
            mode.effectiveValues().forEach((key, value) -> put(values, key, value));
            Manifests.YAML.writeValue(copy.resolve("values.yaml").toFile(), values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Helm(copy).lint().strict().call();
    }

    /** Sets a --set style key (a.b[1].c) in a values tree. */
    static void put(ObjectNode values, String key, Object value) {
        String[] parts = key.split("\\.");
        ObjectNode node = values;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                if (last) {
                    node.set(part, Manifests.YAML.valueToTree(value));
                } else {
                    node = node.has(part) && node.get(part).isObject() ? (ObjectNode) node.get(part)
                            : node.putObject(part);
                }
                continue;
            }
            String field = part.substring(0, bracket);
            int index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
            ArrayNode array = node.has(field) && node.get(field).isArray() ? (ArrayNode) node.get(field)
                    : node.putArray(field);
            while (array.size() <= index) {
                array.addNull();
            }
            if (last) {
                array.set(index, Manifests.YAML.valueToTree(value));
            } else {
                if (!array.get(index).isObject()) {
                    array.set(index, Manifests.YAML.createObjectNode());
                }
                node = (ObjectNode) array.get(index);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
