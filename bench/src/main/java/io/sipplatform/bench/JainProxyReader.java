package io.sipplatform.bench;

import gov.nist.javax.sip.header.Route;
import gov.nist.javax.sip.header.RouteList;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.StringMsgParser;

import javax.sip.header.CSeqHeader;
import javax.sip.header.MaxForwardsHeader;
import java.text.ParseException;

/**
 * JAIN-SIP RI: {@link StringMsgParser}, the parser the RI's UDP channel uses for a whole datagram (the pipelined
 * parser is its stream variant: the same header parsers behind a thread and a pipe). It parses every header eagerly.
 */
final class JainProxyReader {
    // one per benchmark thread, as the RI keeps one per message channel
    private final StringMsgParser parser = new StringMsgParser();

    void read(byte[] message, ProxyFields out) throws ParseException {
        // readBody=true, strict=false, no listener: the RI's UDP path (an invalid header then throws)
        SIPMessage m = parser.parseSIPMessage(message, true, false, null);
        out.value(m.getTopmostVia().getBranch());
        out.value(m.getCallId().getCallId());
        CSeqHeader cseq = m.getCSeq();
        out.number(cseq.getSeqNumber());
        out.value(cseq.getMethod());
        out.value(m.getFrom().getTag());
        out.value(m.getTo().getTag());
        if (m instanceof SIPRequest) {
            SIPRequest r = (SIPRequest) m;
            out.value(r.getRequestURI());
            MaxForwardsHeader mf = r.getMaxForwards();
            out.number(mf == null ? -1 : mf.getMaxForwards());
            RouteList routes = r.getRouteHeaders();
            out.value(routes == null || routes.isEmpty() ? null : ((Route) routes.getFirst()).getAddress().getURI());
        } else {
            out.number(((SIPResponse) m).getStatusCode());
        }
    }
}
