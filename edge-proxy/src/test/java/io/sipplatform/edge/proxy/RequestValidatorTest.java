package io.sipplatform.edge.proxy;

import io.sipplatform.sip.message.DatagramFramer;
import io.sipplatform.sip.message.Framed;
import io.sipplatform.sip.message.SipRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 3261 §16.3 rules, one test each. */
class RequestValidatorTest {
    private final RequestValidator validator = new RequestValidator(Set.of(),
            via -> via.host().equals("edge.example.net"));

    private static SipRequest request(String requestUri, String... extra) {
        StringBuilder sb = new StringBuilder("INVITE " + requestUri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP pbx.example.com;branch=z9hG4bKabc\r\n"
                + "From: <sip:alice@example.com>;tag=1\r\nTo: <sip:bob@example.com>\r\n"
                + "Call-ID: c1\r\nCSeq: 1 INVITE\r\n");
        for (String h : extra) {
            sb.append(h).append("\r\n");
        }
        sb.append("Content-Length: 0\r\n\r\n");
        Framed f = new DatagramFramer().frame(sb.toString().getBytes(StandardCharsets.UTF_8));
        return (SipRequest) ((Framed.Message) f).message();
    }

    private Optional<Rejection> check(SipRequest r) {
        return validator.validate(r, "loopkey1");
    }

    @Test
    void aWellFormedRequestPasses() {
        assertTrue(check(request("sip:bob@example.com", "Max-Forwards: 70")).isEmpty());
    }

    @Test
    void aViaStackDeeperThanAnyRealPathIs483WhileTheLimitItselfPasses() {
        String atLimit = "Via: " + String.join(", ", java.util.Collections.nCopies(RequestValidator.MAX_VIAS - 1,
                "SIP/2.0/UDP hop.example.com;branch=z9hG4bKhop"));
        assertTrue(check(request("sip:bob@example.com", atLimit)).isEmpty(), "70 Vias: a long but real path");
        String over = atLimit + ", SIP/2.0/UDP one-more.example.com;branch=z9hG4bKmore";
        assertEquals(483, check(request("sip:bob@example.com", over)).orElseThrow().code());
    }

    @Test
    void telUriPasses() {
        assertTrue(check(request("tel:+4930123456")).isEmpty());
    }

    @Test
    void unsupportedUriSchemeIs416() {
        assertEquals(416, check(request("http://example.com/")).orElseThrow().code());
    }

    @Test
    void maxForwardsZeroIs483() {
        assertEquals(483, check(request("sip:bob@example.com", "Max-Forwards: 0")).orElseThrow().code());
    }

    @Test
    void ourOwnViaWithTheSameLoopKeyIs482() {
        SipRequest looped = request("sip:bob@example.com",
                "Via: SIP/2.0/UDP edge.example.net;branch=z9hG4bKe1-loopkey1-77");
        assertEquals(482, check(looped).orElseThrow().code());
    }

    @Test
    void ourOwnViaWithAnotherLoopKeyIsSpiralNotLoop() {
        SipRequest spiral = request("sip:bob@example.com",
                "Via: SIP/2.0/UDP edge.example.net;branch=z9hG4bKe1-otherkey-77");
        assertTrue(check(spiral).isEmpty());
    }

    @Test
    void unknownProxyRequireIs420WithUnsupported() {
        Rejection r = check(request("sip:bob@example.com", "Proxy-Require: foo, bar")).orElseThrow();
        assertEquals(420, r.code());
        assertEquals("foo, bar", r.headers().get("Unsupported"));
    }

    @Test
    void unparseableHeaderIs400() {
        assertEquals(400, check(request("sip:bob@example.com", "Max-Forwards: many")).orElseThrow().code());
    }
}
