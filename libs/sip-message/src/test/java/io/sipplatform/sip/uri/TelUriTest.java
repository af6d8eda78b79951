package io.sipplatform.sip.uri;

import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.header.Param;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelUriTest {

    static Stream<Arguments> validTelUris() {
        // RFC 3966 §6 examples and the parameter forms of §3
        return Stream.of(
                Arguments.of("tel:+1-201-555-0123", new TelUri("+1-201-555-0123", List.of())),
                Arguments.of("tel:7042;phone-context=example.com",
                        new TelUri("7042", List.of(new Param("phone-context", "example.com")))),
                Arguments.of("tel:863-1234;phone-context=+1-914-555",
                        new TelUri("863-1234", List.of(new Param("phone-context", "+1-914-555")))),
                Arguments.of("TEL:+1(201)555.0123;ext=1234;isub=a%3Db",
                        new TelUri("+1(201)555.0123", List.of(new Param("ext", "1234"), new Param("isub", "a=b")))),
                Arguments.of("tel:*69#;phone-context=example.com",
                        new TelUri("*69#", List.of(new Param("phone-context", "example.com")))),
                Arguments.of("tel:+12015550123;x-flag;Foo=bar%20baz",
                        new TelUri("+12015550123", List.of(new Param("x-flag", null), new Param("Foo", "bar baz")))));
    }

    @ParameterizedTest
    @MethodSource("validTelUris")
    void validTelUrisParse(String text, TelUri expected) {
        assertEquals(expected, TelUri.parse(text));
        assertEquals(expected, Uri.parse(text));
    }

    @ParameterizedTest
    @MethodSource("validTelUris")
    void renderingParsesBackToAnEqualUri(String text, TelUri expected) {
        assertEquals(expected, TelUri.parse(expected.toString()), expected.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tel:", "tel:+", "tel:+-", "tel:7042", "tel:+1 201", "tel:+1;", "tel:+1;=x",
            "tel:+1;p=", "tel:+1;ext=abc", "tel:+1;ext", "tel:7042;phone-context=", "tel:7042;phone-context=-x",
            "tel:7042;phone-context=+", "tel:+1;isub", "tel:+1;na_me=x", "tel:+1a", "tel:abc-xyz;phone-context=ex.com",
            "sip:+1@h", "tel:+1;p=\u00e9"})
    void malformedTelUrisThrow(String text) {
        assertThrows(SipParseException.class, () -> TelUri.parse(text));
    }

    @Test
    void globalAndLocalNumbersAreTold() {
        assertTrue(TelUri.parse("tel:+1-201-555-0123").isGlobal());
        TelUri local = TelUri.parse("tel:7042;Phone-Context=example.com");
        assertFalse(local.isGlobal());
        assertEquals("example.com", local.param("phone-context"));
        assertEquals("tel", local.scheme());
    }

    @Test
    void constructorRequiresPhoneContextForLocalNumbers() {
        assertThrows(IllegalArgumentException.class, () -> new TelUri("7042", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new TelUri("", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new TelUri("+1 2", List.of()));
    }
}
