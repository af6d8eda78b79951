package io.sipplatform.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sipplatform.sip.sdp.SessionDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

/** Which m= lines want media both ways: a session with none on both sides is on hold and gets the hold timeout. */
class HoldDetectionTest {

    // The audio offer fixture (sendrecv, c=192.0.2.10, port 49170) with one line replaced.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sendrecv carries media both ways                      | a=sendrecv          | a=sendrecv            | true
            a=sendonly holds (RFC 3264 §8.4)                      | a=sendrecv          | a=sendonly            | false
            a=recvonly answers a hold                             | a=sendrecv          | a=recvonly            | false
            a=inactive holds both ways                            | a=sendrecv          | a=inactive            | false
            c=0.0.0.0 is the RFC 2543 hold still seen on trunks   | c=IN IP4 192.0.2.10 | c=IN IP4 0.0.0.0      | false
            port 0 disables the stream (RFC 3264 §8.2)            | m=audio 49170       | m=audio 0             | false
            no direction attribute means sendrecv (RFC 8866 §6.7) | a=sendrecv          | a=ptime:20            | true
            media-level sendrecv wins over session-level inactive | t=0 0               | t=0 0\\r\\na=inactive | true
            """)
    void aStreamCarriesMediaBothWaysOnlyWhenSendrecvWithAnAddressAndAPort(String behaviour, String line,
                                                                          String replacement, boolean twoWay) {
        assertEquals(twoWay ? Set.of(0) : Set.of(), SdpRewrite.twoWayStreams(offer(line, replacement)), behaviour);
    }

    @Test
    void sessionLevelInactiveAppliesToAStreamWithoutItsOwnDirection() {
        SessionDescription sdp = offer("a=sendrecv\r\n", "");
        assertEquals(Set.of(), SdpRewrite.twoWayStreams(SessionDescription.parse(
                sdp.toString().replace("t=0 0", "t=0 0\r\na=inactive"))));
    }

    @Test
    void aRefusedVideoLineDoesNotHoldTheAudioLine() {
        assertEquals(Set.of(0), SdpRewrite.twoWayStreams(SdpRewriteTest.fixture("answer-mux-video-refused.sdp")));
    }

    private static SessionDescription offer(String line, String replacement) {
        return SessionDescription.parse(SdpRewriteTest.fixture("offer-audio-srtp-ice.sdp").toString()
                .replace(line, replacement.replace("\\r\\n", "\r\n")));
    }
}
