package io.sipplatform.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipplatform.media.relay.Endpoint;
import io.sipplatform.media.relay.PayloadFormat;
import io.sipplatform.sip.sdp.MediaDescription;
import io.sipplatform.sip.sdp.Origin;
import io.sipplatform.sip.sdp.SessionDescription;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

class SdpRewriteTest {

    static SessionDescription fixture(String name) {
        try (InputStream in = SdpRewriteTest.class.getResourceAsStream("/sdp/" + name)) {
            return SessionDescription.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void offerPointsAtTheRelayWithCryptoKeptAndIceGone() {
        SessionDescription offer = fixture("offer-audio-srtp-ice.sdp");
        SessionDescription out = SdpRewrite.rewrite(offer, "203.0.113.5", Map.of(0, new SdpRewrite.Anchor(30000, 30001, false)), true);
        MediaDescription audio = out.media().get(0);
        assertEquals("203.0.113.5", out.connection().host());
        assertEquals(30000, audio.port());
        assertEquals(30001, audio.rtcp().port());
        assertEquals(offer.media().get(0).cryptos(), audio.cryptos());
        assertTrue(audio.attributes("candidate").isEmpty());
        assertTrue(out.attributes("ice-ufrag").isEmpty());
        assertFalse(out.toString().contains("192.0.2.10 49170"));
        assertFalse(out.toString().contains("10.0.0.5"));
    }

    @Test
    void iceStaysWhenNotAskedToStrip() {
        SessionDescription out = SdpRewrite.rewrite(fixture("offer-audio-srtp-ice.sdp"), "203.0.113.5",
                Map.of(0, new SdpRewrite.Anchor(30000, 30001, false)), false);
        assertEquals(1, out.media().get(0).attributes("candidate").size());
    }

    @Test
    void rtcpMuxAdvertisesRtcpOnTheRtpPortAndRefusedStreamsStayRefused() {
        SessionDescription answer = fixture("answer-mux-video-refused.sdp");
        SessionDescription out = SdpRewrite.rewrite(answer, "203.0.113.5", Map.of(0, new SdpRewrite.Anchor(30010, 30010, true)), true);
        assertEquals(30010, out.media().get(0).port());
        assertEquals(30010, out.media().get(0).rtcp().port());
        assertTrue(out.media().get(0).rtcpMux());
        assertEquals(0, out.media().get(1).port());
        assertEquals("203.0.113.5", out.media().get(0).connection().host());
    }

    @Test
    void rtcpMuxIsAddedOrRemovedAsTheAnchorSays() {
        SessionDescription withMux = SdpRewrite.rewrite(fixture("answer-mux-video-refused.sdp"), "203.0.113.5",
                Map.of(0, new SdpRewrite.Anchor(30010, 30011, false)), true);
        assertFalse(withMux.media().get(0).rtcpMux());
        assertEquals(30011, withMux.media().get(0).rtcp().port());
        SessionDescription without = SdpRewrite.rewrite(fixture("offer-audio-srtp-ice.sdp"), "203.0.113.5",
                Map.of(0, new SdpRewrite.Anchor(30000, 30001, true)), true);
        assertTrue(without.media().get(0).rtcpMux());
        assertEquals(1, without.media().get(0).attributes("rtcp-mux").size());
        assertEquals(fixture("offer-audio-srtp-ice.sdp").media().get(0).cryptos(), without.media().get(0).cryptos());
    }

    @Test
    void originIsReplacedAndTheRestIsKept() {
        SessionDescription offer = fixture("offer-audio-srtp-ice.sdp");
        Origin relay = new Origin("alice", "2890844526", "2890844527", "IN", "IP4", "203.0.113.5");
        SessionDescription out = offer.withOrigin(relay);
        assertEquals(relay, out.origin());
        assertEquals(SdpRewrite.withoutOrigin(offer), SdpRewrite.withoutOrigin(out));
        assertFalse(SdpRewrite.withoutOrigin(offer).contains("o="));
    }

    @Test
    void streamWithoutRelayPortIsRefused() {
        SessionDescription out = SdpRewrite.rewrite(fixture("offer-audio-srtp-ice.sdp"), "203.0.113.5", Map.of(),
                true);
        assertTrue(out.media().get(0).isDisabled());
    }

    @Test
    void codecFilterKeepsOnlyAllowedEncodingsCaseInsensitive() {
        SessionDescription out = SdpRewrite.filterCodecs(fixture("offer-audio-srtp-ice.sdp"),
                List.of("pcmu", "TELEPHONE-EVENT"));
        assertEquals(List.of("0", "101"), out.media().get(0).formats());
        assertTrue(out.media().get(0).attributes("rtpmap").stream().noneMatch(a -> a.value().contains("PCMA")));
    }

    @Test
    void codecFilterWithNothingInCommonDisablesTheStream() {
        SessionDescription out = SdpRewrite.filterCodecs(fixture("offer-audio-srtp-ice.sdp"), List.of("opus"));
        assertFalse(SdpRewrite.hasEnabledStream(out));
    }

    @Test
    void signalledAddressesComeFromConnectionPortAndRtcpAttributes() {
        SdpRewrite.Signalled offer = SdpRewrite.signalled(fixture("offer-audio-srtp-ice.sdp"), 0);
        assertEquals(new Endpoint("192.0.2.10", 49170), offer.rtp());
        assertEquals(new Endpoint("192.0.2.10", 49171), offer.rtcp());
        assertFalse(offer.rtcpMux());
        assertEquals(new PayloadFormat("PCMA", 8000), offer.formats().get(8));

        SdpRewrite.Signalled answer = SdpRewrite.signalled(fixture("answer-mux-video-refused.sdp"), 0);
        assertEquals(new Endpoint("198.51.100.7", 5009), answer.rtcp());
        assertTrue(answer.rtcpMux());
    }
}
