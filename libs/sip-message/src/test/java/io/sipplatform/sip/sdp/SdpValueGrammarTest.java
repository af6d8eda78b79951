package io.sipplatform.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The records validate like the parser, so a rewrite can never write a line the parser would refuse. */
class SdpValueGrammarTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "192.0.2.1, IP4", "0.0.0.0, IP4", "255.255.255.255, IP4", "media.example.com, IP4",
            "::, IP6", "::1, IP6", "2001:db8::1, IP6", "2001:db8:0:0:0:0:0:1, IP6", "fe80::, IP6",
            "::ffff:192.0.2.1, IP6", "1:2:3:4:5:6:192.0.2.1, IP6"})
    void unicastAddressGetsTheAddressTypeOfItsLiteral(String address, String addrType) {
        Connection connection = Connection.of(address);
        assertEquals(addrType, connection.addrType());
        assertEquals("IN " + addrType + " " + address, connection.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.0.0.1", "1.2.3.4.5", "1..2.3", "01234.1.1.1", ":::", "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:7", "12345::1", "2001:db8::g", "1::2::3", ":1::", "1:", "-", "a b", "192.0.2.1/",
            "2001:db8::1/0"})
    void malformedAddressesAreRefused(String address) {
        assertThrows(IllegalArgumentException.class, () -> Connection.of(address));
    }

    @Test
    void multicastSuffixesFollowTheAddressType() {
        assertEquals("233.252.0.1", new Connection("IN", "IP4", "233.252.0.1/127/3").host());
        assertEquals("ff15::101", new Connection("IN", "IP6", "ff15::101/3").host());
        assertThrows(IllegalArgumentException.class, () -> new Connection("IN", "IP6", "ff15::101/127/3"));
    }

    @Test
    void linesAndValuesCannotSmuggleANewLine() {
        assertThrows(IllegalArgumentException.class, () -> new SdpLine('a', "x\r\nm=audio 1 RTP/AVP 0"));
        assertThrows(IllegalArgumentException.class, () -> new Attribute("x", "y\nz"));
        assertThrows(IllegalArgumentException.class, () -> new Attribute("bad name", null));
        assertThrows(IllegalArgumentException.class, () -> new SdpLine('1', "x"));
    }

    @Test
    void mediaLineNeedsAFormatAndPayloadTypesForRtp() {
        assertThrows(IllegalArgumentException.class, () -> new MediaLine("audio", 1, 1, "RTP/AVP", List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new MediaLine("audio", 1, 1, "RTP/AVP", List.of("PCMU")));
        assertEquals("image 4000 udptl t38", new MediaLine("image", 4000, 1, "udptl", List.of("t38")).toString());
        assertEquals("audio 49170/2 RTP/AVP 0", new MediaLine("audio", 49170, 2, "RTP/AVP", List.of("0")).toString());
    }

    @Test
    void staticPayloadTypesFollowRfc3551() {
        assertEquals(new RtpMap(9, "G722", 8000, 1), RtpMap.ofStaticPayloadType(9));
        assertEquals(new RtpMap(10, "L16", 44100, 2), RtpMap.ofStaticPayloadType(10));
        assertEquals("10 L16/44100/2", RtpMap.ofStaticPayloadType(10).toString());
        assertEquals(null, RtpMap.ofStaticPayloadType(96));
        assertEquals(null, RtpMap.ofStaticPayloadType(2));
    }

    @Test
    void valuesPrintAsTheirLineValue() {
        assertEquals("5000 IN IP6 ::1", new Rtcp(5000, Connection.of("::1")).toString());
        assertEquals("5000", new Rtcp(5000, null).toString());
        assertEquals("rtcp-mux", Attribute.property("rtcp-mux").toString());
        assertEquals("- 1 2 IN IP4 h.example", new Origin("-", "1", "2", "IN", "IP4", "h.example").toString());
        assertEquals("a=sendonly", new SdpLine('a', Direction.SENDONLY.attributeName()).toString());
    }
}
