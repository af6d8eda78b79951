package io.sipplatform.sip.grammar;

import io.sipplatform.sip.SipParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SipScannerTest {

    @Test
    void consumeTokenReadsTheRunAndLeavesTheRest() {
        SipScanner s = new SipScanner("INVITE sip:x");
        assertEquals("INVITE", s.consumeToken());
        assertEquals(6, s.position());
        assertEquals(" sip:x", s.rest());
    }

    @Test
    void consumeRulesLeaveThePositionOnMismatch() {
        SipScanner s = new SipScanner(";x");
        assertNull(s.consumeToken());
        assertFalse(s.consumeChar(','));
        assertEquals(-1, s.consumeDigits(10));
        assertNull(s.consumeQuotedString());
        assertFalse(s.consumeLws());
        assertEquals(0, s.position());
    }

    @Test
    void expectRulesThrowWithTheOffset() {
        SipScanner s = new SipScanner("ab;");
        s.expectToken("name");
        SipParseException e = assertThrows(SipParseException.class, () -> s.expectChar('='));
        assertEquals(2, e.offset());
        assertThrows(SipParseException.class, () -> s.expectToken("value"));
        assertThrows(SipParseException.class, () -> s.expectEnd("value"));
    }

    @Test
    void trimmedDropsOuterSpacesAndTabsOnly() {
        SipScanner s = SipScanner.trimmed(" \t abc \t");
        assertEquals(3, s.position());
        assertEquals("abc", s.rest());
        assertTrue(SipScanner.trimmed("   ").atEnd());
        assertThrows(SipParseException.class, () -> SipScanner.trimmed(null));
    }

    @Test
    void rangeScannerStopsAtItsLimit() {
        SipScanner s = new SipScanner("xx abc;yy", 3, 6);
        assertEquals("abc", s.consumeToken());
        assertTrue(s.atEnd());
        assertEquals(-1, s.peek());
    }

    @Test
    void lwsIsSpacesAndTabs() {
        SipScanner s = new SipScanner(" \t \tx");
        assertEquals(4, s.skipSpaces());
        assertEquals('x', s.peek());
        SipScanner none = new SipScanner("x");
        assertThrows(SipParseException.class, () -> none.expectLws("here"));
    }

    static Stream<Arguments> quotedStrings() {
        return Stream.of(
                Arguments.of("\"\"", ""),
                Arguments.of("\"plain text\"", "plain text"),
                Arguments.of("\"J Rosenberg \\\\\\\"\"", "J Rosenberg \\\""),
                Arguments.of("\"Quoted string \\\"\\\"\"", "Quoted string \"\""),
                Arguments.of("\"semi;colon,comma<>\"", "semi;colon,comma<>"),
                Arguments.of("\"tab\there\"", "tab\there"),
                Arguments.of("\"\u0440\u0430\u0431\u043e\u0442\u0430\u044e\u0449\u0438\u0439\"",
                        "\u0440\u0430\u0431\u043e\u0442\u0430\u044e\u0449\u0438\u0439"),
                // RFC 4475 §3.1.1.2: BEL, NUL and DEL as quoted-pairs
                Arguments.of("\"BEL:\\\u0007 NUL:\\\u0000 DEL:\\\u007f\"", "BEL:\u0007 NUL:\u0000 DEL:\u007f"));
    }

    @ParameterizedTest
    @MethodSource("quotedStrings")
    void quotedStringsAreUnescaped(String written, String content) {
        SipScanner s = new SipScanner(written + "rest");
        assertEquals(content, s.consumeQuotedString());
        assertEquals("rest", s.rest());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unterminated", "\"ends in backslash\\", "\"bell \u0007 raw\"", "\"cr\r\"",
            "\"escaped cr \\\r\"", "\"escaped non-ascii \\\u00e9\"", "\"del \u007f\""})
    void malformedQuotedStringsThrow(String written) {
        SipScanner s = new SipScanner(written);
        assertThrows(SipParseException.class, s::consumeQuotedString);
    }

    @Test
    void sixtyThousandBackslashesAreOnePass() {
        String value = "\"" + "\\\\".repeat(30_000) + "\"";
        SipScanner s = new SipScanner(value);
        assertEquals("\\".repeat(30_000), s.consumeQuotedString());
        SipScanner unterminated = new SipScanner("\"" + "\\".repeat(60_000));
        assertThrows(SipParseException.class, unterminated::consumeQuotedString);
    }

    @Test
    void digitsSaturateAtTheClampInsteadOfOverflowing() {
        assertEquals(68, new SipScanner("0068").consumeDigits(1000));
        assertEquals(1000, new SipScanner("1" + "0".repeat(10_000)).consumeDigits(1000));
        assertEquals(Long.MAX_VALUE, new SipScanner("9".repeat(10_000)).consumeDigits(Long.MAX_VALUE));
        assertEquals(4_294_967_295L, new SipScanner("4294967296").consumeDigits(4_294_967_295L));
        assertEquals(4_294_967_294L, new SipScanner("4294967294").consumeDigits(4_294_967_295L));
    }

    @Test
    void expectNumberChecksTheRange() {
        assertEquals(255, new SipScanner("255").expectNumber("n", 0, 255));
        assertThrows(SipParseException.class, () -> new SipScanner("256").expectNumber("n", 0, 255));
        assertThrows(SipParseException.class, () -> new SipScanner("0").expectNumber("n", 1, 255));
        assertThrows(SipParseException.class, () -> new SipScanner("x").expectNumber("n", 0, 255));
    }

    @Test
    void resetMovesBackToASavedPosition() {
        SipScanner s = new SipScanner("abc def");
        int save = s.position();
        s.consumeToken();
        s.reset(save);
        assertEquals("abc", s.expectToken("again"));
    }
}
