package io.sipplatform.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SessionDescriptionParseTest {

    static List<String> fixtures() {
        return SdpFixtures.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void unmodifiedDescriptionSerialisesBackByteForByte(String fixture) {
        byte[] body = SdpFixtures.bytes(fixture);
        assertArrayEquals(body, SessionDescription.parse(body).toBytes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void bareLfLinesAreAcceptedAndWrittenWithCrlf(String fixture) {
        String crlf = SdpFixtures.text(fixture);
        assertEquals(crlf, SessionDescription.parse(crlf.replace("\r\n", "\n")).toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void parsingTheOutputGivesAnEqualDescription(String fixture) {
        SessionDescription sd = SdpFixtures.parse(fixture);
        SessionDescription again = SessionDescription.parse(sd.toString());
        assertEquals(sd, again);
        assertEquals(sd.hashCode(), again.hashCode());
    }

    @Test
    void lastLineWithoutTerminatorAndTrailingEmptyLinesAreAccepted() {
        String crlf = SdpFixtures.text("asterisk-offer");
        String unterminated = crlf.substring(0, crlf.length() - 2);
        assertEquals(crlf, SessionDescription.parse(unterminated).toString());
        assertEquals(crlf, SessionDescription.parse(crlf + "\r\n\r\n").toString());
    }

    @Test
    void asteriskOfferExposesOriginConnectionAndCodecs() {
        SessionDescription sd = SdpFixtures.parse("asterisk-offer");
        assertEquals(new Origin("-", "1754398402", "1754398402", "IN", "IP4", "203.0.113.10"), sd.origin());
        assertEquals("Asterisk", sd.sessionName());
        assertEquals(new Connection("IN", "IP4", "203.0.113.10"), sd.connection());
        MediaDescription audio = sd.media().get(0);
        assertEquals("audio", audio.type());
        assertEquals(17846, audio.port());
        assertEquals(1, audio.portCount());
        assertEquals("RTP/AVP", audio.proto());
        assertEquals(List.of("0", "8", "9", "3", "101"), audio.formats());
        assertNull(audio.connection());
        assertEquals(Direction.SENDRECV, audio.direction());
        assertEquals(new RtpMap(101, "telephone-event", 8000, 1), audio.rtpMap(101));
        assertEquals(List.of(new Attribute("ptime", "20")), audio.attributes("ptime"));
        assertNull(audio.rtcp());
        assertFalse(audio.rtcpMux());
        assertTrue(audio.cryptos().isEmpty());
    }

    @Test
    void rtcpAttributeWithAddressIsParsed() {
        MediaDescription audio = SdpFixtures.parse("freeswitch-answer").media().get(0);
        assertEquals(new Rtcp(24581, new Connection("IN", "IP4", "198.51.100.20")), audio.rtcp());
    }

    @Test
    void rtcpAttributeWithPortOnlyIsParsed() {
        assertEquals(new Rtcp(7079, null), SdpFixtures.parse("linphone-ice-offer").media().get(0).rtcp());
    }

    @Test
    void linphoneOfferHasIceAtBothLevelsAndStaticG729WithoutRtpmap() {
        SessionDescription sd = SdpFixtures.parse("linphone-ice-offer");
        assertEquals(List.of(new Attribute("ice-ufrag", "e8c7fb34")), sd.attributes("ice-ufrag"));
        MediaDescription audio = sd.media().get(0);
        assertEquals(4, audio.attributes("candidate").size());
        assertTrue(audio.hasAttribute("end-of-candidates"));
        assertEquals(new RtpMap(18, "G729", 8000, 1), audio.rtpMap(18));
        assertEquals(new Connection("IN", "IP4", "192.168.0.105"), audio.connection());
    }

    @Test
    void chromeOfferHasBundleRtcpMuxSavpfAndADataChannel() {
        SessionDescription sd = SdpFixtures.parse("chrome-webrtc-offer");
        assertNull(sd.connection());
        assertEquals("BUNDLE 0 1 2", sd.attributes("group").get(0).value());
        assertEquals(3, sd.media().size());
        MediaDescription audio = sd.media().get(0);
        assertEquals("UDP/TLS/RTP/SAVPF", audio.proto());
        assertTrue(audio.isRtp());
        assertTrue(audio.rtcpMux());
        assertEquals(new Rtcp(9, new Connection("IN", "IP4", "0.0.0.0")), audio.rtcp());
        assertEquals(new RtpMap(111, "opus", 48000, 2), audio.rtpMap(111));
        assertTrue(audio.attributes("fingerprint").get(0).value().startsWith("sha-256 7B:8B"));
        MediaDescription video = sd.media().get(1);
        assertEquals(new RtpMap(97, "rtx", 90000, 1), video.rtpMap(97));
        MediaDescription data = sd.media().get(2);
        assertEquals("UDP/DTLS/SCTP", data.proto());
        assertFalse(data.isRtp());
        assertEquals(List.of("webrtc-datachannel"), data.formats());
        assertNull(data.rtpMap(0));
    }

    @Test
    void sessionLevelDirectionIsInheritedByStreamsWithoutTheirOwn() {
        SessionDescription sd = SdpFixtures.parse("polycom-offer");
        assertEquals(Direction.SENDRECV, sd.direction());
        SessionDescription held = SessionDescription.parse(
                SdpFixtures.withLine("polycom-offer", "a=sendrecv", "a=recvonly"));
        assertEquals(Direction.RECVONLY, held.direction());
        assertEquals(Direction.RECVONLY, held.media().get(0).direction());
    }

    @Test
    void holdOfferHasSendonlyAndZeroAddressAndStaticPayloadNames() {
        SessionDescription sd = SdpFixtures.parse("hold-sendonly-offer");
        assertEquals("0.0.0.0", sd.connection().address());
        MediaDescription audio = sd.media().get(0);
        assertEquals(Direction.SENDONLY, audio.direction());
        assertEquals(new RtpMap(0, "PCMU", 8000, 1), audio.rtpMap(0));
        assertEquals(new RtpMap(8, "PCMA", 8000, 1), audio.rtpMap(8));
        assertEquals(List.of(audio.rtpMap(0), audio.rtpMap(8), audio.rtpMap(101)), audio.rtpMaps());
    }

    @Test
    void sdesCryptoLinesAreParsed() {
        MediaDescription audio = SdpFixtures.parse("srtp-sdes-offer").media().get(0);
        assertEquals(List.of(
                new Crypto(1, "AES_CM_128_HMAC_SHA1_80",
                        "inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:4", ""),
                new Crypto(2, "AES_CM_128_HMAC_SHA1_32",
                        "inline:NzB4d1BINUAvLEw6UzF3WSJ+PSdFcGdUJShpX1Zj|2^20|1:4", "UNENCRYPTED_SRTCP")),
                audio.cryptos());
        assertEquals("RTP/SAVP", audio.proto());
    }

    @Test
    void ipv6AddressesAreParsedAtEveryPlace() {
        SessionDescription sd = SdpFixtures.parse("ipv6-offer");
        assertEquals("IP6", sd.origin().addrType());
        assertEquals(new Connection("IN", "IP6", "2001:db8::10"), sd.connection());
        assertEquals(new Rtcp(40001, new Connection("IN", "IP6", "2001:db8::10")), sd.media().get(0).rtcp());
    }

    @Test
    void audioAndVideoStreamsAreSeparateMediaDescriptions() {
        SessionDescription sd = SdpFixtures.parse("audio-video-offer");
        assertEquals(List.of("audio", "video"), sd.media().stream().map(MediaDescription::type).toList());
        MediaDescription video = sd.media().get(1);
        assertEquals(List.of("99", "34"), video.formats());
        assertEquals(new RtpMap(99, "H264", 90000, 1), video.rtpMap(99));
        assertEquals(3, video.attributes("rtcp-fb").size());
        assertEquals(new SdpLine('b', "AS:2048"), video.lines().get(1));
    }

    @Test
    void rejectedStreamHasPortZero() {
        MediaDescription video = SdpFixtures.parse("rejected-video-answer").media().get(1);
        assertTrue(video.isDisabled());
        assertEquals(List.of("99"), video.formats());
        assertEquals(1, video.lines().size());
    }

    @Test
    void multicastSuffixPortCountAndRepeatLinesAreKept() {
        SessionDescription sd = SdpFixtures.parse("rfc8866-multicast-session");
        assertEquals("233.252.0.1/127/3", sd.connection().address());
        assertEquals("233.252.0.1", sd.connection().host());
        assertEquals("Call to John Smith", sd.sessionName());
        assertEquals(2, sd.media().get(0).portCount());
        assertEquals(49170, sd.media().get(0).port());
        assertEquals(new Connection("IN", "IP6", "2001:db8::2"), sd.media().get(2).connection());
        assertTrue(sd.sessionLines().contains(new SdpLine('r', "604800 3600 0 90000")));
    }

    @Test
    void t38StreamIsNotRtp() {
        MediaDescription image = SdpFixtures.parse("t38-reinvite-offer").media().get(0);
        assertEquals("image", image.type());
        assertEquals("udptl", image.proto());
        assertFalse(image.isRtp());
        assertEquals(List.of("t38"), image.formats());
        assertEquals("14400", image.attributes("T38MaxBitRate").get(0).value());
    }

    @Test
    void unknownLineTypesStayInTheirMediaDescriptionInOrder() {
        MediaDescription video = SdpFixtures.parse("gb28181-camera-answer").media().get(0);
        List<SdpLine> lines = video.lines();
        assertEquals(new SdpLine('y', "0100000001"), lines.get(lines.size() - 2));
        assertEquals(new SdpLine('f', "v/2/4///a///"), lines.get(lines.size() - 1));
        assertEquals(new RtpMap(96, "PS", 90000, 1), video.rtpMap(96));
    }

    @Test
    void rtpmapWithoutClockRateFromTheRfc4475TortureMessagesIsAccepted() {
        MediaDescription video = SdpFixtures.parse("rfc4475-torture-body").media().get(1);
        assertEquals(new RtpMap(31, "LPC", 0, 1), video.rtpMap(31));
        assertEquals("31 LPC", video.rtpMap(31).toString());
        assertEquals(List.of("31"), video.retainEncodings(java.util.Set.of("lpc")).formats());
    }

    @Test
    void propertyAttributeWithTrailingSpaceIsKeptVerbatim() {
        String text = SdpFixtures.withLine("asterisk-offer", "a=sendrecv", "a=sendrecv ");
        SessionDescription sd = SessionDescription.parse(text);
        assertEquals(Direction.SENDRECV, sd.media().get(0).direction());
        assertEquals(text, sd.toString());
    }

    @Test
    void emptySessionNameIsAccepted() {
        assertEquals("", SessionDescription.parse(SdpFixtures.withLine("asterisk-offer", "s=Asterisk", "s="))
                .sessionName());
    }

    @Test
    void nonUtf8BytesAreReplacedAndTheRestIsKept() {
        byte[] body = SdpFixtures.text("asterisk-offer").replace("s=Asterisk", "s=Sesi\u00f3n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals("Sesi\ufffdn", SessionDescription.parse(body).sessionName());
    }
}
