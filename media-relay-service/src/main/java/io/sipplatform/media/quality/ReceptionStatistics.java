package io.sipplatform.media.quality;

import java.time.Duration;

/**
 * What one party has sent so far: packets, bytes, sequence-gap loss and interarrival jitter. Fed one RTP header at
 * a time with the arrival instant; not thread-safe (the owner serialises updates).
 */
public final class ReceptionStatistics {
    // RFC 3550 A.1: jumps up to MAX_DROPOUT count as loss, back by up to MAX_MISORDER as reordering; anything else
    // is a sequence restart once two consecutive packets confirm it.
    static final int MAX_DROPOUT = 3000;
    static final int MAX_MISORDER = 100;
    private static final int SEQ_MOD = 1 << 16;

    private long packets;
    private long bytes;
    private int baseSeq;
    private int maxSeq;
    private long cycles;
    private long receivedInRun;
    private long lostInEarlierRuns;
    private int badSeq = -1;

    private double jitterUnits;
    private boolean haveTransit;
    private long lastTransit;
    private int clockRate = 8000;
    private long originNanos;

    /**
     * Counts one RTP packet of {@code size} bytes with sequence number {@code sequence}, RTP timestamp
     * {@code timestamp} (32-bit, unsigned), arriving at {@code arrivalNanos} (any monotonic origin) on a stream
     * clocked at {@code rate} Hz.
     */
    public void onPacket(int sequence, long timestamp, long arrivalNanos, int rate, int size) {
        if (packets == 0) {
            originNanos = arrivalNanos; // keeps arrival * rate far from overflow
        }
        packets++;
        bytes += size;
        int seq = sequence & 0xFFFF;
        if (packets == 1) {
            startRun(seq);
        } else {
            updateSequence(seq);
        }
        updateJitter(timestamp & 0xFFFFFFFFL, arrivalNanos, rate);
    }

    // RFC 3550 A.1 update_seq, without probation: the relay counts from the first packet it sees.
    private void updateSequence(int seq) {
        int udelta = (seq - maxSeq) & 0xFFFF;
        if (udelta < MAX_DROPOUT) {
            if (seq < maxSeq) {
                cycles += SEQ_MOD;
            }
            maxSeq = seq;
            receivedInRun++;
        } else if (udelta <= SEQ_MOD - MAX_MISORDER) {
            if (seq == badSeq) {
                lostInEarlierRuns += runLost();
                startRun(seq);
            } else {
                badSeq = (seq + 1) & 0xFFFF;
            }
        } else {
            receivedInRun++; // duplicate or reordered: counted, may make the run's loss negative (clamped)
        }
    }

    private void startRun(int seq) {
        baseSeq = seq;
        maxSeq = seq;
        cycles = 0;
        receivedInRun = 1;
        badSeq = -1;
    }

    private long runLost() {
        long expected = cycles + maxSeq - baseSeq + 1;
        return Math.max(0, expected - receivedInRun);
    }

    // RFC 3550 A.8: J += (|D| - J) / 16, D the change in transit time, in timestamp units.
    private void updateJitter(long timestamp, long arrivalNanos, int rate) {
        if (rate <= 0) {
            return;
        }
        if (rate != clockRate) {
            clockRate = rate;
            haveTransit = false;
        }
        long arrivalUnits = (long) Math.floor((arrivalNanos - originNanos) / 1e9 * rate);
        long transit = arrivalUnits - timestamp;
        if (haveTransit) {
            int d = (int) (transit - lastTransit); // wraps with the 32-bit timestamp
            jitterUnits += (Math.abs((long) d) - jitterUnits) / 16.0;
        }
        lastTransit = transit;
        haveTransit = true;
    }

    /** RTP packets counted. */
    public long packets() {
        return packets;
    }

    /** UDP payload bytes counted. */
    public long bytes() {
        return bytes;
    }

    /** Packets missing by sequence gaps (RFC 3550 §6.4.1 cumulative loss), never negative. */
    public long lost() {
        return packets == 0 ? 0 : lostInEarlierRuns + runLost();
    }

    /** Loss over expected packets, 0..1. */
    public double lossFraction() {
        long lost = lost();
        long total = lost + packets;
        return total == 0 ? 0 : (double) lost / total;
    }

    /** Interarrival jitter in timestamp units (RFC 3550 §6.4.1 J). */
    public double jitterUnits() {
        return jitterUnits;
    }

    /** Interarrival jitter converted with the stream's clock rate. */
    public Duration jitter() {
        return Duration.ofNanos(Math.round(jitterUnits * 1e9 / clockRate));
    }

    /** Estimated MOS for what was received so far; 0 before the first packet. */
    public double mos() {
        return packets == 0 ? 0 : MosEstimate.mos(lossFraction(), jitter());
    }
}
