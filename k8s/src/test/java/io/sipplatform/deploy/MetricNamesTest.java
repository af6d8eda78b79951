package io.sipplatform.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dashboard and the alerts use only metrics the services declare, and dashboards/metric-names.txt (which the
 * e2e tests check against a scrape of the running services) lists exactly the names they use.
 */
class MetricNamesTest {
    private static final Path NAMES = Paths.chart().resolve("dashboards/metric-names.txt");
    /** Micrometer meter declarations in the services' code: kind and dotted name. */
    private static final Pattern METER = Pattern.compile(
            "(Counter|Timer|Gauge|DistributionSummary)\\.builder\\(\"([a-z0-9_.]+)\"|registry\\.(counter|gauge|timer)"
                    + "\\(\"([a-z0-9_.]+)\"");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset");

    @Test
    void metric_names_file_lists_exactly_the_names_the_dashboard_and_alerts_use() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String expr : expressions()) {
            used.addAll(metricNames(expr));
        }
        Set<String> listed = new TreeSet<>(Files.readAllLines(NAMES).stream().filter(l -> !l.isBlank()).toList());
        assertEquals(String.join("\n", used), String.join("\n", listed), "regenerate " + NAMES);
    }

    @Test
    void every_metric_used_is_declared_by_a_service() throws IOException {
        Set<String> exported = exportedNames();
        List<String> unknown = new ArrayList<>();
        for (String name : Files.readAllLines(NAMES)) {
            if (!name.isBlank() && !exported.contains(name)) {
                unknown.add(name);
            }
        }
        assertEquals(List.of(), unknown, "declared: " + exported);
    }

    @Test
    void extraction_keeps_metric_names_and_drops_functions_labels_and_modifiers() {
        assertEquals(Set.of("a_total", "b_seconds_sum"), metricNames(
                "sum by (carrier) (rate(a_total{code=\"5xx\",x=~\"y|z\"}[5m])) / on (pod) max(b_seconds_sum{}) > 0.5"));
    }

    @Test
    void a_bare_metric_name_is_refused_so_every_name_stays_extractable() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> metricNames("sum(rate(a_total[5m])) / b_total"));
        assertTrue(e.getMessage().contains("b_total"), e::getMessage);
    }

    /** Every PromQL expression of the dashboard and of the rendered PrometheusRule. */
    static List<String> expressions() throws IOException {
        List<String> out = new ArrayList<>();
        collect(Manifests.JSON.readTree(Paths.chart().resolve("dashboards/sip-platform.json").toFile()), out);
        Chart.render(ChartMode.LB_OBSERVED).kind("PrometheusRule").forEach(r -> collect(r, out));
        assertTrue(out.size() > 20, "dashboard and alerts have their queries: " + out.size());
        return out;
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if ("expr".equals(e.getKey())) {
                    out.add(e.getValue().asText());
                } else {
                    collect(e.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        }
    }

    /**
     * Metric names in one expression: identifiers left after removing strings, label matchers, ranges and grouping
     * clauses that are not calls; each must be followed by a selector or a range so that simple extraction finds it.
     */
    static Set<String> metricNames(String expr) {
        String s = expr.replaceAll("\"[^\"]*\"", "\"\"").replaceAll("\\{[^}]*\\}", "{}")
                .replaceAll("\\[[^\\]]*\\]", "[]")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            String id = m.group();
            String rest = s.substring(m.end()).stripLeading();
            boolean number = m.start() > 0 && Character.isDigit(s.charAt(m.start() - 1));
            if (number || KEYWORDS.contains(id) || rest.startsWith("(")) {
                continue;
            }
            if (!rest.startsWith("{") && !rest.startsWith("[")) {
                throw new IllegalArgumentException("metric " + id + " without a selector in: " + expr);
            }
            names.add(id);
        }
        return names;
    }

    /** Prometheus names of the meters the five services declare (Micrometer's naming convention). */
    static Set<String> exportedNames() throws IOException {
        Set<String> names = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(Paths.root())) {
            sources = walk.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")
                    && Stream.of("edge-proxy", "registrar-service", "routing-service", "media-relay-service",
                            "cdr-service").anyMatch(s -> p.startsWith(Paths.root().resolve(s)))).toList();
        }
        for (Path source : sources) {
            Matcher m = METER.matcher(Files.readString(source));
            while (m.find()) {
                String kind = m.group(1) != null ? m.group(1) : m.group(3);
                String base = (m.group(2) != null ? m.group(2) : m.group(4)).replace('.', '_');
                switch (kind.toLowerCase()) {
                    case "counter" -> names.add(base + "_total");
                    case "gauge" -> names.add(base);
                    case "timer" -> Stream.of("_count", "_sum", "_max").forEach(x -> names.add(base + "_seconds" + x));
                    default -> Stream.of("_count", "_sum", "_max").forEach(x -> names.add(base + x));
                }
            }
        }
        assertTrue(names.size() > 30, "found the services' meters: " + names);
        return names;
    }
}
