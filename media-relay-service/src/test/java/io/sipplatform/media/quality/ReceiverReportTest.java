package io.sipplatform.media.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

class ReceiverReportTest {

    /** An RTCP RR (RFC 3550 §6.4.2) with one report block. */
    static byte[] receiverReport(int fraction, int cumulative, long jitter) {
        ByteBuffer b = ByteBuffer.allocate(32);
        b.put((byte) 0x81).put((byte) 201).putShort((short) 7).putInt(0x1111);
        b.putInt(0x2222).put((byte) fraction);
        b.put((byte) (cumulative >> 16)).put((byte) (cumulative >> 8)).put((byte) cumulative);
        b.putInt(70_000).putInt((int) jitter).putInt(0x12345678).putInt(0x00010000);
        return b.array();
    }

    /** An RTCP SR (RFC 3550 §6.4.1) with one report block, followed by an SDES chunk header. */
    static byte[] senderReportThenSdes(int fraction) {
        ByteBuffer b = ByteBuffer.allocate(52 + 8);
        b.put((byte) 0x81).put((byte) 200).putShort((short) 12).putInt(0x3333);
        b.putLong(0xABCDEF0012345678L).putInt(12345).putInt(10).putInt(1600);
        b.putInt(0x4444).put((byte) fraction).put((byte) 0).put((byte) 0).put((byte) 3);
        b.putInt(1).putInt(80).putInt(0).putInt(0);
        b.put((byte) 0x81).put((byte) 202).putShort((short) 1).putInt(0x3333);
        return b.array();
    }

    @Test
    void receiverReportBlockIsRead() {
        ReceiverReport r = ReceiverReport.firstBlock(receiverReport(64, 12, 40), 32);
        assertEquals(new ReceiverReport(0x2222, 64, 12, 70_000, 40, 0x12345678, 0x10000), r);
    }

    @Test
    void senderReportBlockIsReadInACompoundPacket() {
        byte[] packet = senderReportThenSdes(25);
        ReceiverReport r = ReceiverReport.firstBlock(packet, packet.length);
        assertEquals(25, r.fractionLost());
        assertEquals(3, r.cumulativeLost());
        assertEquals(80, r.jitterUnits());
    }

    @Test
    void negativeCumulativeLossFromDuplicatesIsSignExtended() {
        assertEquals(-2, ReceiverReport.firstBlock(receiverReport(0, 0xFFFFFE, 0), 32).cumulativeLost());
    }

    @Test
    void truncatedOrForeignPacketsHaveNoReport() {
        byte[] rr = receiverReport(1, 1, 1);
        for (int length = 0; length < rr.length; length++) {
            assertNull(ReceiverReport.firstBlock(rr, length), "length " + length);
        }
        byte[] notVersion2 = rr.clone();
        notVersion2[0] = 0x41;
        assertNull(ReceiverReport.firstBlock(notVersion2, 32));
        byte[] noBlocks = Arrays.copyOf(rr, 8);
        noBlocks[0] = (byte) 0x80;
        noBlocks[3] = 1;
        assertNull(ReceiverReport.firstBlock(noBlocks, 8));
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] junk = new byte[random.nextInt(80)];
            random.nextBytes(junk);
            if (junk.length > 0) {
                junk[0] = (byte) (0x80 | junk[0] & 0x3F);
            }
            ReceiverReport.firstBlock(junk, random.nextInt(100));
        }
    }

    @Test
    void senderReportNtpMiddleBitsAreWhatReceiversEchoAsLsr() {
        byte[] sr = senderReportThenSdes(0);
        assertEquals(0xEF001234L, ReceiverReport.senderReportNtpMiddle(sr, sr.length));
        assertEquals(-1, ReceiverReport.senderReportNtpMiddle(receiverReport(0, 0, 0), 32));
        assertEquals(-1, ReceiverReport.senderReportNtpMiddle(sr, 20));
    }

    @Test
    void rtcpIsToldFromRtpByPayloadTypeRange() {
        assertTrue(ReceiverReport.isRtcp(200));
        assertTrue(ReceiverReport.isRtcp(201));
        assertFalse(ReceiverReport.isRtcp(0));
        assertFalse(ReceiverReport.isRtcp(8 | 0x80)); // PCMA with marker bit
        assertFalse(ReceiverReport.isRtcp(96));
    }
}
