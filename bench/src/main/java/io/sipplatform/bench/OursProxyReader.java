package io.sipplatform.bench;

import io.sipplatform.sip.header.CSeq;
import io.sipplatform.sip.header.NameAddr;
import io.sipplatform.sip.message.DatagramFramer;
import io.sipplatform.sip.message.Framed;
import io.sipplatform.sip.message.SipMessage;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;

/**
 * sip-message: {@link DatagramFramer#frame(byte[])} over the datagram without copying; header values parse on first
 * access. Each call frames a new message, so nothing parsed is reused across messages.
 */
final class OursProxyReader {
    // one per benchmark thread: the framer reuses its scanner and is not thread-safe
    private final DatagramFramer framer = new DatagramFramer();

    void read(byte[] message, ProxyFields out) {
        Framed framed = framer.frame(message);
        if (!(framed instanceof Framed.Message)) {
            throw new IllegalStateException("corpus message not framed: " + framed);
        }
        SipMessage m = ((Framed.Message) framed).message();
        out.value(m.topVia().branch());
        out.value(m.callId());
        CSeq cseq = m.cseq();
        out.number(cseq.number());
        out.value(cseq.method());
        out.value(m.fromTag());
        out.value(m.toTag());
        if (m instanceof SipRequest) {
            SipRequest r = (SipRequest) m;
            out.value(r.requestUri());
            out.number(r.maxForwards());
            NameAddr route = r.topRoute();
            out.value(route == null ? null : route.uri());
        } else {
            out.number(((SipResponse) m).statusCode());
        }
    }
}
