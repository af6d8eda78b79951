package io.sipplatform.sip.header;

import io.sipplatform.sip.SipParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CSeqTest {

    static Stream<Arguments> validCSeqs() {
        return Stream.of(
                Arguments.of("314159 INVITE", new CSeq(314159, "INVITE")),
                Arguments.of(" 1 ACK ", new CSeq(1, "ACK")),
                Arguments.of("0009 INVITE", new CSeq(9, "INVITE")), // RFC 4475 §3.1.1.1 (folded there)
                Arguments.of("0 REGISTER", new CSeq(0, "REGISTER")),
                Arguments.of("2147483647 BYE", new CSeq(2147483647L, "BYE")),
                Arguments.of("139122385 !interesting-Method0123456789_*+`.%indeed'~", // RFC 4475 §3.1.1.2
                        new CSeq(139122385, "!interesting-Method0123456789_*+`.%indeed'~")),
                Arguments.of("7\t\tinvite", new CSeq(7, "invite")),
                Arguments.of("1 RE%47IST%45R", new CSeq(1, "RE%47IST%45R"))); // RFC 4475 §3.1.1.5: no unescaping
    }

    @ParameterizedTest
    @MethodSource("validCSeqs")
    void validCSeqsParse(String value, CSeq expected) {
        assertEquals(expected, CSeq.parse(value));
        assertEquals(expected, CSeq.parse(expected.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"36893488147419103232 REGISTER", // RFC 4475 §3.1.2.4 (scalar02)
            "2147483648 INVITE", "INVITE", "1", "1INVITE", "-1 INVITE", "1 INVITE BYE", "1 INV ITE", "1 INVITE,",
            "1 \"INVITE\"", "", "1.0 INVITE", "1 INV\u00c9TE"})
    void malformedCSeqsThrow(String value) {
        assertThrows(SipParseException.class, () -> CSeq.parse(value));
    }

    @Test
    void tenThousandDigitsAreOutOfRange() {
        assertThrows(SipParseException.class, () -> CSeq.parse("9".repeat(10_000) + " INVITE"));
    }

    @Test
    void renderingIsNumberSpaceMethod() {
        assertEquals("1 INVITE", new CSeq(1, "INVITE").toString());
        assertEquals(new CSeq(2, "BYE"), new CSeq(1, "INVITE").next("BYE"));
        assertThrows(IllegalArgumentException.class, () -> new CSeq(-1, "INVITE"));
        assertThrows(IllegalArgumentException.class, () -> new CSeq(1L << 31, "INVITE"));
        assertThrows(IllegalArgumentException.class, () -> new CSeq(1, "IN VITE"));
    }
}
