package io.sipplatform.media.relay;

import io.netty.util.NetUtil;
import io.sipplatform.media.quality.ReceiverReport;
import io.sipplatform.media.quality.ReceptionStatistics;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One party's side of one stream: where it said it receives (SDP), where it really sends from (latched), and what it
 * sent. Updated from the event loop of its socket and read by the control API, hence synchronized.
 */
public final class PartySide {
    /** What {@link #admit} decided about a packet's source. */
    public enum Admission {
        /** Accepted and the source was just latched. */
        LATCHED,
        /** Accepted from the latched source. */
        ACCEPTED,
        /** Refused. */
        REFUSED
    }

    private final String tag;
    private final int streamIndex;
    private final String mediaType;
    private Endpoint signalledRtp;
    private Endpoint signalledRtcp;
    private volatile boolean rtcpMux;
    private boolean latchSignalledOnly;
    private Map<Integer, PayloadFormat> formats = Map.of();
    private Endpoint latchedRtp;
    private Endpoint latchedRtcp;
    // The same addresses as socket addresses, so the packet path compares and sends without allocating.
    private InetSocketAddress signalledRtpAddress;
    private InetSocketAddress signalledRtcpAddress;
    private InetSocketAddress latchedRtpAddress;
    private InetSocketAddress latchedRtcpAddress;
    private volatile InetSocketAddress rtpDestination; // read on every packet without the lock
    private volatile InetSocketAddress rtcpDestination;

    private final ReceptionStatistics reception = new ReceptionStatistics();
    private long dropped;
    private long opaquePackets; // packets and bytes of a non-RTP transport (T.38 UDPTL), beside the RTP statistics
    private long opaqueBytes;
    private int lastPayloadType = -1;
    private long firstPacketMillis = -1;
    private long lastPacketMillis = -1;
    private long reports;
    private ReceiverReport lastReport;
    private Duration roundTrip;
    private long lastSrMiddle = -1;
    private long lastSrRelayedNanos;

    public PartySide(String tag, int streamIndex, String mediaType) {
        this.tag = tag;
        this.streamIndex = streamIndex;
        this.mediaType = mediaType;
    }

    /** The party's dialog tag. */
    public String tag() {
        return tag;
    }

    /**
     * Takes what the party signalled in SDP. A changed RTP address (re-INVITE with new ports, a move off hold)
     * forgets the latched sources, so the next packets latch again; then it returns true.
     */
    public synchronized boolean signal(Endpoint rtp, Endpoint rtcp, boolean mux, Map<Integer, PayloadFormat> payloads,
                                       boolean signalledOnly) {
        boolean relatch = !rtp.equals(signalledRtp);
        if (relatch) {
            latchedRtp = null;
            latchedRtcp = null;
            latchedRtpAddress = null;
            latchedRtcpAddress = null;
        }
        signalledRtp = rtp;
        signalledRtcp = rtcp;
        signalledRtpAddress = socketAddress(rtp);
        signalledRtcpAddress = socketAddress(rtcp);
        rtcpMux = mux;
        formats = Map.copyOf(payloads);
        latchSignalledOnly = signalledOnly;
        refreshDestinations();
        return relatch;
    }

