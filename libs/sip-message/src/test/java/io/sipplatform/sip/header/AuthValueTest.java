package io.sipplatform.sip.header;

import io.sipplatform.sip.SipParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthValueTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Digest realm=\"atlanta.com\", domain=\"sip:boxesbybob.com\", qop=\"auth\", "
                    + "nonce=\"f84f1cec41e6cbe5aea9c8e88d359\", opaque=\"\", stale=FALSE, algorithm=MD5",
            "Digest username=\"Alice\", realm=\"atlanta.com\", nonce=\"84a4cc6f3082121f32b42a2187831a9e\", "
                    + "response=\"7587245234b3434cc3412213e5f113a5432\"",
            "Digest username=\"bob\",realm=\"biloxi.com\",nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\","
                    + "uri=\"sip:bob@biloxi.com\",qop=auth,nc=00000001,cnonce=\"0a4f113b\","
                    + "response=\"6629fae49393a05397450978507c4ef1\",opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"",
            "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, "
                    + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", "
                    + "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"", // RFC 7616 §3.9.1
            "NoOneKnowsThisScheme opaque-data=here",                          // RFC 4475 §3.3.13 (unkscm)
            "Digest   realm = \"a\\\"b\"  ,  nonce = \"c,d\"",
            "digest username=\"\u00e9l\u00e8ve\", realm=\"r\""})
    void validValuesParseAndRenderBack(String value) {
        AuthValue parsed = AuthValue.parse(value);
        assertEquals(parsed, AuthValue.parse(parsed.toString()), parsed.toString());
    }

    @Test
    void parametersAreReadUnquotedAndCaseInsensitively() {
        AuthValue v = AuthValue.parse("Digest Realm=\"atlanta.com\", qop=\"auth,auth-int\", nc=00000001, "
                + "nonce=\"a\\\"b\", stale=TRUE");
        assertEquals("Digest", v.scheme());
        assertTrue(v.isScheme("DIGEST"));
        assertEquals("atlanta.com", v.param("realm"));
        assertEquals("auth,auth-int", v.param("QOP"));
        assertEquals("00000001", v.param("nc"));
        assertEquals("a\"b", v.param("nonce"));
        assertNull(v.param("opaque"));
        assertNull(v.find(null));
        assertTrue(v.find("realm").quoted());
        assertFalse(v.find("nc").quoted());
        assertEquals(5, v.params().size());
    }

    @Test
    void renderingKeepsTheQuotingAsWritten() {
        AuthValue v = AuthValue.parse("Digest  username=\"bob\" ,qop=auth,nc=00000001,realm=\"a\\\\b\"");
        assertEquals("Digest username=\"bob\", qop=auth, nc=00000001, realm=\"a\\\\b\"", v.toString());
        assertEquals("Digest realm=\"x\"", new AuthValue("Digest", List.of(new AuthParam("realm", "x", true))).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Digest", "Digest ", "Digest realm", "Digest realm=", "Digest realm=\"x\",",
            "Digest ,realm=\"x\"", "Digest realm=\"x\",,nonce=\"y\"", "Digest realm=\"x\" nonce=\"y\"",
            "Digest realm=\"x\", Realm=\"y\"", "Digest realm=\"unterminated", "Digest realm=a b",
            "Digest uri=sip:x@y", "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", "Bearer abc.def", "Digest=x realm=y",
            "\"Digest\" realm=x", "Digest realm=\"x\";nonce=y", "Digest realm=\u00e9"})
    void malformedValuesThrow(String value) {
        assertThrows(SipParseException.class, () -> AuthValue.parse(value));
    }

    @Test
    void duplicatesAreFoundAmongManyParameters() {
        StringBuilder many = new StringBuilder("Digest p0=x");
        for (int i = 1; i < 5_000; i++) {
            many.append(", p").append(i).append("=x");
        }
        assertEquals(5_000, AuthValue.parse(many.toString()).params().size());
        assertThrows(SipParseException.class, () -> AuthValue.parse(many + ", P4999=y"));
        assertThrows(SipParseException.class, () -> AuthValue.parse(many + ", p3=y"));
    }

    @Test
    void constructorChecksParameters() {
        List<AuthParam> twice = new ArrayList<>();
        twice.add(new AuthParam("realm", "a", true));
        twice.add(new AuthParam("REALM", "b", true));
        assertThrows(IllegalArgumentException.class, () -> new AuthValue("Digest", twice));
        assertThrows(IllegalArgumentException.class, () -> new AuthValue("Digest", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new AuthValue("Dig est", List.of(twice.get(0))));
        assertThrows(IllegalArgumentException.class, () -> new AuthParam("qop", "auth int", false));
        assertThrows(IllegalArgumentException.class, () -> new AuthParam("realm", "a\r\nb", true));
        assertThrows(IllegalArgumentException.class, () -> new AuthParam("re alm", "a", true));
        assertEquals("qop=auth", new AuthParam("qop", "auth", false).toString());
    }
}
