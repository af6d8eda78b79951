package io.sipplatform.media.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.sipplatform.media.relay.Endpoint;
import io.sipplatform.media.relay.MediaEvent;
import io.sipplatform.media.relay.SideStats;
import io.sipplatform.media.relay.Teardown;
import io.sipplatform.media.session.Anchored;
import io.sipplatform.media.session.MediaPolicy;
import io.sipplatform.media.session.RtcpMuxMode;
import io.sipplatform.proto.common.v1.SipOutcome;
import io.sipplatform.proto.common.v1.SocketAddress;
import io.sipplatform.proto.media.v1.FirstPacket;
import io.sipplatform.proto.media.v1.MediaFlags;
import io.sipplatform.proto.media.v1.MediaTimeout;
import io.sipplatform.proto.media.v1.RewrittenSdp;
import io.sipplatform.proto.media.v1.RtcpQuality;
import io.sipplatform.proto.media.v1.SessionExpired;
import io.sipplatform.proto.media.v1.StreamAllocation;
import io.sipplatform.proto.media.v1.StreamStats;
import io.sipplatform.proto.media.v1.WatchEventsResponse;

import java.time.Instant;

/** Protobuf to and from session values; nothing else. */
final class ProtoMapping {
    private ProtoMapping() {
    }

    static MediaPolicy policy(MediaFlags flags) {
        java.time.Duration timeout = flags.hasMediaTimeout()
                ? java.time.Duration.ofSeconds(flags.getMediaTimeout().getSeconds(), flags.getMediaTimeout().getNanos())
                : null;
        RtcpMuxMode mux = switch (flags.getRtcpMux()) {
            case RTCP_MUX_OFFER -> RtcpMuxMode.OFFER;
            case RTCP_MUX_DEMUX -> RtcpMuxMode.DEMUX;
            default -> RtcpMuxMode.PRESERVE; // unspecified and values from newer callers
        };
        return new MediaPolicy(flags.getStripIce(), flags.getCodecAllowList(), flags.getLatchSignalledOnly(), timeout,
                mux);
    }

    static RewrittenSdp rewritten(Anchored.Rewritten r, String relayId) {
        RewrittenSdp.Builder b = RewrittenSdp.newBuilder().setSdp(ByteString.copyFrom(r.sdp().toBytes()))
                .setRelayId(relayId);
        for (Anchored.Allocation a : r.streams()) {
            StreamAllocation.Builder s = StreamAllocation.newBuilder().setStreamIndex(a.index())
                    .setMediaType(a.mediaType())
                    .setRtp(SocketAddress.newBuilder().setIp(a.address()).setPort(a.rtpPort()));
            if (a.rtpPort() != 0) {
                s.setRtcp(SocketAddress.newBuilder().setIp(a.address()).setPort(a.rtcpPort()));
            }
            b.addStreams(s);
        }
        return b.build();
    }

    static SipOutcome outcome(Anchored.Rejected r) {
        return SipOutcome.newBuilder().setCode(r.code()).setReason(r.reason()).build();
    }

    static StreamStats stats(SideStats s) {
        StreamStats.Builder b = StreamStats.newBuilder().setTag(s.tag()).setStreamIndex(s.streamIndex())
                .setMediaType(s.mediaType()).setLocal(address(s.local())).setCodec(s.codec())
                .setPackets(s.packets()).setBytes(s.bytes()).setPacketsLost(s.packetsLost())
                .setPacketsDropped(s.packetsDropped()).setJitter(duration(s.jitter())).setMos(s.mos());
        if (s.signalled() != null) {
            b.setSignalled(address(s.signalled()));
        }
        if (s.latched() != null) {
            b.setLatched(address(s.latched()));
        }
        if (s.rtcp() != null) {
            b.setRtcp(RtcpQuality.newBuilder().setReports(s.rtcp().reports())
                    .setFractionLost(s.rtcp().fractionLost()).setCumulativeLost(s.rtcp().cumulativeLost())
                    .setJitter(duration(s.rtcp().jitter())));
            if (s.rtcp().roundTripDelay() != null) {
                b.getRtcpBuilder().setRoundTripDelay(duration(s.rtcp().roundTripDelay()));
            }
        }
        if (s.firstPacketAt() != null) {
            b.setFirstPacketAt(timestamp(s.firstPacketAt()));
        }
        if (s.lastPacketAt() != null) {
            b.setLastPacketAt(timestamp(s.lastPacketAt()));
        }
        return b.build();
    }

    static WatchEventsResponse event(MediaEvent e, String relayId) {
        WatchEventsResponse.Builder b = WatchEventsResponse.newBuilder().setRelayId(relayId).setCallId(e.callId())
                .setTag(e.tag()).setStreamIndex(e.streamIndex()).setOccurredAt(timestamp(e.at()));
        if (e instanceof MediaEvent.FirstPacket f) {
            b.setFirstPacket(FirstPacket.newBuilder().setSource(address(f.source()))
                    .setFromSignalledAddress(f.fromSignalledAddress()));
        } else if (e instanceof MediaEvent.MediaTimeout t) {
            b.setMediaTimeout(MediaTimeout.newBuilder().setIdle(duration(t.idle())))
                    .setTeardown(bytes(t.teardown()));
        } else if (e instanceof MediaEvent.SessionExpired x) {
            SessionExpired.Builder expired = SessionExpired.newBuilder();
            x.stats().forEach(stats -> expired.addStats(stats(stats)));
            b.setSessionExpired(expired).setTeardown(bytes(x.teardown()));
        }
        return b.build();
    }

    static ByteString bytes(Teardown t) {
        return t.isEmpty() ? ByteString.EMPTY : ByteString.copyFrom(t.toByteArray());
    }

    static SocketAddress address(Endpoint e) {
        return SocketAddress.newBuilder().setIp(e.host()).setPort(e.port()).build();
    }

    static Timestamp timestamp(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    static Duration duration(java.time.Duration d) {
        return Duration.newBuilder().setSeconds(d.getSeconds()).setNanos(d.getNano()).build();
    }
}
