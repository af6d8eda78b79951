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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SipUriTest {

    private static SipUri uri(boolean secure, String user, String password, String host, int port,
                              List<Param> params, List<Param> headers) {
        return new SipUri(secure, user, password, host, port, params, headers);
    }

    private static Param p(String name, String value) {
        return new Param(name, value);
    }

    static Stream<Arguments> validUris() {
        return Stream.of(
                Arguments.of("sip:alice@atlanta.com",
                        uri(false, "alice", null, "atlanta.com", -1, List.of(), List.of())),
                Arguments.of("SIPS:Bob@Biloxi.COM:5061",
                        uri(true, "Bob", null, "Biloxi.COM", 5061, List.of(), List.of())),
                Arguments.of("sip:alice:secretword@atlanta.com;transport=tcp",
                        uri(false, "alice", "secretword", "atlanta.com", -1, List.of(p("transport", "tcp")),
                                List.of())),
                Arguments.of("sip:+1-212-555-1212:1234@gateway.com;user=phone",
                        uri(false, "+1-212-555-1212", "1234", "gateway.com", -1, List.of(p("user", "phone")),
                                List.of())),
                Arguments.of("sip:alice@192.0.2.4", uri(false, "alice", null, "192.0.2.4", -1, List.of(), List.of())),
                Arguments.of("sip:atlanta.com;method=REGISTER?to=alice%40atlanta.com",
                        uri(false, null, null, "atlanta.com", -1, List.of(p("method", "REGISTER")),
                                List.of(p("to", "alice@atlanta.com")))),
                Arguments.of("sip:alice;day=tuesday@atlanta.com",
                        uri(false, "alice;day=tuesday", null, "atlanta.com", -1, List.of(), List.of())),
                Arguments.of("sip:services.example.com;lr;unknownwith=value;unknown-no-value",
                        uri(false, null, null, "services.example.com", -1,
                                List.of(p("lr", null), p("unknownwith", "value"), p("unknown-no-value", null)),
                                List.of())),
                Arguments.of("sip:vivekg@chair-dnrc.example.com;unknownparam",
                        uri(false, "vivekg", null, "chair-dnrc.example.com", -1, List.of(p("unknownparam", null)),
                                List.of())),
                // RFC 4475 §3.1.1.2: every character the user and password classes allow
                Arguments.of("sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too."
                                + "(doesn't-it)@example.com",
                        uri(false, "1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*",
                                "&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", "example.com", -1, List.of(),
                                List.of())),
                // RFC 4475 §3.1.1.3 (esc01)
                Arguments.of("sip:sips%3Auser%40example.com@example.net",
                        uri(false, "sips:user@example.com", null, "example.net", -1, List.of(), List.of())),
                Arguments.of("sip:%75se%72@example.com", uri(false, "user", null, "example.com", -1, List.of(), List.of())),
                Arguments.of("sip:I%20have%20spaces@example.net",
                        uri(false, "I have spaces", null, "example.net", -1, List.of(), List.of())),
                Arguments.of("sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31",
                        uri(false, "caller", null, "host5.example.net", -1,
                                List.of(p("lr", null), p("name", "value%41")), List.of())),
                // RFC 4475 §3.1.1.4 (escnull)
                Arguments.of("sip:null-%00-null@example.com",
                        uri(false, "null-\u0000-null", null, "example.com", -1, List.of(), List.of())),
                Arguments.of("sip:%00%00@host5.example.com",
                        uri(false, "\u0000\u0000", null, "host5.example.com", -1, List.of(), List.of())),
                // RFC 4475 §3.1.1.9 (semiuri)
                Arguments.of("sip:user;par=u%40example.net@example.com",
                        uri(false, "user;par=u@example.net", null, "example.com", -1, List.of(), List.of())),
                // RFC 4475 §3.1.2.10 (escruri): syntactically a valid URI with an escaped header
                Arguments.of("sip:user@example.com?Route=%3Csip:example.com%3E",
                        uri(false, "user", null, "example.com", -1, List.of(),
                                List.of(p("Route", "<sip:example.com>")))),
                // RFC 5118 §4.1, §4.3, §4.4, §4.9, §4.10
                Arguments.of("sip:[2001:db8::10]", uri(false, null, null, "[2001:db8::10]", -1, List.of(), List.of())),
                Arguments.of("sip:[2001:db8::10:5070]",
                        uri(false, null, null, "[2001:db8::10:5070]", -1, List.of(), List.of())),
                Arguments.of("sip:[2001:db8::10]:5070",
                        uri(false, null, null, "[2001:db8::10]", 5070, List.of(), List.of())),
                Arguments.of("sip:caller@[::ffff:192.0.2.10]",
                        uri(false, "caller", null, "[::ffff:192.0.2.10]", -1, List.of(), List.of())),
                Arguments.of("sip:[2001:db8:::192.0.2.1]",
                        uri(false, null, null, "[2001:db8:::192.0.2.1]", -1, List.of(), List.of())),
                Arguments.of("sip:user:@host", uri(false, "user", "", "host", -1, List.of(), List.of())),
                Arguments.of("sip:host:0", uri(false, null, null, "host", 0, List.of(), List.of())),
                Arguments.of("sip:host:65535", uri(false, null, null, "host", 65535, List.of(), List.of())),
                Arguments.of("sip:host.example.com.:5060", uri(false, null, null, "host.example.com.", 5060, List.of(),
                        List.of())),
                Arguments.of("sip:h?a=&b=c", uri(false, null, null, "h", -1, List.of(), List.of(p("a", ""), p("b", "c")))),
                Arguments.of("sip:h;p=[x]/:&+$", uri(false, null, null, "h", -1, List.of(p("p", "[x]/:&+$")), List.of())),
                Arguments.of("sip:caf%C3%A9@h", uri(false, "caf\u00e9", null, "h", -1, List.of(), List.of())));
    }

    @ParameterizedTest
    @MethodSource("validUris")
    void validUrisParseToTheirComponents(String text, SipUri expected) {
        SipUri parsed = SipUri.parse(text);
        assertEquals(expected, parsed);
        assertEquals(expected, Uri.parse(text));
    }

    @ParameterizedTest
    @MethodSource("validUris")
    void renderingParsesBackToAnEqualUri(String text, SipUri expected) {
        String rendered = expected.toString();
        assertEquals(expected, SipUri.parse(rendered), rendered);
        assertEquals(rendered, SipUri.parse(rendered).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sip:", "sip", "alice@atlanta.com", "sip:@host", "sip:user@", "sip:user@host:",
            "sip:host:65536", "sip:host:99999999999999999999", "sip:host;", "sip:host;=v", "sip:host;n=",
            "sip:host?", "sip:host?a", "sip:host?=b", "sip:host#frag", "sip:us er@host", "sip:user@ho st",
            "sip:user@host ", " sip:user@host", "sip:user@host>", "sip:a@b@c", "sip:%zz@host", "sip:us%4@host",
            "sip:2001:db8::10", "sip:[2001:db8::10", "sip:[2001:db8::10]x", "sip:[2001:db8:::10]",
            "sip:[fe80::1%25eth0]", "sip:user@-host.com", "sip:user@host..com", "sip:user@_sip.example.com",
            "sip:caf\u00e9@h", "sip:user@h;p=\u00e9", "sip:user\"@h", "sip:user@h:5060:5060", "sip:a<b@h",
            "sip:user@h;a=b;", "sip:user@h?a=b&", "sip:us:er:pw@h;x", "tel:+1234", "http://x", "sip:h:-1",
            "sip:user@256.1.1.1", "sip:user@1.2.3", "sip:user@[::1]:", "sip:h;lr=%C3"})
    void malformedUrisThrow(String text) {
        assertThrows(SipParseException.class, () -> SipUri.parse(text));
    }

    @Test
    void nullIsAParseError() {
        assertThrows(SipParseException.class, () -> SipUri.parse(null));
        assertThrows(SipParseException.class, () -> Uri.parse(null));
    }

    @Test
    void renderingEscapesWhatTheGrammarRequiresOnly() {
        SipUri u = SipUri.parse("SIP:%61lice;x@HOST:5060;Transport=TCP;%6C%72?Subject=next%20meeting");
        assertEquals("sip:alice;x@HOST:5060;Transport=TCP;lr?Subject=next%20meeting", u.toString());
        SipUri built = SipUri.of("user name@x", "example.com", -1).withParam("p", "a b;c");
        assertEquals("sip:user%20name%40x@example.com;p=a%20b%3Bc", built.toString());
    }

    @Test
    void parameterLookupIgnoresCase() {
        SipUri u = SipUri.parse("sip:h;Transport=TCP;LR;MADDR=239.255.255.1;User=Phone");
        assertEquals("tcp", u.transportParam());
        assertEquals("TCP", u.param("transport"));
        assertTrue(u.lr());
        assertEquals("239.255.255.1", u.maddr());
        assertEquals("Phone", u.userParam());
        assertTrue(u.hasParam("lr"));
        assertNull(u.param("lr"));
        assertFalse(SipUri.parse("sip:h").lr());
        assertNull(SipUri.parse("sip:h").transportParam());
    }

    @Test
    void withersReplaceOneComponent() {
        SipUri u = SipUri.parse("sip:alice:pw@atlanta.com:5060;transport=udp;lr?h=v");
        assertEquals("sip:alice:pw@192.0.2.1:5060;transport=udp;lr?h=v", u.withHost("192.0.2.1").toString());
        assertEquals("sip:alice:pw@atlanta.com;transport=udp;lr?h=v", u.withPort(-1).toString());
        assertEquals("sip:atlanta.com:5060;transport=udp;lr?h=v", u.withUser(null).toString());
        assertEquals("sip:bob:pw@atlanta.com:5060;transport=udp;lr?h=v", u.withUser("bob").toString());
        assertEquals("sip:alice:pw@atlanta.com:5060;transport=tcp;lr?h=v", u.withParam("transport", "tcp").toString());
        assertEquals("sip:alice:pw@atlanta.com:5060;transport=udp?h=v", u.withoutParam("LR").toString());
        assertEquals("sip:alice:pw@atlanta.com:5060;transport=udp;lr;ob?h=v", u.withParam("ob", null).toString());
        assertEquals("sip:alice:pw@atlanta.com:5060;transport=udp;lr", u.withoutHeaders().toString());
        assertEquals("sips:alice:pw@atlanta.com:5060;transport=udp;lr?h=v", u.withSecure(true).toString());
        assertThrows(IllegalArgumentException.class, () -> u.withHost("bad host"));
        assertThrows(IllegalArgumentException.class, () -> u.withPort(65536));
        assertThrows(IllegalArgumentException.class, () -> u.withUser(""));
        assertThrows(IllegalArgumentException.class, () -> u.withParam("x", ""));
    }

    @Test
    void ipHostsAreRecognisedAndUnbracketed() {
        SipUri v6 = SipUri.parse("sip:[2001:db8::1]:5060");
        assertTrue(v6.hostIsIp());
        assertEquals("2001:db8::1", v6.hostWithoutBrackets());
        assertEquals("[2001:db8::1]:5060", v6.hostPort());
        assertTrue(SipUri.parse("sip:192.0.2.1").hostIsIp());
        assertFalse(SipUri.parse("sip:example.com").hostIsIp());
        assertEquals("example.com", SipUri.parse("sip:example.com").hostWithoutBrackets());
    }

    static Stream<Arguments> equivalentPairs() {
        // RFC 3261 §19.1.4 examples of equivalent URIs, plus RFC 5954 §4 (IPv6 by value)
        return Stream.of(
                Arguments.of("sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp"),
                Arguments.of("sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5"),
                Arguments.of("sip:carol@chicago.com", "sip:carol@chicago.com;security=on"),
                Arguments.of("sip:carol@chicago.com;newparam=5", "sip:carol@chicago.com;security=on"),
                Arguments.of("sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com",
                        "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com"),
                Arguments.of("sip:alice@atlanta.com?subject=project%20x&priority=urgent",
                        "sip:alice@atlanta.com?priority=urgent&subject=project%20x"),
                Arguments.of("sip:[2001:db8::1]", "sip:[2001:DB8:0:0:0:0:0:1]"),
                Arguments.of("sip:[::ffff:192.0.2.1]", "sip:[::FFFF:c000:201]"),
                Arguments.of("sip:h;lr", "sip:h;LR"));
    }

    @ParameterizedTest
    @MethodSource("equivalentPairs")
    void equivalentUrisCompareEqualBothWays(String a, String b) {
        assertTrue(SipUri.parse(a).equivalent(SipUri.parse(b)));
        assertTrue(SipUri.parse(b).equivalent(SipUri.parse(a)));
    }

    static Stream<Arguments> differentPairs() {
        // RFC 3261 §19.1.4 examples of URIs that are not equivalent, plus the parameter rules
        return Stream.of(
                Arguments.of("SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP"),
                Arguments.of("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060"),
                Arguments.of("sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp"),
                Arguments.of("sip:bob@biloxi.com", "sip:bob@biloxi.com:6000;transport=tcp"),
                Arguments.of("sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting"),
                Arguments.of("sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4"),
                Arguments.of("sip:h", "sips:h"),
                Arguments.of("sip:a:pw@h", "sip:a@h"),
                Arguments.of("sip:a:pw@h", "sip:a:PW@h"),
                Arguments.of("sip:h;user=phone", "sip:h"),
                Arguments.of("sip:h;ttl=1", "sip:h"),
                Arguments.of("sip:h;method=INVITE", "sip:h"),
                Arguments.of("sip:h;maddr=239.1.1.1", "sip:h"),
                Arguments.of("sip:h;x=1", "sip:h;x=2"),
                Arguments.of("sip:h;lr", "sip:h;lr=on"),
                Arguments.of("sip:h?a=1", "sip:h?a=2"),
                Arguments.of("sip:[2001:db8::1]", "sip:[2001:db8::2]"));
    }

    @ParameterizedTest
    @MethodSource("differentPairs")
    void differentUrisAreNotEquivalentEitherWay(String a, String b) {
        assertFalse(SipUri.parse(a).equivalent(SipUri.parse(b)));
        assertFalse(SipUri.parse(b).equivalent(SipUri.parse(a)));
    }

    @Test
    void comparingUrisWithManyParametersStaysLinear() {
        String many = "sip:h" + ";p=1".repeat(10_000) + ";x=1";
        String others = "sip:h" + ";q=1".repeat(10_000) + ";X=1";
        assertTrue(SipUri.parse(many).equivalent(SipUri.parse(others)));
        assertFalse(SipUri.parse(many).equivalent(SipUri.parse(others + ";p=2")));
        assertFalse(SipUri.parse(many + ";maddr=h").equivalent(SipUri.parse(others)));
        assertTrue(SipUri.parse(many + "?a=1").equivalent(SipUri.parse(many + "?A=1")));
    }

    @Test
    void nothingIsEquivalentToNull() {
        assertFalse(SipUri.parse("sip:h").equivalent(null));
    }

    @Test
    void constructorRejectsInconsistentComponents() {
        assertThrows(IllegalArgumentException.class, () -> uri(false, null, "pw", "h", -1, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> uri(false, null, null, null, -1, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> uri(false, null, null, "h", -2, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> uri(false, null, null, "h", -1, List.of(), List.of(p("h", null))));
    }

    @Test
    void hostileUrisCompleteInOnePass() {
        assertThrows(SipParseException.class, () -> SipUri.parse("sip:" + "%".repeat(60_000) + "@h"));
        assertThrows(SipParseException.class, () -> SipUri.parse("sip:h" + ";".repeat(10_000)));
        assertEquals(10_000, SipUri.parse("sip:h" + ";a".repeat(10_000)).params().size());
        assertThrows(SipParseException.class, () -> SipUri.parse("sip:[" + ":".repeat(60_000) + "]"));
        assertThrows(SipParseException.class, () -> SipUri.parse("sip:h:" + "9".repeat(10_000)));
        assertThrows(SipParseException.class, () -> SipUri.parse("sip:" + "@".repeat(20_000)));
        assertThrows(SipParseException.class, () -> SipUri.parse("sip:" + "a.".repeat(30_000) + "1"));
    }
}
