package io.sipplatform.media.relay;

import io.sipplatform.media.quality.ReceiverReport;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;

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

        /** An RTP packet arrived from either party. */
        void onActivity();

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

    public MediaStream(int index, String mediaType, PartySide partyA, RelayEndpoint endpointA,
                       RelayEndpoint endpointB, String advertisedAddress, Context context) {
        this.index = index;
        this.mediaType = mediaType;
        this.partyA = partyA;
        this.endpointA = endpointA;
        this.endpointB = endpointB;
        this.advertisedAddress = advertisedAddress;
        this.context = context;
        endpointA.rtp().handler(p -> fromA(p, false));
        endpointA.rtcp().handler(p -> fromA(p, true));
        endpointB.rtp().handler(p -> fromB(p, false));
        endpointB.rtcp().handler(p -> fromB(p, true));
    }

    /** Index of the m= line. */
    public int index() {
        return index;
    }

    /** Media type of the m= line. */
    public String mediaType() {
        return mediaType;
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
        return side;
    }

    /** The branch of {@code tag}, or null. */
    public synchronized PartySide existingBranch(String tag) {
        return branches.get(tag);
    }

    /** Removes a branch; the most recently added remaining one becomes active. Returns it, or null. */
    public synchronized PartySide removeBranch(String tag) {
        PartySide removed = branches.remove(tag);
        if (tag.equals(activeBranch)) {
            activeBranch = null;
            for (String remaining : branches.keySet()) {
                activeBranch = remaining;
            }
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

    private synchronized PartySide active() {
        return activeBranch == null ? null : branches.get(activeBranch);
    }

    // A packet from an answerer belongs to the branch latched on (or signalled from) its source, else to the active
    // branch, which latches onto it if allowed.
    private synchronized PartySide branchOf(Endpoint source, boolean rtcpSocket) {
        for (PartySide side : branches.values()) {
            if (side.owns(source, rtcpSocket)) {
                return side;
            }
        }
        return activeBranch == null ? null : branches.get(activeBranch);
    }

    private void fromA(DatagramPacket packet, boolean rtcpSocket) {
        Endpoint source = Endpoint.of(packet.sender().host(), packet.sender().port());
        relay(partyA, active(), endpointB, packet.data(), source, rtcpSocket);
    }

    private void fromB(DatagramPacket packet, boolean rtcpSocket) {
        Endpoint source = Endpoint.of(packet.sender().host(), packet.sender().port());
        PartySide from = branchOf(source, rtcpSocket);
        if (from == null) {
            context.observer().dropped(DropReason.NO_DESTINATION);
            return;
        }
        if (from != active()) {
            from.countDrop();
            context.observer().dropped(DropReason.INACTIVE_BRANCH);
            return;
        }
        relay(from, partyA, endpointA, packet.data(), source, rtcpSocket);
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

    private void relay(PartySide from, PartySide to, RelayEndpoint out, Buffer data, Endpoint source,
                       boolean rtcpSocket) {
        RelayObserver observer = context.observer();
        // RFC 5761 §4: on a multiplexed port, payload types 192-223 in the second byte are RTCP.
        boolean rtcp = rtcpSocket || data.length() >= 2 && ReceiverReport.isRtcp(data.getByte(1));
        if (data.length() < (rtcp ? 8 : 12) || (data.getUnsignedByte(0) >>> 6) != 2) { // RFC 3550 §5.1, §6.4
            from.countDrop();
            observer.dropped(DropReason.MALFORMED);
            return;
        }
        PartySide.Admission admission = from.admit(source, rtcpSocket);
        if (admission == PartySide.Admission.REFUSED) {
            from.countDrop();
            observer.dropped(DropReason.UNEXPECTED_SOURCE);
            return;
        }
        if (rtcp) {
            countRtcp(from, to, data.getBytes());
        } else {
            Instant now = context.clock().instant();
            if (admission == PartySide.Admission.LATCHED) {
                observer.latched();
                context.emit(new MediaEvent.FirstPacket(context.callId(), from.tag(), index, now, source,
                        from.isSignalled(source)));
            }
            from.countRtp(data.getUnsignedShort(2), data.getUnsignedInt(4), data.getUnsignedByte(1) & 0x7F,
                    data.length(), System.nanoTime(), now);
            context.onActivity();
        }
        Endpoint target = to == null ? null : rtcp ? to.rtcpTarget() : to.rtpTarget();
        if (target == null) {
            observer.dropped(DropReason.NO_DESTINATION);
            return;
        }
        DatagramSocket socket = rtcp && !to.rtcpMux() ? out.rtcp() : out.rtp();
        socket.send(data, target.port(), target.host()).onFailure(e -> observer.dropped(DropReason.SEND_FAILED));
        observer.relayed(rtcp);
    }
}
