package io.sipplatform.sip.uri;

import io.sipplatform.sip.SipParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UriTest {

    @Test
    void schemeSelectsTheType() {
        assertInstanceOf(SipUri.class, Uri.parse("sip:a@b"));
        assertInstanceOf(SipUri.class, Uri.parse("SiPs:a@b"));
        assertInstanceOf(TelUri.class, Uri.parse("Tel:+1"));
        assertInstanceOf(AbsoluteUri.class, Uri.parse("mailto:a@b"));
        assertEquals("sips", Uri.parse("SIPS:b").scheme());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "nobodyKnowsThisScheme:totallyopaquecontent", // RFC 4475 §3.3.2
            "soap.beep://192.0.2.103:3002",              // RFC 4475 §3.3.5
            "isbn:2983792873",                           // RFC 4475 §3.3.6
            "http://www.example.com",
            "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
            "mailto:alice@example.com?subject=hi%20there",
            "im:alice@example.com",
            "h323:user@h:1720;x=[y]"})
    void otherSchemesAreKeptVerbatim(String text) {
        Uri uri = Uri.parse(text);
        AbsoluteUri absolute = assertInstanceOf(AbsoluteUri.class, uri);
        assertEquals(text, absolute.raw());
        assertEquals(text, absolute.toString());
        assertEquals(text.substring(0, text.indexOf(':')).toLowerCase(java.util.Locale.ROOT), absolute.scheme());
        assertEquals(absolute, AbsoluteUri.parse(absolute.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", "alice@example.com", "1http://x", "ht tp://x", "http:", "http://x y",
            "http://x<y", "http://x%2", "http://x%zz", "mailto:\u00e9", "-x:y", "x\"y:z", "http://x\""})
    void textWithoutASchemeOrWithBadCharactersIsNotAUri(String text) {
        assertThrows(SipParseException.class, () -> Uri.parse(text));
    }

    @Test
    void absoluteUriRefusesTheSchemesWithTheirOwnTypes() {
        assertThrows(SipParseException.class, () -> AbsoluteUri.parse("sip:a@b"));
        assertThrows(SipParseException.class, () -> AbsoluteUri.parse("TEL:+1"));
        assertThrows(IllegalArgumentException.class, () -> new AbsoluteUri(null, "sips:a@b"));
        assertThrows(IllegalArgumentException.class, () -> new AbsoluteUri("http", "mailto:a@b"));
        assertEquals("mailto", new AbsoluteUri("MAILTO", "MailTo:a@b").scheme());
    }

    @Test
    void rangeParsingReportsOffsetsInTheWholeText() {
        String text = "<sip:a@b;x=\u00e9>";
        SipParseException e = assertThrows(SipParseException.class, () -> Uri.parse(text, 1, text.length() - 1));
        assertEquals(11, e.offset());
        assertEquals(SipUri.parse("sip:a@b"), Uri.parse("<sip:a@b>", 1, 8));
    }
}
