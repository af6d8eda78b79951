package io.sipplatform.sip.header;

import io.sipplatform.sip.SipParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RetryAfterTest {

    static Stream<Arguments> validValues() {
        return Stream.of(
                Arguments.of("120", new RetryAfter(120, null, List.of())),
                Arguments.of("18000;duration=3600", // RFC 3261 §20.33
                        new RetryAfter(18000, null, List.of(new Param("duration", "3600")))),
                Arguments.of("120 (I'm in a meeting)", new RetryAfter(120, "I'm in a meeting", List.of())),
                Arguments.of("5 (outer (nested (deeper)) \\) escaped) ;duration=10;x",
                        new RetryAfter(5, "outer (nested (deeper)) \\) escaped",
                                List.of(new Param("duration", "10"), new Param("x", null)))),
                Arguments.of("7(no space)", new RetryAfter(7, "no space", List.of())),
                Arguments.of("1 ( spaced )", new RetryAfter(1, " spaced ", List.of())),
                Arguments.of("3 (caf\u00e9 \u5927\u505c\u96fb)", new RetryAfter(3, "caf\u00e9 \u5927\u505c\u96fb", List.of())),
                Arguments.of("0 ()", new RetryAfter(0, "", List.of())),
                Arguments.of("99999999999", new RetryAfter(4_294_967_295L, null, List.of())));
    }

    @ParameterizedTest
    @MethodSource("validValues")
    void validValuesParseAndRenderBack(String value, RetryAfter expected) {
        assertEquals(expected, RetryAfter.parse(value));
        assertEquals(expected, RetryAfter.parse(expected.toString()), expected.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "(comment)", "-1", "1.5", "120 (unterminated", "120 (a))", "120 (a) (b)",
            "120 (bad \\", "120 (bell \u0007)", "120;duration=x", "120;duration", "120;duration=-1", "120 x",
            "120,60", "120 (\\\u00e9)"})
    void malformedValuesThrow(String value) {
        assertThrows(SipParseException.class, () -> RetryAfter.parse(value));
    }

    @Test
    void durationIsMinusOneWhenAbsent() {
        assertEquals(-1, RetryAfter.parse("120").duration());
        assertEquals(3600, RetryAfter.parse("18000;DURATION=3600").duration());
        assertEquals(4_294_967_295L, RetryAfter.parse("1;duration=" + "9".repeat(10_000)).duration());
    }

    @Test
    void deeplyNestedCommentsNeedNoStack() {
        int depth = 30_000;
        String nested = "1 " + "(".repeat(depth) + ")".repeat(depth);
        assertEquals(2 * depth - 2, RetryAfter.parse(nested).comment().length());
        assertThrows(SipParseException.class, () -> RetryAfter.parse("1 " + "(".repeat(depth)));
    }

    @Test
    void constructorChecksTheComment() {
        assertThrows(IllegalArgumentException.class, () -> new RetryAfter(1, "a) (b", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new RetryAfter(1, "(", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new RetryAfter(1, "ends in \\", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new RetryAfter(-1, null, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryAfter(1, null, List.of(new Param("duration", "soon"))));
    }
}
