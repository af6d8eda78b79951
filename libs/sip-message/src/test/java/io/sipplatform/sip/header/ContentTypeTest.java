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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentTypeTest {

    static Stream<Arguments> validTypes() {
        return Stream.of(
                Arguments.of("application/sdp", new ContentType("application", "sdp", List.of())),
                Arguments.of("Application/SDP", new ContentType("application", "sdp", List.of())),
                Arguments.of("multipart/mixed;boundary=7a9cbec02ceef655", // RFC 4475 §3.1.1.11 (mpart01)
                        new ContentType("multipart", "mixed", List.of(new Param("boundary", "7a9cbec02ceef655")))),
                Arguments.of("text/html; charset=ISO-8859-4",
                        new ContentType("text", "html", List.of(new Param("charset", "ISO-8859-4")))),
                Arguments.of("application/unknownformat", new ContentType("application", "unknownformat", List.of())),
                Arguments.of("multipart/related ; type = \"application/sdp\" ; boundary=\"a b;c\"",
                        new ContentType("multipart", "related",
                                List.of(new Param("type", "application/sdp"), new Param("boundary", "a b;c")))),
                Arguments.of("application / pidf+xml", new ContentType("application", "pidf+xml", List.of())),
                Arguments.of("message/sipfrag;version=2.0",
                        new ContentType("message", "sipfrag", List.of(new Param("version", "2.0")))));
    }

    @ParameterizedTest
    @MethodSource("validTypes")
    void validTypesParseAndRenderBack(String value, ContentType expected) {
        assertEquals(expected, ContentType.parse(value));
        assertEquals(expected, ContentType.parse(expected.toString()), expected.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "application", "application/", "/sdp", "application/sdp/x", "application/sdp;",
            "application/sdp;charset", "application/sdp;charset=", "application/sdp;x=[::1]", "text/plain, text/html",
            "application/s dp", "application/sdp;x=\"open", "appl\u00efcation/sdp"})
    void malformedTypesThrow(String value) {
        assertThrows(SipParseException.class, () -> ContentType.parse(value));
    }

    @Test
    void accessorsReadTheMediaTypeAndParameters() {
        ContentType t = ContentType.parse("Multipart/Mixed; Boundary=\"unique-boundary-1\"");
        assertEquals("multipart/mixed", t.mediaType());
        assertEquals("unique-boundary-1", t.boundary());
        assertEquals("unique-boundary-1", t.param("BOUNDARY"));
        assertTrue(t.is("MULTIPART", "mixed"));
        assertNull(ContentType.parse("application/sdp").boundary());
        assertEquals("multipart/mixed;Boundary=unique-boundary-1", t.toString());
        assertThrows(IllegalArgumentException.class,
                () -> new ContentType("text", "plain", List.of(new Param("charset", null))));
    }
}
