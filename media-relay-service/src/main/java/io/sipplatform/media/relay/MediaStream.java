package io.sipplatform.media.relay;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.sipplatform.media.quality.ReceiverReport;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One anchored m= line: the offerer (party A) sends to endpoint A, every answerer branch (forking) to endpoint B.
 * Media flows between A and the active branch; packets are relayed byte for byte (SSRC, sequence, payload
 * untouched). Handlers run on the sockets' event loop and never block.
 */
public final class MediaStream {
    /** What the stream needs from its session. */
    public interface Context {
        /** Call-ID, for events. */
        String callId();

        /** Clock for packet instants. */
        InstantSource clock();

        /** Telemetry. */
        RelayObserver observer();

        /** An RTP packet arrived from either party at {@code millis} of the clock. */
        void onActivity(long millis);

        /** Publishes an event. */
        void emit(MediaEvent event);
    }

    private final int index;
    private final String mediaType;
    private final RelayEndpoint endpointA;
    private final RelayEndpoint endpointB;
    private final PartySide partyA;
    private final Map<String, PartySide> branches = new LinkedHashMap<>();
    private final Context context;
    private final String advertisedAddress;
    private String activeBranch;
    private volatile PartySide activeSide; // the branch of activeBranch, read on every packet without the lock
    private volatile PartySide[] branchSides = new PartySide[0]; // copy of branches' values for the packet path
    private volatile boolean rtpTransport = true; // false: the m= line's proto is not RTP (e.g. udptl for T.38)

    public MediaStream(int index, String mediaType, PartySide partyA, RelayEndpoint endpointA,
                       RelayEndpoint endpointB, String advertisedAddress, Context context) {
        this.index = index;
        this.mediaType = mediaType;
        this.partyA = partyA;
        this.endpointA = endpointA;
        this.endpointB = endpointB;
        this.advertisedAddress = advertisedAddress;
        this.context = context;
        endpointA.receiver(new FromParty(true));
        endpointB.receiver(new FromParty(false));
    }

    /** Index of the m= line. */
    public int index() {
        return index;
    }

    /** Media type of the m= line. */
    public String mediaType() {
        return mediaType;
    }

    /**
     * Whether the m= line's transport is an RTP profile, as the latest offer or answer says (a T.38 re-INVITE turns
     * an audio line into {@code m=image ... udptl t38}). Packets of any other transport are relayed as they are, with
     * latching, counts and the media timeout, but no RTP header checks or RTP statistics; its odd port is unused.
     */
    public void rtpTransport(boolean rtp) {
        rtpTransport = rtp;
    }

    /** The offerer's side. */
    public PartySide partyA() {
        return partyA;
    }

    /** The relay endpoint the offerer sends to. */
    public RelayEndpoint endpointA() {
        return endpointA;
    }

    /** The relay endpoint answerers send to. */
    public RelayEndpoint endpointB() {
        return endpointB;
    }

    /** The branch of answerer {@code tag}, created (and made active) on first use. */
    public synchronized PartySide branch(String tag) {
        PartySide side = branches.computeIfAbsent(tag, t -> new PartySide(t, index, mediaType));
        activeBranch = tag;
        activeSide = side;
        if (branchSides.length != branches.size()) {
            branchSides = branches.values().toArray(PartySide[]::new);
            if (branchSides.length > 1) {
                endpointB.disconnect(); // several answerers send to endpoint B: the kernel must not filter them
            }
        }
        return side;
    }

    /** {@code side} forgot its latched sources (it signalled a new address): its endpoint listens to all again. */
    public void relatch(PartySide side) {
        (side == partyA ? endpointA : endpointB).disconnect();
    }

    /** The branch of {@code tag}, or null. */
    public synchronized PartySide existingBranch(String tag) {
        return branches.get(tag);
    }

    /** Removes a branch; the most recently added remaining one becomes active. Returns it, or null. */
    public synchronized PartySide removeBranch(String tag) {
        PartySide removed = branches.remove(tag);
        branchSides = branches.values().toArray(PartySide[]::new);
        if (tag.equals(activeBranch)) {
            activeBranch = null;
            for (String remaining : branches.keySet()) {
                activeBranch = remaining;
            }
            activeSide = activeBranch == null ? null : branches.get(activeBranch);
        }
        return removed;
    }

    /** Snapshots of party A and every branch, A first. */
    public synchronized List<SideStats> snapshot() {
        List<SideStats> out = new ArrayList<>();
        out.add(partyA.snapshot(local(endpointA)));
        for (PartySide side : branches.values()) {
            out.add(side.snapshot(local(endpointB)));
        }
        return out;
    }

    /** Snapshot of one branch. */
    public SideStats snapshot(PartySide branch) {
        return branch.snapshot(local(endpointB));
    }

    private Endpoint local(RelayEndpoint endpoint) {
        return new Endpoint(advertisedAddress, endpoint.port());
    }

    private PartySide active() {
        return activeSide;
    }

    // A packet from an answerer belongs to the branch latched on (or signalled from) its source, else to the active
    // branch, which latches onto it if allowed. Lock-free: reads the volatile copies the locked methods publish.
    private PartySide branchOf(InetSocketAddress source, boolean rtcpSocket) {
        PartySide[] sides = branchSides;
        if (sides.length > 1) {
            for (PartySide side : sides) {
                if (side.owns(source, rtcpSocket)) {
                    return side;
                }
            }
        }
        return activeSide;
    }

