package io.sipplatform.sip.grammar;

import io.sipplatform.sip.SipParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PercentEncodingTest {
    private static final int USER = SipChars.UNRESERVED | SipChars.USER_UNRESERVED;

    private static String decode(String s) {
        return PercentEncoding.decode(s, 0, s.length(), USER, "user");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "alice|alice",
            "%61lice|alice",
            "cal%6Cer|caller",
            "I%20have%20spaces|I have spaces",
            "sips%3Auser%40example.com|sips:user@example.com",
            "null-%00-null|null-\u0000-null",
            "caf%C3%A9|caf\u00e9",
            "%E2%82%AC|\u20ac",
            "%F0%9F%98%80|\uD83D\uDE00",
            "a%25b|a%b"})
    void escapesDecodeAsUtf8(String written, String decoded) {
        assertEquals(decoded, decode(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "%4", "%zz", "a%g1", "bad<char", "sp ace", "%FF", "%C3", "%C3%28", "%C0%AF",
            "%ED%A0%80", "%F4%90%80%80", "%E2%82", "%80"})
    void malformedEscapesAndCharactersThrow(String written) {
        assertThrows(SipParseException.class, () -> decode(written));
    }

    @Test
    void encodingEscapesExactlyWhatTheClassForbids() {
        StringBuilder out = new StringBuilder();
        PercentEncoding.encode(out, "a b@c;d%\u00e9\uD83D\uDE00", USER);
        assertEquals("a%20b%40c;d%25%C3%A9%F0%9F%98%80", out.toString());
        assertTrue(PercentEncoding.needsEncoding("a b", USER));
        assertFalse(PercentEncoding.needsEncoding("a;b", USER));
    }

    @Test
    void loneSurrogatesEncodeAsReplacementCharacter() {
        StringBuilder out = new StringBuilder();
        PercentEncoding.encode(out, "x\uD800y", USER);
        assertEquals("x%EF%BF%BDy", out.toString());
    }

    @Test
    void encodeThenDecodeIsIdentityForAnyBmpText() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x800; c++) {
            all.append(c);
        }
        StringBuilder out = new StringBuilder();
        PercentEncoding.encode(out, all, USER);
        assertEquals(all.toString(), decode(out.toString()));
    }
}
