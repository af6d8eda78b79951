package io.sipplatform.sip.header;

import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.grammar.SipScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParamsTest {
    private static final List<Param> PARAMS =
            List.of(new Param("tag", "a"), new Param("lr", null), new Param("Expires", "60"), new Param("tag", "b"));

    @Test
    void lookupIgnoresCaseAndReturnsTheFirst() {
        assertEquals("a", Params.get(PARAMS, "TAG"));
        assertEquals("60", Params.get(PARAMS, "expires"));
        assertNull(Params.get(PARAMS, "lr"));
        assertTrue(Params.has(PARAMS, "LR"));
        assertFalse(Params.has(PARAMS, "q"));
        assertTrue(new Param("Expires", "1").is("EXPIRES"));
        assertTrue(Param.flag("lr").isFlag());
    }

    @Test
    void withReplacesInPlaceAndDropsLaterDuplicates() {
        assertEquals(List.of(new Param("tag", "x"), new Param("lr", null), new Param("Expires", "60")),
                Params.with(PARAMS, "tag", "x"));
        assertEquals(4, Params.with(PARAMS.subList(0, 3), "q", "0.5").size());
        assertEquals(new Param("q", "0.5"), Params.with(PARAMS, "q", "0.5").get(4));
    }

    @Test
    void withoutRemovesEveryOccurrence() {
        assertEquals(List.of(new Param("lr", null), new Param("Expires", "60")), Params.without(PARAMS, "Tag"));
        assertSame(PARAMS, Params.without(PARAMS, "absent"));
    }

    @Test
    void renderingQuotesValuesThatAreNotTokensOrIpv6References() {
        StringBuilder out = new StringBuilder();
        Params.appendTo(out, List.of(new Param("lr", null), new Param("tag", "a.b-c"),
                new Param("+sip.instance", "<urn:uuid:00000000-0000-1000-8000-000A95A0E128>"),
                new Param("maddr", "[2001:db8::1]"), new Param("empty", ""), new Param("q", "say \"hi\" \\ ok")));
        assertEquals(";lr;tag=a.b-c;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\""
                + ";maddr=[2001:db8::1];empty=\"\";q=\"say \\\"hi\\\" \\\\ ok\"", out.toString());
    }

    @Test
    void genericParamsAcceptSpacingFlagsAndQuotedValues() {
        SipScanner s = new SipScanner(" ;  tag    = 1918181833n ; lr;x=\"a;b,c\"; h=[::1] ;y=host.example.com,next");
        List<Param> params = Params.parseGenericParams(s);
        assertEquals(List.of(new Param("tag", "1918181833n"), new Param("lr", null), new Param("x", "a;b,c"),
                new Param("h", "[::1]"), new Param("y", "host.example.com")), params);
        assertEquals(",next", s.rest());
    }

    @ParameterizedTest
    @ValueSource(strings = {";", "; ", ";=x", ";x=", ";x= ", ";x=a:b", ";x=\"open", ";x=2001:db8::1", ";x=[1::2::3]",
            ";x=<y>", ";\"x\"=1", ";x=a b"})
    void malformedGenericParamsThrowOrStopBeforeGarbage(String text) {
        SipScanner s = new SipScanner(text);
        try {
            Params.parseGenericParams(s);
            assertFalse(s.atEnd(), "parsed all of " + text);
        } catch (SipParseException expected) {
            assertTrue(expected.offset() >= 0);
        }
    }

    @Test
    void headerParamsBuiltInCodeAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Param("", "x"));
        assertThrows(NullPointerException.class, () -> new Param(null, "x"));
        assertThrows(IllegalArgumentException.class, () -> Params.requireHeaderParams(List.of(new Param("a b", "x"))));
        assertThrows(IllegalArgumentException.class, () -> Params.requireHeaderParams(List.of(new Param("a", "x\r\ny"))));
    }
}
