package io.sipplatform.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CodecFilterTest {

    private static MediaDescription firstStream(String fixture) {
        return SdpFixtures.parse(fixture).media().get(0);
    }

    private static List<String> lineTexts(MediaDescription m) {
        return m.lines().stream().map(SdpLine::toString).toList();
    }

    static List<Arguments> byEncodingName() {
        return List.of(
                Arguments.of("asterisk-offer", Set.of("PCMA"), List.of("8")),
                Arguments.of("asterisk-offer", Set.of("pcma", "TELEPHONE-EVENT"), List.of("8", "101")),
                Arguments.of("asterisk-offer", Set.of("g722", "pcmu"), List.of("0", "9")),
                // no rtpmap for 0 and 8: RFC 3551 static names apply
                Arguments.of("hold-sendonly-offer", Set.of("PCMA", "telephone-event"), List.of("8", "101")),
                Arguments.of("linphone-ice-offer", Set.of("G729", "opus"), List.of("96", "18")),
                Arguments.of("linphone-ice-offer", Set.of("telephone-event"), List.of("101", "99", "100")),
                Arguments.of("chrome-webrtc-offer", Set.of("opus"), List.of("111")),
                Arguments.of("cisco-offer", Set.of("CN", "G729"), List.of("18", "19")));
    }

    @ParameterizedTest(name = "{0} keeps {1}")
    @MethodSource("byEncodingName")
    void encodingNameFilterKeepsMatchingFormatsInOfferOrder(String fixture, Set<String> names, List<String> kept) {
        MediaDescription filtered = firstStream(fixture).retainEncodings(names);
        assertEquals(kept, filtered.formats());
        assertFalse(filtered.isDisabled());
    }

    @Test
    void removedFormatsLoseTheirRtpmapAndFmtpLines() {
        MediaDescription filtered = firstStream("asterisk-offer").retainEncodings(Set.of("PCMA"));
        assertEquals(List.of("m=audio 17846 RTP/AVP 8", "a=rtpmap:8 PCMA/8000", "a=ptime:20", "a=maxptime:150",
                "a=sendrecv"), lineTexts(filtered));
    }

    @Test
    void removedFormatsLoseTheirRtcpFbLinesButWildcardFeedbackStays() {
        MediaDescription video = SdpFixtures.parse("audio-video-offer").media().get(1)
                .retainEncodings(Set.of("H264"));
        assertEquals(List.of("m=video 11782 RTP/AVP 99", "b=AS:2048", "b=TIAS:2048000", "a=rtpmap:99 H264/90000",
                "a=fmtp:99 profile-level-id=42801F; packetization-mode=1", "a=rtcp-fb:99 nack pli",
                "a=rtcp-fb:99 ccm fir", "a=rtcp-fb:* nack", "a=sendrecv", "a=content:main"), lineTexts(video));
    }

    @Test
    void chromeAudioFilterDropsRedAndItsFmtp() {
        MediaDescription audio = firstStream("chrome-webrtc-offer").retainEncodings(Set.of("opus"));
        assertFalse(lineTexts(audio).contains("a=fmtp:63 111/111"));
        assertTrue(lineTexts(audio).contains("a=rtcp-fb:111 transport-cc"));
        assertTrue(audio.rtcpMux());
    }

    @Test
    void payloadTypeFilterKeepsListedTypes() {
        MediaDescription filtered = firstStream("asterisk-offer").retainPayloadTypes(Set.of(0, 101, 96));
        assertEquals(List.of("0", "101"), filtered.formats());
        assertEquals(List.of("m=audio 17846 RTP/AVP 0 101", "a=rtpmap:0 PCMU/8000",
                "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-16", "a=ptime:20", "a=maxptime:150",
                "a=sendrecv"), lineTexts(filtered));
    }

    @Test
    void streamLeftWithoutCodecIsDisabledKeepingItsFirstFormat() {
        MediaDescription disabled = firstStream("asterisk-offer").retainEncodings(Set.of("AMR-WB"));
        assertEquals(List.of("m=audio 0 RTP/AVP 0", "a=rtpmap:0 PCMU/8000", "a=ptime:20", "a=maxptime:150",
                "a=sendrecv"), lineTexts(disabled));
        assertTrue(disabled.isDisabled());
    }

    @Test
    void disablingDropsTheNumberOfPorts() {
        SessionDescription sd = SdpFixtures.parse("rfc8866-multicast-session");
        MediaDescription disabled = sd.media().get(0).retainPayloadTypes(Set.of(8));
        assertEquals(new SdpLine('m', "audio 0 RTP/AVP 0"), disabled.lines().get(0));
    }

    @Test
    void filteringEveryStreamDisablesTheOnesWithNoAllowedCodec() {
        SessionDescription sd = SdpFixtures.parse("audio-video-offer")
                .mapMedia(m -> m.retainEncodings(Set.of("PCMU", "PCMA", "telephone-event")));
        assertEquals(List.of("0", "8", "101"), sd.media().get(0).formats());
        assertEquals(11780, sd.media().get(0).port());
        assertTrue(sd.media().get(1).isDisabled());
        assertEquals(List.of("99"), sd.media().get(1).formats());
    }

    @Test
    void dynamicPayloadTypeWithoutRtpmapHasNoNameAndIsRemoved() {
        String text = SdpFixtures.withLine("linphone-ice-offer", "a=rtpmap:97 speex/16000", null);
        MediaDescription audio = SessionDescription.parse(text).media().get(0).retainEncodings(Set.of("speex"));
        assertEquals(List.of("98"), audio.formats());
        assertFalse(lineTexts(audio).contains("a=fmtp:97 vbr=on"));
    }

    @Test
    void payloadTypesWithLeadingZerosMatchTheirAttributes() {
        String text = SdpFixtures.withLine("asterisk-offer", "m=audio 17846 RTP/AVP 0 8 9 3 101",
                "m=audio 17846 RTP/AVP 00 08 101");
        MediaDescription audio = SessionDescription.parse(text).media().get(0).retainPayloadTypes(Set.of(8));
        assertEquals(List.of("08"), audio.formats());
        assertEquals(List.of("m=audio 17846 RTP/AVP 08", "a=rtpmap:8 PCMA/8000", "a=rtpmap:9 G722/8000",
                "a=rtpmap:3 GSM/8000", "a=ptime:20", "a=maxptime:150", "a=sendrecv"), lineTexts(audio));
    }

    @Test
    void duplicateRtpmapLinesOfARemovedTypeAreAllRemoved() {
        String text = SdpFixtures.withLinesAfter("asterisk-offer", "a=rtpmap:0 PCMU/8000", "a=rtpmap:0 PCMU/8000");
        MediaDescription audio = SessionDescription.parse(text).media().get(0).retainEncodings(Set.of("PCMA"));
        assertFalse(lineTexts(audio).contains("a=rtpmap:0 PCMU/8000"));
    }

    @Test
    void nonRtpStreamMatchesItsFormatByName() {
        MediaDescription image = firstStream("t38-reinvite-offer");
        assertEquals(image, image.retainEncodings(Set.of("T38")));
        MediaDescription disabled = image.retainEncodings(Set.of("PCMU"));
        assertEquals(new SdpLine('m', "image 0 udptl t38"), disabled.lines().get(0));
        assertTrue(image.retainPayloadTypes(Set.of(0)).isDisabled());
    }

    @Test
    void rtpmapForATypeMissingFromTheMediaLineIsLeftAlone() {
        String text = SdpFixtures.withLinesAfter("asterisk-offer", "a=rtpmap:0 PCMU/8000", "a=rtpmap:97 iLBC/8000");
        MediaDescription audio = SessionDescription.parse(text).media().get(0).retainEncodings(Set.of("PCMU"));
        assertTrue(lineTexts(audio).contains("a=rtpmap:97 iLBC/8000"));
    }
}
