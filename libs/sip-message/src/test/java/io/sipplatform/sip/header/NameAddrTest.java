package io.sipplatform.sip.header;

import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.grammar.HeaderValues;
import io.sipplatform.sip.grammar.SipScanner;
import io.sipplatform.sip.uri.AbsoluteUri;
import io.sipplatform.sip.uri.SipUri;
import io.sipplatform.sip.uri.TelUri;
import io.sipplatform.sip.uri.Uri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NameAddrTest {

    private static NameAddr na(String displayName, String uri, Param... params) {
        return new NameAddr(displayName, Uri.parse(uri), List.of(params));
    }

    private static Param p(String name, String value) {
        return new Param(name, value);
    }

    static Stream<Arguments> validValues() {
        return Stream.of(
                Arguments.of("\"Bob\" <sip:bob@biloxi.com>;tag=a6c85cf", na("Bob", "sip:bob@biloxi.com", p("tag", "a6c85cf"))),
                Arguments.of("Bob <sip:bob@biloxi.com>", na("Bob", "sip:bob@biloxi.com")),
                Arguments.of("<sip:bob@biloxi.com>", na(null, "sip:bob@biloxi.com")),
                Arguments.of("sip:bob@biloxi.com;tag=1", na(null, "sip:bob@biloxi.com", p("tag", "1"))),
                Arguments.of("  sip:bob@biloxi.com  ", na(null, "sip:bob@biloxi.com")),
                Arguments.of("Anonymous <sip:c8oqz84zk7z@privacy.org>;tag=hyh8",
                        na("Anonymous", "sip:c8oqz84zk7z@privacy.org", p("tag", "hyh8"))),
                // RFC 4475 §3.1.1.1 (wsinv): To, From and Contact with unusual spacing and escapes
                Arguments.of("sip:vivekg@chair-dnrc.example.com ;   tag    = 1918181833n",
                        na(null, "sip:vivekg@chair-dnrc.example.com", p("tag", "1918181833n"))),
                Arguments.of("\"J Rosenberg \\\\\\\"\"       <sip:jdrosen@example.com> ; tag = 98asjd8",
                        na("J Rosenberg \\\"", "sip:jdrosen@example.com", p("tag", "98asjd8"))),
                Arguments.of("\"Quoted string \\\"\\\"\" <sip:jdrosen@example.com> ; newparam = newvalue ; "
                                + "secondparam ; q = 0.33",
                        na("Quoted string \"\"", "sip:jdrosen@example.com", p("newparam", "newvalue"),
                                p("secondparam", null), p("q", "0.33"))),
                // RFC 4475 §3.1.1.2 (intmeth): control characters as quoted-pairs, token display names
                Arguments.of("\"BEL:\\\u0007 NUL:\\\u0000 DEL:\\\u007f\" <sip:1_unusual.URI~(to-be!sure)&isn't+it$/"
                                + "crazy?,/;;*@example.com>",
                        na("BEL:\u0007 NUL:\u0000 DEL:\u007f",
                                "sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*@example.com")),
                Arguments.of("token1~` token2'+_ token3*%!.- <sip:mundane@example.com>;fromParam''~+*_!.-%="
                                + "\"\u0440\u0430\u0431\u043e\u0442\u0430\u044e\u0449\u0438\u0439\";tag=_token~1'+`*%!-.",
                        na("token1~` token2'+_ token3*%!.-", "sip:mundane@example.com",
                                p("fromParam''~+*_!.-%", "\u0440\u0430\u0431\u043e\u0442\u0430\u044e\u0449\u0438\u0439"),
                                p("tag", "_token~1'+`*%!-."))),
                // RFC 4475 §3.1.1.3 (esc01), §3.1.1.5 (esc02), §3.1.1.6 (lwsdisp)
                Arguments.of("sip:%75se%72@example.com", na(null, "sip:user@example.com")),
                Arguments.of("<sip:I%20have%20spaces@example.net>;tag=938",
                        na(null, "sip:I%20have%20spaces@example.net", p("tag", "938"))),
                Arguments.of("\"%Z%45\" <sip:resource@example.com>", na("%Z%45", "sip:resource@example.com")),
                Arguments.of("caller<sip:caller@example.com>;tag=323", na("caller", "sip:caller@example.com", p("tag", "323"))),
                // RFC 4475 §3.3.6 (unksm2): other schemes
                Arguments.of("isbn:2983792873", na(null, "isbn:2983792873")),
                Arguments.of("<http://www.example.com>;tag=3234233", na(null, "http://www.example.com", p("tag", "3234233"))),
                // RFC 5118 §4.1 and §4.9
                Arguments.of("\"Caller\" <sip:caller@[2001:db8::1]>", na("Caller", "sip:caller@[2001:db8::1]")),
                Arguments.of("\"Caller\" <sip:caller@[::ffff:192.0.2.10]>", na("Caller", "sip:caller@[::ffff:192.0.2.10]")),
                // RFC 4475 §3.1.2.10 style escaped header inside the angle brackets is fine
                Arguments.of("<sip:user@example.com?Route=%3Csip:sip.example.com%3E>",
                        na(null, "sip:user@example.com?Route=%3Csip:sip.example.com%3E")),
                Arguments.of("<sip:a@b;lr;transport=tcp>;expires=60;+sip.instance=\"<urn:uuid:1>\"",
                        na(null, "sip:a@b;lr;transport=tcp", p("expires", "60"), p("+sip.instance", "<urn:uuid:1>"))),
                Arguments.of("\"Watson, Thomas\" <sip:t.watson@example.org>", na("Watson, Thomas", "sip:t.watson@example.org")),
                Arguments.of("\"semi;colon\" <sip:x@y>;p=\"a,b;c\"", na("semi;colon", "sip:x@y", p("p", "a,b;c"))),
                Arguments.of("\"\" <sip:x@y>", na("", "sip:x@y")),
                Arguments.of("\"\u5927\u505c\u96fb \u00e9t\u00e9\" <sip:x@y>", na("\u5927\u505c\u96fb \u00e9t\u00e9", "sip:x@y")),
                Arguments.of("Bob  Smith\t<sip:x@y>", na("Bob  Smith", "sip:x@y")),
                Arguments.of("tel:+1-201-555-0123;tag=x", na(null, "tel:+1-201-555-0123", p("tag", "x"))),
                Arguments.of("<tel:7042;phone-context=example.com>", na(null, "tel:7042;phone-context=example.com")),
                Arguments.of("<sip:x@y>;maddr=[2001:db8::1]", na(null, "sip:x@y", p("maddr", "[2001:db8::1]"))));
    }

    @ParameterizedTest
    @MethodSource("validValues")
    void validValuesParse(String value, NameAddr expected) {
        assertEquals(expected, NameAddr.parse(value));
    }

    @ParameterizedTest
    @MethodSource("validValues")
    void renderingParsesBackToAnEqualValue(String value, NameAddr expected) {
        String rendered = expected.toString();
        assertEquals(expected, NameAddr.parse(rendered), rendered);
        assertEquals(rendered, NameAddr.parse(rendered).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"Mr. J. User <sip:j.user@example.com>",          // RFC 4475 §3.1.2.5 (quotbal)
            "\"Watson, Thomas\" < sip:t.watson@example.org >",  // RFC 4475 §3.1.2.13 (badaspec)
            "Bell, Alexander <sip:a.g.bell@example.com>;tag=43", // RFC 4475 §3.1.2.14 (baddn)
            "sip:user@example.com?Route=%3Csip:sip.example.com%3E", // RFC 4475 §3.1.2.12 (regbadct)
            "<sip:2001:db8::10>",                               // RFC 5118 §4.2 (ipv6-bad)
            "", "<>", "<sip:x@y", "sip:x@y>", "\"Bob\" sip:x@y", "Bob sip:x@y", "<sip:x@y> <sip:z@w>",
            "<sip:x@y>,<sip:z@w>", "sip:a,b@y", "<sip:x@y>;", "<sip:x@y>;tag=", "<sip:x@y>;=1",
            "<sip:x@y>;tag=a b", "<sip:x@y>;tag=\"open", "<sip:x@y>x", "caf\u00e9 <sip:x@y>", "<x@y>",
            "*", "\"a\"\"b\" <sip:x@y>", "<sip:x@y>;p=a:b", "Bob <Bob <sip:x@y>>", "<sip:x@y;>", "\"\\\"<sip:x@y>"})
    void malformedValuesThrow(String value) {
        assertThrows(SipParseException.class, () -> NameAddr.parse(value));
    }

    @Test
    void addrSpecParametersBelongToTheHeaderNotTheUri() {
        NameAddr na = NameAddr.parse("sip:bob@biloxi.com;transport=tcp;tag=1");
        SipUri uri = assertInstanceOf(SipUri.class, na.uri());
        assertEquals(List.of(), uri.params());
        assertEquals("tcp", na.param("transport"));
        assertEquals("1", na.tag());
        NameAddr angled = NameAddr.parse("<sip:bob@biloxi.com;transport=tcp>;tag=1");
        assertEquals("tcp", ((SipUri) angled.uri()).transportParam());
        assertNull(angled.param("transport"));
    }

    @Test
    void routeValuesMustBeInNameAddrForm() {
        NameAddr route = NameAddr.parseNameAddr(" <sip:p1.example.com;lr>;x=1 ");
        assertTrue(((SipUri) route.uri()).lr());
        assertEquals("Proxy", NameAddr.parseNameAddr("Proxy <sip:p1.example.com;lr>").displayName());
        assertEquals("Proxy", NameAddr.parseNameAddr("\"Proxy\"<sip:p1.example.com;lr>").displayName());
        assertThrows(SipParseException.class, () -> NameAddr.parseNameAddr("sip:p1.example.com;lr"));
        assertThrows(SipParseException.class, () -> NameAddr.parseNameAddr("<sip:p1.example.com;lr>,<sip:p2>"));
    }

    @Test
    void renderingAlwaysUsesAngleBracketsAndQuotesWhenNeeded() {
        assertEquals("<sip:bob@biloxi.com>;tag=1", NameAddr.parse("sip:bob@biloxi.com;tag=1").toString());
        assertEquals("Bob Smith <sip:x@y>", NameAddr.parse("\"Bob Smith\" <sip:x@y>").toString());
        assertEquals("\"Watson, Thomas\" <sip:x@y>", NameAddr.parse("\"Watson, Thomas\"<sip:x@y>").toString());
        assertEquals("\"a \\\"b\\\" \\\\c\" <sip:x@y>", NameAddr.parse("\"a \\\"b\\\" \\\\c\" <sip:x@y>").toString());
        assertEquals("\"\" <sip:x@y>", NameAddr.parse("\"\"<sip:x@y>").toString());
        assertEquals("<tel:+1>", NameAddr.parse("tel:+1").toString());
    }

    @Test
    void tagAndParamsChangeThroughWithers() {
        NameAddr from = NameAddr.parse("\"Alice\" <sip:alice@atlanta.com>");
        assertNull(from.tag());
        NameAddr tagged = from.withTag("1928301774");
        assertEquals("1928301774", tagged.tag());
        assertEquals("Alice <sip:alice@atlanta.com>;tag=1928301774", tagged.toString());
        assertEquals("2", tagged.withTag("2").tag());
        assertEquals(1, tagged.withTag("2").params().size());
        assertEquals("x", tagged.withParam("p", "x").param("P"));
        assertNull(tagged.withoutParam("tag").tag());
        assertInstanceOf(TelUri.class, tagged.withUri(Uri.parse("tel:+1")).uri());
        assertThrows(IllegalArgumentException.class, () -> from.withTag("not a token"));
        assertThrows(IllegalArgumentException.class, () -> from.withParam("bad name", "x"));
        assertThrows(IllegalArgumentException.class, () -> from.withParam("p", "line\r\nbreak"));
        assertThrows(IllegalArgumentException.class, () -> new NameAddr("a\nb", from.uri(), List.of()));
    }

    @Test
    void listValuesParseOneAtATimeFromAScanner() {
        String line = "sip:a@x;tag=1 , \"B, b\" <sip:b@y> ,urn:service:sos;p";
        List<String> values = HeaderValues.split(line);
        assertEquals(3, values.size());
        assertEquals("B, b", NameAddr.parse(values.get(1)).displayName());

        SipScanner s = new SipScanner(line);
        List<NameAddr> parsed = new ArrayList<>();
        do {
            parsed.add(NameAddr.parse(s));
            s.skipSpaces();
        } while (s.consumeChar(','));
        s.expectEnd("list");
        assertEquals(List.of(NameAddr.parse(values.get(0)), NameAddr.parse(values.get(1)), NameAddr.parse(values.get(2))),
                parsed);
        assertInstanceOf(AbsoluteUri.class, parsed.get(2).uri());
        assertEquals("1", parsed.get(0).tag());
    }
}
