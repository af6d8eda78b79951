package io.sipplatform.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SdpRewriteTest {

    /** The fixture's lines with {@code expectedChanges} applied as (old line, new line or null) pairs. */
    private static List<String> linesWith(String fixture, String... expectedChanges) {
        List<String> lines = new ArrayList<>(SdpFixtures.lines(SdpFixtures.parse(fixture)));
        for (int i = 0; i < expectedChanges.length; i += 2) {
            int at = lines.indexOf(expectedChanges[i]);
            if (expectedChanges[i + 1] == null) {
                lines.remove(at);
            } else {
                lines.set(at, expectedChanges[i + 1]);
            }
        }
        return lines;
    }

    @Test
    void originIsReplacedInPlaceAndEverythingElseKept() {
        SessionDescription sd = SdpFixtures.parse("asterisk-offer")
                .withOrigin(Origin.parse("relay 7 3 IN IP4 192.0.2.1"));
        assertEquals(linesWith("asterisk-offer", "o=- 1754398402 1754398402 IN IP4 203.0.113.10",
                "o=relay 7 3 IN IP4 192.0.2.1"), SdpFixtures.lines(sd));
        assertEquals("192.0.2.1", sd.origin().unicastAddress());
        assertEquals(sd, SessionDescription.parse(sd.toString()), "what it writes parses back the same");
    }

    @Test
    void rtcpMuxIsAddedAtTheEndOrRemovedAndTheSameStreamIsKeptWhenNothingChanges() {
        MediaDescription audio = SdpFixtures.parse("asterisk-offer").media().get(0);
        assertFalse(audio.rtcpMux());
        MediaDescription muxed = audio.withRtcpMux(true);
        assertEquals(true, muxed.rtcpMux());
        assertEquals("a=rtcp-mux", muxed.lines().get(muxed.lines().size() - 1).toString());
        assertEquals(audio.lines(), muxed.withRtcpMux(false).lines());
        assertSame(audio, audio.withRtcpMux(false));
        MediaDescription webrtc = SdpFixtures.parse("chrome-webrtc-offer").media().get(0);
        assertFalse(webrtc.withRtcpMux(false).rtcpMux());
        assertFalse(webrtc.withRtcpMux(false).toString().contains("rtcp-mux"));
    }

    @Test
    void connectionAddressRewritesTheSessionLineOnly() {
        SessionDescription sd = SdpFixtures.parse("asterisk-offer").withConnectionAddress("192.0.2.1");
        assertEquals(linesWith("asterisk-offer", "c=IN IP4 203.0.113.10", "c=IN IP4 192.0.2.1"),
                SdpFixtures.lines(sd));
    }

    @Test
    void connectionAddressRewritesSessionAndMediaLines() {
        SessionDescription sd = SdpFixtures.parse("cisco-offer").withConnectionAddress("192.0.2.1");
        assertEquals(new Connection("IN", "IP4", "192.0.2.1"), sd.connection());
        assertEquals(new Connection("IN", "IP4", "192.0.2.1"), sd.media().get(0).connection());
        assertFalse(sd.toString().contains("c=IN IP4 192.0.2.30"));
        assertEquals("192.0.2.30", sd.origin().unicastAddress());
    }

    @Test
    void connectionAddressSwitchesAddressTypeBothWays() {
        SessionDescription toV6 = SdpFixtures.parse("asterisk-offer").withConnectionAddress("2001:db8::1");
        assertEquals(new Connection("IN", "IP6", "2001:db8::1"), toV6.connection());
        SessionDescription toV4 = SdpFixtures.parse("ipv6-offer").withConnectionAddress("198.51.100.9");
        assertEquals(linesWith("ipv6-offer", "c=IN IP6 2001:db8::10", "c=IN IP4 198.51.100.9"),
                SdpFixtures.lines(toV4));
    }

    @Test
    void connectionAddressRewritesEveryStreamWhenThereIsNoSessionLine() {
        SessionDescription sd = SdpFixtures.parse("chrome-webrtc-offer").withConnectionAddress("192.0.2.1");
        assertNull(sd.connection());
        for (MediaDescription m : sd.media()) {
            assertEquals(new Connection("IN", "IP4", "192.0.2.1"), m.connection());
        }
    }

    @Test
    void connectionAddressAddsASessionLineWhenAStreamWouldHaveNone() {
        String text = SdpFixtures.withLine("rfc8866-multicast-session", "c=IN IP4 233.252.0.1/127/3", null);
        SessionDescription sd = SessionDescription.parse(text).withConnectionAddress("192.0.2.1");
        // RFC 8866 §9 order: after p=, before t=
        assertEquals(new SdpLine('c', "IN IP4 192.0.2.1"), sd.sessionLines().get(7));
        assertEquals(new SdpLine('t', "3724394400 3724398000"), sd.sessionLines().get(8));
        assertEquals(new Connection("IN", "IP4", "192.0.2.1"), sd.media().get(2).connection());
    }

    @Test
    void connectionAddressDropsTheMulticastSuffix() {
        SessionDescription sd = SdpFixtures.parse("rfc8866-multicast-session").withConnectionAddress("192.0.2.1");
        assertEquals("192.0.2.1", sd.connection().address());
    }

    @Test
    void mediaConnectionAddressIsInsertedAfterTheMediaLineWhenAbsent() {
        MediaDescription audio = SdpFixtures.parse("asterisk-offer").media().get(0)
                .withConnectionAddress("192.0.2.7");
        assertEquals(new SdpLine('c', "IN IP4 192.0.2.7"), audio.lines().get(1));
        assertEquals(new Connection("IN", "IP4", "192.0.2.7"), audio.connection());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "999.1.1.1", "1.2.3", "2001:db8:::1", "192.0.2.1\r\na=x", "192.0.2.1 extra",
            "host_name"})
    void connectionAddressRejectsNonAddresses(String address) {
        SessionDescription sd = SdpFixtures.parse("asterisk-offer");
        assertThrows(IllegalArgumentException.class, () -> sd.withConnectionAddress(address));
    }

    @Test
    void mediaPortChangesOnlyTheMediaLine() {
        SessionDescription sd = SdpFixtures.parse("asterisk-offer").mapMedia(m -> m.withPort(40000));
        assertEquals(linesWith("asterisk-offer", "m=audio 17846 RTP/AVP 0 8 9 3 101",
                "m=audio 40000 RTP/AVP 0 8 9 3 101"), SdpFixtures.lines(sd));
    }

    @Test
    void mediaPortKeepsTheNumberOfPorts() {
        SessionDescription sd = SdpFixtures.parse("rfc8866-multicast-session");
        SessionDescription changed = sd.withMedia(0, sd.media().get(0).withPort(40000));
        assertEquals(new SdpLine('m', "audio 40000/2 RTP/AVP 0"), changed.media().get(0).lines().get(0));
        assertEquals(sd.media().get(1), changed.media().get(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65536, Integer.MAX_VALUE})
    void mediaPortRejectsOutOfRangePorts(int port) {
        MediaDescription audio = SdpFixtures.parse("asterisk-offer").media().get(0);
        assertThrows(IllegalArgumentException.class, () -> audio.withPort(port));
    }

    @Test
    void rtcpAttributeIsAppendedWhenAbsent() {
        MediaDescription audio = SdpFixtures.parse("asterisk-offer").media().get(0)
                .withRtcp(new Rtcp(40001, Connection.of("192.0.2.1")));
        assertEquals(new SdpLine('a', "rtcp:40001 IN IP4 192.0.2.1"), audio.lines().get(audio.lines().size() - 1));
        assertEquals(new Rtcp(40001, new Connection("IN", "IP4", "192.0.2.1")), audio.rtcp());
    }

    @Test
    void rtcpAttributeIsReplacedInPlace() {
        SessionDescription sd = SdpFixtures.parse("freeswitch-answer")
                .mapMedia(m -> m.withRtcp(new Rtcp(30001, Connection.of("2001:db8::5"))));
        assertEquals(linesWith("freeswitch-answer", "a=rtcp:24581 IN IP4 198.51.100.20",
                "a=rtcp:30001 IN IP6 2001:db8::5"), SdpFixtures.lines(sd));
    }

    @Test
    void rtcpAttributeIsRemoved() {
        SessionDescription sd = SdpFixtures.parse("freeswitch-answer").mapMedia(MediaDescription::withoutRtcp);
        assertEquals(linesWith("freeswitch-answer", "a=rtcp:24581 IN IP4 198.51.100.20", null),
                SdpFixtures.lines(sd));
        assertNull(sd.media().get(0).rtcp());
    }

    @Test
    void iceIsRemovedAtSessionAndMediaLevelAndNothingElse() {
        SessionDescription sd = SdpFixtures.parse("linphone-ice-offer").withoutIce();
        List<String> expected = new ArrayList<>(SdpFixtures.lines(SdpFixtures.parse("linphone-ice-offer")));
        expected.removeIf(l -> l.startsWith("a=ice-") || l.startsWith("a=candidate:")
                || l.equals("a=end-of-candidates"));
        assertEquals(expected, SdpFixtures.lines(sd));
        assertEquals(expected.size() + 8, SdpFixtures.lines(SdpFixtures.parse("linphone-ice-offer")).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"candidate:1 1 UDP 2130706303 192.168.0.105 7078 typ host",
            "remote-candidates:1 192.0.2.3 45664", "end-of-candidates", "ice-ufrag:8hhY", "ice-pwd:asd88fgpdd777uzjYhagZg",
            "ice-options:ice2", "ice-lite", "ice-mismatch", "ice-pacing:50"})
    void everyIceAttributeIsRemovedAtBothLevels(String attribute) {
        String text = SdpFixtures.withLinesAfter("asterisk-offer", "t=0 0", "a=" + attribute);
        text = text.replace("a=sendrecv", "a=sendrecv\r\na=" + attribute);
        SessionDescription sd = SessionDescription.parse(text);
        assertEquals(SdpFixtures.parse("asterisk-offer"), sd.withoutIce());
    }

    @Test
    void iceRemovalKeepsDtlsAndBundleLines() {
        SessionDescription sd = SdpFixtures.parse("chrome-webrtc-offer").withoutIce();
        for (MediaDescription m : sd.media()) {
            assertFalse(m.hasAttribute("candidate"));
            assertFalse(m.hasAttribute("ice-ufrag"));
            assertEquals(1, m.attributes("fingerprint").size());
            assertEquals(1, m.attributes("setup").size());
        }
        assertEquals(1, sd.attributes("group").size());
    }

    @Test
    void sessionVersionBumpChangesOnlyTheOriginLine() {
        SessionDescription sd = SdpFixtures.parse("asterisk-offer").withSessionVersionIncremented();
        assertEquals(linesWith("asterisk-offer", "o=- 1754398402 1754398402 IN IP4 203.0.113.10",
                "o=- 1754398402 1754398403 IN IP4 203.0.113.10"), SdpFixtures.lines(sd));
    }

    @Test
    void sessionVersionBumpCarriesPastLongRange() {
        Origin origin = new Origin("-", "1", "99999999999999999999", "IN", "IP4", "192.0.2.1");
        assertEquals("100000000000000000000", origin.withSessionVersionIncremented().sessionVersion());
        assertEquals("1", new Origin("-", "1", "0", "IN", "IP4", "h.example").withSessionVersionIncremented()
                .sessionVersion());
        assertEquals("10", new Origin("-", "1", "9", "IN", "IP4", "h.example").withSessionVersionIncremented()
                .sessionVersion());
    }

    @Test
    void mediaDirectionReplacesTheExistingAttributeInPlace() {
        SessionDescription sd = SdpFixtures.parse("asterisk-offer")
                .mapMedia(m -> m.withDirection(Direction.SENDONLY));
        assertEquals(linesWith("asterisk-offer", "a=sendrecv", "a=sendonly"), SdpFixtures.lines(sd));
        assertEquals(Direction.SENDONLY, sd.media().get(0).direction());
    }

    @Test
    void mediaDirectionIsAppendedWhenAbsent() {
        MediaDescription audio = SdpFixtures.parse("cisco-offer").media().get(0).withDirection(Direction.INACTIVE);
        assertEquals(new SdpLine('a', "inactive"), audio.lines().get(audio.lines().size() - 1));
        assertEquals(Direction.INACTIVE, audio.direction());
    }

    @Test
    void sessionDirectionIsInheritedByStreamsAfterTheChange() {
        SessionDescription sd = SdpFixtures.parse("polycom-offer").withDirection(Direction.INACTIVE);
        assertEquals(linesWith("polycom-offer", "a=sendrecv", "a=inactive"), SdpFixtures.lines(sd));
        assertEquals(Direction.INACTIVE, sd.direction());
        assertEquals(Direction.INACTIVE, sd.media().get(0).direction());
    }

    @Test
    void mediaLevelDirectionStillOverridesTheSessionLevel() {
        SessionDescription sd = SdpFixtures.parse("hold-sendonly-offer").withDirection(Direction.INACTIVE);
        assertEquals(Direction.SENDONLY, sd.media().get(0).direction());
    }

    @Test
    void sdesCryptoLinesPassThroughEveryRewrite() {
        SessionDescription original = SdpFixtures.parse("srtp-sdes-offer");
        SessionDescription sd = original.withoutIce()
                .withConnectionAddress("192.0.2.1")
                .withSessionVersionIncremented()
                .withDirection(Direction.SENDRECV)
                .mapMedia(m -> m.retainEncodings(Set.of("PCMA"))
                        .withPort(30000)
                        .withRtcp(new Rtcp(30001, null))
                        .withDirection(Direction.SENDONLY));
        List<String> originalCrypto = SdpFixtures.lines(original).stream().filter(l -> l.startsWith("a=crypto:"))
                .toList();
        assertEquals(2, originalCrypto.size());
        assertEquals(originalCrypto, SdpFixtures.lines(sd).stream().filter(l -> l.startsWith("a=crypto:"))
                .toList());
        assertEquals(original.media().get(0).cryptos(), sd.media().get(0).cryptos());
    }

    @Test
    void rewritesThatChangeNothingReturnTheSameDescription() {
        MediaDescription audio = SdpFixtures.parse("asterisk-offer").media().get(0);
        assertSame(audio, audio.withoutIce());
        assertSame(audio, audio.withoutRtcp());
        assertSame(audio, audio.withPort(audio.port()));
        assertSame(audio, audio.retainFormats(f -> true));
    }

    @Test
    void withMediaReplacesOneStreamAndRejectsABadIndex() {
        SessionDescription sd = SdpFixtures.parse("audio-video-offer");
        SessionDescription changed = sd.withMedia(1, sd.media().get(1).withPort(0));
        assertEquals(sd.media().get(0), changed.media().get(0));
        assertEquals(0, changed.media().get(1).port());
        assertThrows(IndexOutOfBoundsException.class, () -> sd.withMedia(2, sd.media().get(0)));
    }

    @Test
    void relayAnchoringRewriteOfAWebRtcOfferParsesBack() {
        SessionDescription sd = SdpFixtures.parse("chrome-webrtc-offer").withoutIce()
                .withConnectionAddress("203.0.113.200")
                .mapMedia(m -> m.withPort(30000).withRtcp(new Rtcp(30000, null)))
                .withSessionVersionIncremented();
        assertEquals(sd, SessionDescription.parse(sd.toBytes()));
        assertEquals("3", sd.origin().sessionVersion());
        assertEquals(List.of(true, true, false), sd.media().stream().map(MediaDescription::rtcpMux).toList());
        assertEquals(List.of(30000, 30000, 30000), sd.media().stream().map(MediaDescription::port).toList());
    }
}
