package io.sipplatform.edge.transport;

import io.sipplatform.sip.message.Framed;
import io.sipplatform.sip.message.SipMessageBuilder;
import io.sipplatform.sip.message.SipStatus;

import java.util.concurrent.ThreadLocalRandom;

/** The response to a malformed request whose mandatory headers could be read (RFC 3261 §8.2.6, §21.5.14). */
final class MalformedAnswer {

    private MalformedAnswer() {
    }

    /** True for the size limits (513): answered on streams, a counted drop on UDP (no reflection of big junk). */
    static boolean sizeLimit(Framed.Malformed malformed) {
        return malformed.reason().statusCode() == 513;
    }

    /**
     * The response bytes (the reason's status and phrase, a To tag added), or null when the frame is not an
     * answerable request (a response, an ACK, or mandatory headers missing) or its headers cannot be written back.
     */
    static byte[] bytes(Framed.Malformed malformed) {
        if (!malformed.readable().answerable()) {
            return null;
        }
        try {
            SipStatus status = new SipStatus(malformed.reason().statusCode(), malformed.reason().reasonPhrase());
            return SipMessageBuilder.responseTo(malformed.readable(), status)
                    .toTagIfAbsent(Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36))
                    .toBytes();
        } catch (IllegalArgumentException | IllegalStateException e) {
            // a readable value the builder refuses (e.g. a control character): nothing safe to answer with
            return null;
        }
    }
}
