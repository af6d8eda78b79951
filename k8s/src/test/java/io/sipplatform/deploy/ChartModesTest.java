package io.sipplatform.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.LintResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Every mode lints, renders, and every rendered object passes the strict schema and the fabric8 model. */
class ChartModesTest {
    @EveryChartMode
    void helm_lint_strict_passes(ChartMode mode) {
        LintResult lint = Chart.lint(mode);
        assertFalse(lint.isFailed(), () -> String.join("\n", lint.getMessages()));
    }

    @EveryChartMode
    void every_object_matches_its_strict_kubernetes_schema(ChartMode mode) {
        assertEquals(List.of(), violations(mode, KubeSchemas::violations));
    }

    @EveryChartMode
    void every_object_parses_into_the_fabric8_model_without_unknown_fields(ChartMode mode) {
        assertEquals(List.of(), violations(mode, StrictModel::violations));
    }

    private static List<String> violations(ChartMode mode, Function<ObjectNode, List<String>> check) {
        List<String> violations = new ArrayList<>();
        Chart.render(mode).objects().forEach(o -> violations.addAll(check.apply(o)));
        return violations;
    }

    @EveryChartMode
    void object_names_are_unique_per_kind(ChartMode mode) {
        List<String> ids = Chart.render(mode).objects().stream().map(Manifests::id).toList();
        assertEquals(ids.size(), ids.stream().distinct().count(), () -> ids.toString());
    }

    @Test
    void strict_schema_rejects_a_misspelt_field() {
        ObjectNode deployment = Chart.render(ChartMode.LB).get("Deployment", "-edge-proxy").deepCopy();
        ((ObjectNode) Manifests.container(deployment)).put("readinesProbe", "typo");
        assertFalse(KubeSchemas.violations(deployment).isEmpty());
        assertFalse(StrictModel.violations(deployment).isEmpty());
    }

    @Test
    void chart_defaults_alone_fail_with_what_is_missing() {
        Map<String, Object> none = new HashMap<>();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Chart.template(none));
        assertTrue(e.getMessage().contains("is required"), e::getMessage);
    }

    @Test
    void lb_mode_without_advertised_address_fails_clearly() {
        Map<String, Object> values = new HashMap<>(ChartMode.REQUIRED);
        values.put("edge.advertisedAddress", "");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Chart.template(values));
        assertTrue(e.getMessage().contains("edge.advertisedAddress is required in lb mode"), e::getMessage);
    }

    @Test
    void grace_period_shorter_than_timer_c_plus_drain_delay_fails_clearly() {
        Map<String, Object> values = new HashMap<>(ChartMode.REQUIRED);
        values.put("edge.terminationGracePeriodSeconds", 60);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Chart.template(values));
        assertTrue(e.getMessage().contains("terminationGracePeriodSeconds must cover"), e::getMessage);
    }
}
