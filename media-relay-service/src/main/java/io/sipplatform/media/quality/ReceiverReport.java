package io.sipplatform.media.quality;

/**
 * The first report block of an RTCP SR or RR (RFC 3550 §6.4.1, §6.4.2): what its sender says about the stream it
 * receives. {@code jitterUnits}, {@code lastSr} and {@code delaySinceLastSr} are as sent (timestamp units and
 * 1/65536 s).
 */
public record ReceiverReport(long ssrc, int fractionLost, long cumulativeLost, long highestSequence,
                             long jitterUnits, long lastSr, long delaySinceLastSr) {
    static final int SR = 200;
    static final int RR = 201;
    private static final int BLOCK_SIZE = 24;

    /**
     * The first report block in the compound RTCP packet {@code packet} (length {@code length}), or null when it has
     * none or is malformed; never throws on any input.
     */
    public static ReceiverReport firstBlock(byte[] packet, int length) {
        int at = 0;
        int end = Math.min(length, packet.length);
        while (at + 8 <= end) {
            int first = packet[at] & 0xFF;
            if (first >>> 6 != 2) {
                return null;
            }
            int count = first & 0x1F;
            int type = packet[at + 1] & 0xFF;
            int words = u16(packet, at + 2);
            int next = at + 4 * (words + 1);
            if (next > end) {
                return null;
            }
            int blocks = type == SR ? at + 28 : type == RR ? at + 8 : -1;
            if (blocks >= 0 && count > 0 && blocks + BLOCK_SIZE <= next) {
                int cum = ((packet[blocks + 5] & 0xFF) << 16) | ((packet[blocks + 6] & 0xFF) << 8)
                        | (packet[blocks + 7] & 0xFF);
                long cumulative = (cum << 8) >> 8; // 24-bit two's complement, may be negative with duplicates
                return new ReceiverReport(u32(packet, blocks), packet[blocks + 4] & 0xFF, cumulative,
                        u32(packet, blocks + 8), u32(packet, blocks + 12), u32(packet, blocks + 16),
                        u32(packet, blocks + 20));
            }
            at = next;
        }
        return null;
    }

    /**
     * The middle 32 bits of the NTP timestamp of the SR that starts {@code packet} (what receivers echo as LSR,
     * RFC 3550 §6.4.1), or -1 when the packet does not start with a sender report.
     */
    public static long senderReportNtpMiddle(byte[] packet, int length) {
        int end = Math.min(length, packet.length);
        if (end < 28 || (packet[0] & 0xFF) >>> 6 != 2 || (packet[1] & 0xFF) != SR) {
            return -1;
        }
        return u32(packet, 10);
    }

    /** True when the second byte of a packet marks RTCP rather than RTP on a multiplexed port (RFC 5761 §4). */
    public static boolean isRtcp(int secondByte) {
        int type = secondByte & 0xFF;
        return type >= 192 && type <= 223;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static long u32(byte[] b, int at) {
        return ((long) u16(b, at) << 16) | u16(b, at + 2);
    }
}
