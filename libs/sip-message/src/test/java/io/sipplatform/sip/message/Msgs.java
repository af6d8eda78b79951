package io.sipplatform.sip.message;

import java.nio.charset.StandardCharsets;

/** Small message texts for unit tests: lines joined with CRLF (fixtures cover real traffic shapes). */
final class Msgs {
    private Msgs() {
    }

    /** Joins lines with CRLF and ends the head with an empty line. */
    static byte[] head(String... lines) {
        return (String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static final String[] INVITE = {
        "INVITE sip:bob@biloxi.example.com SIP/2.0",
        "Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds",
        "Max-Forwards: 70",
        "To: Bob <sip:bob@biloxi.example.com>",
        "From: Alice <sip:alice@atlanta.example.com>;tag=1928301774",
        "Call-ID: a84b4c76e66710@pc33.atlanta.example.com",
        "CSeq: 314159 INVITE",
        "Contact: <sip:alice@pc33.atlanta.example.com>",
        "Content-Length: 0",
    };

    static byte[] invite() {
        return head(INVITE);
    }

    static SipRequest request(byte[] bytes) {
        Framed f = new DatagramFramer().frame(bytes);
        if (f instanceof Framed.Message m && m.message() instanceof SipRequest r) {
            return r;
        }
        throw new AssertionError("not a request: " + f);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
