package io.sipplatform.edge.transaction;

import io.sipplatform.sip.message.HeaderName;
import io.sipplatform.sip.message.SipMessageBuilder;
import io.sipplatform.sip.message.SipMethod;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;

/** The two requests a client transaction builds itself: the ACK for a non-2xx final, and CANCEL. */
final class ClientRequests {
    private static final String DEFAULT_MAX_FORWARDS = "70";

    private ClientRequests() {
    }

    /**
     * RFC 3261 §17.1.1.3: Request-URI, Call-ID, From and CSeq number of the INVITE, To of the response (with its
     * tag), a single Via equal to the INVITE's top Via, and the INVITE's Route header fields.
     */
    static byte[] ackFor(SipRequest invite, SipResponse response) {
        SipMessageBuilder b = start(SipMethod.ACK, invite);
        b.copyHeader(response, HeaderName.TO);
        return finish(b, invite, SipMethod.ACK).toBytes();
    }

    /**
     * RFC 3261 §9.1: Request-URI, Call-ID, To, From and CSeq number of the INVITE, tags included, a single Via equal
     * to the INVITE's top Via, and the INVITE's Route header fields.
     */
    static SipRequest cancelFor(SipRequest invite) {
        SipMessageBuilder b = start(SipMethod.CANCEL, invite);
        b.copyHeader(invite, HeaderName.TO);
        return (SipRequest) finish(b, invite, SipMethod.CANCEL).build();
    }

    private static SipMessageBuilder start(SipMethod method, SipRequest invite) {
        SipMessageBuilder b = SipMessageBuilder.request(method, invite.requestUriText());
        b.addHeader(HeaderName.VIA, invite.headerValues(HeaderName.VIA).get(0));
        String maxForwards = invite.header(HeaderName.MAX_FORWARDS);
        b.addHeader(HeaderName.MAX_FORWARDS, maxForwards != null ? maxForwards : DEFAULT_MAX_FORWARDS);
        b.copyHeader(invite, HeaderName.ROUTE);
        b.copyHeader(invite, HeaderName.FROM);
        return b;
    }

    private static SipMessageBuilder finish(SipMessageBuilder b, SipRequest invite, SipMethod method) {
        b.copyHeader(invite, HeaderName.CALL_ID);
        return b.addHeader(HeaderName.CSEQ, invite.cseq().number() + " " + method.name());
    }
}
