package io.sipplatform.bench;

import io.pkts.buffer.Buffers;
import io.pkts.packet.sip.SipMessage;
import io.pkts.packet.sip.SipRequest;
import io.pkts.packet.sip.SipResponse;
import io.pkts.packet.sip.header.CSeqHeader;
import io.pkts.packet.sip.header.MaxForwardsHeader;
import io.pkts.packet.sip.header.RouteHeader;
import io.pkts.packet.sip.header.ToHeader;

import java.io.IOException;

/**
 * pkts-sip: {@link SipMessage#frame(io.pkts.buffer.Buffer)} over the datagram without copying; headers parse lazily
 * on first access, as ours do. Values stay pkts {@code Buffer}s (no String conversion a pkts proxy would not make).
 */
final class PktsProxyReader {

    void read(byte[] message, ProxyFields out) throws IOException {
        // a fresh wrapper per message: frame() consumes the buffer's reader index
        SipMessage m = SipMessage.frame(Buffers.wrap(message));
        out.value(m.getViaHeader().getBranch());
        out.value(m.getCallIDHeader().getCallId());
        CSeqHeader cseq = m.getCSeqHeader();
        out.number(cseq.getSeqNumber());
        out.value(cseq.getMethod());
        out.value(m.getFromHeader().getTag());
        ToHeader to = m.getToHeader();
        out.value(to.getTag());
        if (m.isRequest()) {
            SipRequest r = m.toRequest();
            out.value(r.getRequestUri());
            MaxForwardsHeader mf = r.getMaxForwards();
            out.number(mf == null ? -1 : mf.getMaxForwards());
            RouteHeader route = r.getRouteHeader();
            out.value(route == null ? null : route.getAddress().getURI());
        } else {
            SipResponse s = m.toResponse();
            out.number(s.getStatus());
        }
    }
}
