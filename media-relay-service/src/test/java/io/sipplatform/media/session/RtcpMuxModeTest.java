package io.sipplatform.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rtcp-mux decisions of each mode, one row per case (RFC 5761 §5.1.1, RFC 8035). */
class RtcpMuxModeTest {

    @ParameterizedTest(name = "{0}: sender offered {1} -> offer to receiver {2}")
    @CsvSource({
        "PRESERVE, true, true",
        "PRESERVE, false, false",
        "OFFER, false, true",
        "OFFER, true, true",
        "DEMUX, true, false",
        "DEMUX, false, false",
    })
    void offerToTheReceiver(RtcpMuxMode mode, boolean senderOffered, boolean expected) {
        assertEquals(expected, mode.offerToReceiver(senderOffered));
    }

    @ParameterizedTest(name = "{0}: offerer {1}, answerer {2} -> answer to offerer {3}")
    @CsvSource({
        "PRESERVE, true, true, true",
        "PRESERVE, true, false, false",
        "PRESERVE, false, true, false",
        "OFFER, false, true, false",
        "OFFER, true, false, true",
        "DEMUX, true, false, true",
        "DEMUX, false, false, false",
    })
    void answerToTheOfferer(RtcpMuxMode mode, boolean offerer, boolean answerer, boolean expected) {
        assertEquals(expected, mode.answerToOfferer(offerer, answerer));
    }
}