    // Only IP literals: a host name in c= is never resolved (that would block the event loop); such a party gets
    // media once it has sent some and is latched.
    private static InetSocketAddress socketAddress(Endpoint endpoint) {
        byte[] literal = endpoint.unusable() ? null : NetUtil.createByteArrayFromIpAddressString(endpoint.host());
        if (literal == null) {
            return null;
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(literal), endpoint.port());
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private void refreshDestinations() {
        rtpDestination = latchedRtpAddress != null ? latchedRtpAddress : signalledRtpAddress;
        InetSocketAddress separate = latchedRtcpAddress != null ? latchedRtcpAddress : signalledRtcpAddress;
        rtcpDestination = rtcpMux ? rtpDestination : separate;
    }

    /**
     * Settles rtcp-mux for this party as the answer it received says (RFC 8035: the answer decides for both
     * directions); until then an offerer's own a=rtcp-mux counts.
     */
    public synchronized void settleRtcpMux(boolean mux) {
        rtcpMux = mux;
        refreshDestinations();
    }

    /** Symmetric latching: the first packet's source becomes the party's address (only the signalled one if asked). */
    public synchronized Admission admit(InetSocketAddress source, boolean rtcpSocket) {
        InetSocketAddress latched = rtcpSocket ? latchedRtcpAddress : latchedRtpAddress;
        if (latched != null) {
            return latched.equals(source) ? Admission.ACCEPTED : Admission.REFUSED;
        }
        InetSocketAddress signalled = rtcpSocket ? signalledRtcpAddress : signalledRtpAddress;
        if (latchSignalledOnly && !source.equals(signalled)) {
            return Admission.REFUSED;
        }
        Endpoint endpoint = endpoint(source);
        if (rtcpSocket) {
            latchedRtcp = endpoint;
            latchedRtcpAddress = source;
        } else {
            latchedRtp = endpoint;
            latchedRtpAddress = source;
        }
        refreshDestinations();
        return Admission.LATCHED;
    }

    /**
     * {@link #admit} and, unless refused, {@link #countRtp}, under one lock acquisition: the RTP packet path.
     */
    public synchronized Admission admitRtp(InetSocketAddress source, int sequence, long timestamp, int payloadType,
                                           int size, long arrivalNanos, long atMillis) {
        Admission admission = admit(source, false);
        if (admission != Admission.REFUSED) {
            countRtp(sequence, timestamp, payloadType, size, arrivalNanos, atMillis);
        }
        return admission;
    }

    /**
     * {@link #admit} and, unless refused, counting a packet of a non-RTP transport (e.g. UDPTL): packets and bytes
     * only, there is no RTP header to take loss or jitter from.
     */
    public synchronized Admission admitOpaque(InetSocketAddress source, int size, long atMillis) {
        Admission admission = admit(source, false);
        if (admission != Admission.REFUSED) {
            opaquePackets++;
            opaqueBytes += size;
            stamp(atMillis);
        }
        return admission;
    }

    /** The endpoint of a socket address, for statistics and events (allocates: not for every packet). */
    public static Endpoint endpoint(InetSocketAddress address) {
        return Endpoint.of(address.getAddress().getHostAddress(), address.getPort());
    }

    /** True when packets from {@code source} on that socket are this party's: latched, or signalled and unlatched. */
    public synchronized boolean owns(InetSocketAddress source, boolean rtcpSocket) {
        InetSocketAddress latched = rtcpSocket ? latchedRtcpAddress : latchedRtpAddress;
        if (latched != null) {
            return latched.equals(source);
        }
        return source.equals(rtcpSocket ? signalledRtcpAddress : signalledRtpAddress);
    }

    /** Whether {@code source} equals the signalled RTP address. */
    public synchronized boolean isSignalled(Endpoint source) {
        return source.equals(signalledRtp);
    }

    /** Counts an RTP packet the party sent. */
    public synchronized void countRtp(int sequence, long timestamp, int payloadType, int size, long arrivalNanos,
                                      long atMillis) {
        PayloadFormat format = formats.getOrDefault(payloadType, PayloadFormat.UNKNOWN);
        reception.onPacket(sequence, timestamp, arrivalNanos, format.clockRate(), size);
        lastPayloadType = payloadType;
        stamp(atMillis);
    }

    // The first and latest packet instants of this party.
    private void stamp(long atMillis) {
        if (firstPacketMillis < 0) {
            firstPacketMillis = atMillis;
        }
        lastPacketMillis = atMillis;
    }

    /**
     * Counts an RTCP report block the party sent (null when the packet had none), with the round trip between the
     * relay and this party it yields, or null.
     */
    public synchronized void countReport(ReceiverReport report, Duration roundTripDelay) {
        if (report != null) {
            reports++;
            lastReport = report;
            if (roundTripDelay != null) {
                roundTrip = roundTripDelay;
            }
        }
    }

    /** Remembers when the relay passed on this party's latest SR, keyed by its NTP middle bits. */
    public synchronized void recordSenderReport(long ntpMiddle, long relayedNanos) {
        lastSrMiddle = ntpMiddle;
        lastSrRelayedNanos = relayedNanos;
    }

    /** When the relay passed on this party's SR with NTP middle bits {@code lsr}, or -1 when not the latest. */
    public synchronized long senderReportRelayedAt(long lsr) {
        return lsr == lastSrMiddle ? lastSrRelayedNanos : -1;
    }

    /** Counts a packet from this party that was not relayed. */
    public synchronized void countDrop() {
        dropped++;
    }

    /** Where RTP for this party goes, as a socket address; null when there is no usable one. */
    public InetSocketAddress rtpDestination() {
        return rtpDestination;
    }

    /** Where RTCP for this party goes (its RTP address with rtcp-mux), as a socket address; null when unusable. */
    public InetSocketAddress rtcpDestination() {
        return rtcpDestination;
    }

    /** True when the party multiplexes RTCP on its RTP port (RFC 5761). */
    public boolean rtcpMux() {
        return rtcpMux;
    }

    /** A snapshot of the counters; {@code local} is the relay port this party sends to. */
    public synchronized SideStats snapshot(Endpoint local) {
        PayloadFormat last = lastPayloadType < 0 ? null : formats.get(lastPayloadType);
        String codec = last == null ? "" : last.encodingName();
        SideStats.RtcpSummary rtcp = null;
        if (lastReport != null) {
            int rate = last == null ? PayloadFormat.UNKNOWN.clockRate() : last.clockRate();
            rtcp = new SideStats.RtcpSummary(reports, lastReport.fractionLost(), lastReport.cumulativeLost(),
                    Duration.ofNanos(Math.round(lastReport.jitterUnits() * 1e9 / rate)), roundTrip);
        }
        return new SideStats(tag, streamIndex, mediaType, local, signalledRtp, latchedRtp, codec,
                reception.packets() + opaquePackets, reception.bytes() + opaqueBytes, reception.lost(), dropped,
                reception.jitter(), rtcp, reception.mos(),
                firstPacketMillis < 0 ? null : Instant.ofEpochMilli(firstPacketMillis),
                lastPacketMillis < 0 ? null : Instant.ofEpochMilli(lastPacketMillis));
    }
}
