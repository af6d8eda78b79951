package io.sipplatform.routing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class GatewayHealthTest {
    private static final HealthPolicy POLICY = new HealthPolicy(3, 2, Set.of(408, 500, 503));

    /** Observations: a code, or 0 for no response. Expected: the up state after each. */
    static Stream<Arguments> hysteresis() {
        return Stream.of(
                Arguments.of("two timeouts keep it up", new int[] {0, 0}, "UU"),
                Arguments.of("three timeouts in a row take it down", new int[] {0, 0, 0}, "UUD"),
                Arguments.of("a success in between resets the count", new int[] {503, 503, 200, 503, 503}, "UUUUU"),
                Arguments.of("486 busy proves the gateway alive", new int[] {0, 0, 486, 0, 0}, "UUUUU"),
                Arguments.of("one success does not bring it back", new int[] {0, 0, 0, 200}, "UUDD"),
                Arguments.of("two successes bring it back", new int[] {0, 0, 0, 200, 404}, "UUDDU"),
                Arguments.of("a failure while down restarts the climb", new int[] {0, 0, 0, 200, 500, 200, 200},
                        "UUDDDDU"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void hysteresis(String name, int[] codes, String expected) {
        MapGatewayStates states = new MapGatewayStates();
        GatewayMonitor monitor = new GatewayMonitor(states, POLICY);
        StringBuilder seen = new StringBuilder();
        for (int code : codes) {
            monitor.observe("gw", code == 0 ? null : code);
            seen.append(monitor.isUp("gw") ? 'U' : 'D');
        }
        assertEquals(expected, seen.toString(), Arrays.toString(codes));
    }

    @Test
    void transitionsReportOnlyStateChanges() {
        GatewayMonitor monitor = new GatewayMonitor(new MapGatewayStates(), POLICY);
        List<Boolean> changes = new ArrayList<>();
        for (Integer code : new Integer[] {null, null, null, null, 200, 200, 200}) {
            changes.add(monitor.observe("gw", code).changed());
        }
        assertEquals(List.of(false, false, true, false, false, true, false), changes);
    }

    @Test
    void unknownGatewayIsUp() {
        assertTrue(new GatewayMonitor(new MapGatewayStates(), POLICY).isUp("never-seen"));
        assertFalse(POLICY.isSuccess(null));
    }
}