    // The packets of one endpoint's sockets, on the session's event loop; the other endpoint is flushed after each
    // read batch, so packets that arrived together leave together.
    private final class FromParty implements RelayEndpoint.Receiver {
        private final boolean fromA;

        FromParty(boolean fromA) {
            this.fromA = fromA;
        }

        @Override
        public void receive(ByteBuf data, InetSocketAddress sender, boolean rtcpSocket) {
            boolean forwarded = false;
            try {
                forwarded = fromA ? fromA(data, sender, rtcpSocket) : fromB(data, sender, rtcpSocket);
            } finally {
                if (!forwarded) {
                    data.release();
                }
            }
        }

        @Override
        public void readComplete() {
            (fromA ? endpointB : endpointA).flush();
        }

        @Override
        public void failed(Throwable cause) {
            context.observer().dropped(DropReason.SEND_FAILED);
        }
    }

    private boolean fromA(ByteBuf data, InetSocketAddress source, boolean rtcpSocket) {
        return relay(partyA, active(), endpointB, data, source, rtcpSocket);
    }

    private boolean fromB(ByteBuf data, InetSocketAddress source, boolean rtcpSocket) {
        PartySide from = branchOf(source, rtcpSocket);
        if (from == null) {
            context.observer().dropped(DropReason.NO_DESTINATION);
            return false;
        }
        if (from != active()) {
            from.countDrop();
            context.observer().dropped(DropReason.INACTIVE_BRANCH);
            return false;
        }
        return relay(from, partyA, endpointA, data, source, rtcpSocket);
    }

    // RFC 3550 §6.4.1 round trip, measured between relay and reporter: the reporter echoes (LSR) the SR the relay
    // passed on from the other party, and says how long it held it (DLSR, 1/65536 s).
    private static void countRtcp(PartySide from, PartySide to, byte[] packet) {
        long now = System.nanoTime();
        ReceiverReport report = ReceiverReport.firstBlock(packet, packet.length);
        Duration roundTrip = null;
        if (report != null && report.lastSr() != 0 && to != null) {
            long relayedAt = to.senderReportRelayedAt(report.lastSr());
            long nanos = relayedAt < 0 ? -1 : now - relayedAt - report.delaySinceLastSr() * 1_000_000_000L / 65536;
            roundTrip = nanos < 0 ? null : Duration.ofNanos(nanos);
        }
        from.countReport(report, roundTrip);
        long srMiddle = ReceiverReport.senderReportNtpMiddle(packet, packet.length);
        if (srMiddle >= 0) {
            from.recordSenderReport(srMiddle, now);
        }
    }

    // Returns true when the packet was handed to a socket (which then owns the buffer, sent or not).
    private boolean relay(PartySide from, PartySide to, RelayEndpoint out, ByteBuf data, InetSocketAddress source,
                          boolean rtcpSocket) {
        RelayObserver observer = context.observer();
        int at = data.readerIndex();
        int length = data.readableBytes();
        boolean opaque = !rtpTransport;
        // RFC 5761 §4: on a multiplexed port, payload types 64-95 (second byte 192-223 with the marker) are RTCP.
        boolean rtcp = !opaque && (rtcpSocket || length >= 2 && ReceiverReport.isRtcp(data.getByte(at + 1)));
        boolean malformed = opaque ? rtcpSocket || length == 0 // a non-RTP transport has nothing on the odd port
                : length < (rtcp ? 8 : 12) || (data.getUnsignedByte(at) >>> 6) != 2; // RFC 3550 §5.1, §6.4
        if (malformed) {
            from.countDrop();
            observer.dropped(DropReason.MALFORMED);
            return false;
        }
        PartySide.Admission admission;
        if (rtcp) {
            admission = from.admit(source, rtcpSocket);
        } else {
            long millis = context.clock().millis();
            admission = opaque ? from.admitOpaque(source, length, millis)
                    : from.admitRtp(source, data.getUnsignedShort(at + 2), data.getUnsignedInt(at + 4),
                            data.getUnsignedByte(at + 1) & 0x7F, length, System.nanoTime(), millis);
            if (admission != PartySide.Admission.REFUSED) {
                context.onActivity(millis);
            }
            if (admission == PartySide.Admission.LATCHED) {
                observer.latched();
                Endpoint sourceEndpoint = PartySide.endpoint(source);
                context.emit(new MediaEvent.FirstPacket(context.callId(), from.tag(), index,
                        Instant.ofEpochMilli(millis), sourceEndpoint, from.isSignalled(sourceEndpoint)));
            }
        }
        if (admission == PartySide.Admission.REFUSED) {
            from.countDrop();
            observer.dropped(DropReason.UNEXPECTED_SOURCE);
            return false;
        }
        if (admission == PartySide.Admission.LATCHED && (from == partyA || branchSides.length == 1)) {
            (from == partyA ? endpointA : endpointB).connect(rtcpSocket, source);
        }
        if (rtcp) {
            countRtcp(from, to, ByteBufUtil.getBytes(data));
        }
        InetSocketAddress target = to == null ? null : rtcp ? to.rtcpDestination() : to.rtpDestination();
        if (target == null) {
            observer.dropped(DropReason.NO_DESTINATION);
            return false;
        }
        // muxed RTCP leaves from the RTP socket, separate RTCP from the RTCP socket (symmetric either way)
        if (out.send(rtcp && !to.rtcpMux(), data, target)) {
            observer.relayed(rtcp);
        } else {
            observer.dropped(DropReason.SEND_FAILED);
        }
        return true;
    }
}
